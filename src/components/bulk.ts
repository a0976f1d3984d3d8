import { HTTPException } from 'hono/http-exception'
import { html, hx } from '../html/index.ts'
import type { PartialLike, SafeHtml } from '../html/index.ts'
import { checkKeys } from '../internal/options.ts'
import { checkSecret, signer } from '../internal/sign.ts'

/** A verified "all N across pages" selection: the canonical query it covers and the count shown. */
export interface BulkScope {
  readonly query: string
  readonly expected: number
}

/** Signs and checks "select all across pages" scopes; made by `bulkScopes()`. */
export interface BulkScopes {
  /** A token for the list's scope (`list.scope(state)`) and the count the user was shown. */
  sign(query: string, expected: number): string
  /** The scope of a posted token; an altered or foreign token answers 400. */
  verify(token: string): BulkScope
}

/**
 * Signs bulk-action scopes: "all 2,104 orders matching these filters" travels as the canonical
 * query plus the count, with an HMAC, so the server re-runs exactly that query; it compares the
 * new count with `expected` and answers 409 (`bulkBar()` asking again) when the set changed.
 *
 * @param options - `secret`: at least 16 characters
 * @see docs/components.md
 * @example
 * const scopes = bulkScopes({ secret: process.env.BULK_SECRET })
 * const token = scopes.sign(list.scope(state), 2104)
 */
export function bulkScopes(options: { secret: string }): BulkScopes {
  checkKeys('bulkScopes()', options, ['secret'])
  const sign = signer(checkSecret('bulkScopes()', options.secret), 'hxkit-bulk')
  return {
    sign: (query, expected) =>
      sign.sign(Buffer.from(JSON.stringify([query, expected])).toString('base64url'), ''),
    verify(token) {
      const payload = sign.verify(token, '')
      const value: unknown =
        payload === null ? null : JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
      if (
        !Array.isArray(value) ||
        typeof value[0] !== 'string' ||
        typeof value[1] !== 'number' ||
        !Number.isInteger(value[1])
      ) {
        throw new HTTPException(400, {
          message: 'Bad selection: it was changed or comes from elsewhere',
        })
      }
      return { query: value[0], expected: value[1] }
    },
  }
}

/** One bulk action: a button posting to its URL. */
export interface BulkAction {
  readonly label: string
  readonly post: string
  readonly confirm?: string | undefined
}

/** What `bulkBar()` takes. */
export interface BulkBarProps {
  readonly id: string
  readonly actions: readonly BulkAction[]
  /** How many rows match across all pages, with its scope token: offers "Select all N". */
  readonly all?:
    { readonly count: number; readonly token: string; readonly noun: string } | undefined
  /** The partial the actions replace (usually the table's). */
  readonly target: PartialLike
  /** A message at the top, e.g. the 409 "the selection changed" notice. */
  readonly notice?: string | undefined
  /** Whether "all N" is already chosen (a 409 answer asks again with the new count). */
  readonly across?: boolean | undefined
  /**
   * A handed-off action's progress (`taskProgress()`, answered with 202): the bar shows it in
   * place of the buttons and the all-pages offer, so the running set is not sent twice.
   */
  readonly task?: SafeHtml | undefined
}

const count = new Intl.NumberFormat('en-GB')

/**
 * The bulk-action bar of a table inside a `<form>`: shown by CSS when a row box is checked (or
 * always, with a notice), one submit button per action (`hx-post`, the form's checked `ids` go
 * along), and "Select all N" across pages: a checkbox `scope` carrying the signed token and the
 * `expected` count. Without JavaScript the buttons submit the form. With `task` (a large action
 * handed off to a background task) the bar shows that task's progress instead of its buttons.
 *
 * @param props - actions, the all-pages offer, the partial to replace, a notice
 * @see docs/components.md
 * @example
 * bulkBar({ id: 'bulk', target: self, actions: [{ label: 'Mark shipped', post: '/orders/bulk/ship' }],
 *   all: { count: 2104, token: scopes.sign(list.scope(state), 2104), noun: 'orders' } })
 */
export function bulkBar(props: BulkBarProps): SafeHtml {
  const all = props.all
  const across =
    all === undefined
      ? ''
      : html`<label class="hx-bulk-all"><input type="checkbox" name="scope" value="${all.token}" data-hxkit-across${props.across === true ? ' checked' : ''} /> Select all ${count.format(all.count)} ${all.noun} across pages</label><input type="hidden" name="expected" value="${String(all.count)}" />`
  const notice =
    props.notice === undefined
      ? ''
      : html`<p class="hx-bulk-notice" role="alert">${props.notice}</p>`
  if (props.task !== undefined) {
    return html`<div id="${props.id}" class="hx-bulk-bar hx-bulk-bar--shown hx-bulk-bar--task" role="group" aria-label="Bulk actions">${notice}${props.task}</div>`
  }
  const buttons = props.actions.map(
    (action) =>
      html`<button type="submit" class="hx-button" formaction="${action.post}"${hx({ post: action.post, target: props.target, ...(action.confirm === undefined ? {} : { confirm: action.confirm }) })}>${action.label}</button>`
  )
  const shown = props.notice === undefined ? '' : ' hx-bulk-bar--shown'
  return html`<div id="${props.id}" class="hx-bulk-bar${shown}" role="group" aria-label="Bulk actions">${notice}${across}${buttons}</div>`
}
