import { isThenable } from '../internal/thenable.ts'
import { escapeHtml } from './escape.ts'
import { SafeHtml } from './safe-html.ts'

/** hono's escaped values: `HtmlEscapedString` from hono/html and hono/jsx elements. */
export interface HonoEscaped {
  readonly isEscaped: true
}

/**
 * What a hole of `html` accepts. Strings are escaped; `SafeHtml` and hono's escaped values are
 * inserted as they are; arrays are joined; `null`, `undefined`, `true` and `false` render nothing;
 * promises are awaited.
 */
export type HtmlValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | SafeHtml
  | HonoEscaped
  | PromiseLike<HtmlValue>
  | readonly HtmlValue[]

// `Depth` stops the recursion into nested arrays (a hole typed as the recursive `HtmlValue` itself
// would never end); past it, a hole counts as possibly async.
type IsAsync<T, Depth extends readonly unknown[] = []> =
  T extends PromiseLike<unknown>
    ? true
    : T extends readonly (infer U)[]
      ? Depth['length'] extends 8
        ? boolean
        : IsAsync<U, [...Depth, unknown]>
      : T extends HonoEscaped
        ? T extends SafeHtml | string
          ? false
          : boolean
        : false

/**
 * The result of `html`: `SafeHtml` when every hole is synchronous, a `Promise<SafeHtml>` when a
 * hole may hold a promise (or a hono/jsx element, which may render asynchronously).
 */
export type HtmlResult<V extends readonly unknown[]> = true extends {
  [K in keyof V]: IsAsync<V[K]>
}[number]
  ? Promise<SafeHtml>
  : SafeHtml

/** Markup that may still be loading: what components and layouts return. */
export type Renderable = SafeHtml | Promise<SafeHtml>

function joinAll(parts: (string | Promise<string>)[]): Promise<string> {
  return Promise.all(parts.map((part) => Promise.resolve(part))).then((done) => done.join(''))
}

/**
 * Renders one hole: a string when it is known now, a promise when part of it is still loading.
 * Each value is looked at once, so a hono/jsx element is rendered once even when it is async.
 */
export function renderValue(value: unknown): string | Promise<string> {
  if (typeof value === 'string') {
    return escapeHtml(value)
  }
  if (value instanceof SafeHtml) {
    return value.value
  }
  if (value === null || value === undefined || value === false || value === true) {
    return ''
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    return String(value)
  }
  if (Array.isArray(value)) {
    return renderArray(value)
  }
  if (typeof value === 'object') {
    if (isThenable(value)) {
      return Promise.resolve(value).then(renderValue)
    }
    if ((value as Partial<HonoEscaped>).isEscaped === true) {
      return renderEscaped(value)
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- other objects: their text, escaped
  return escapeHtml(String(value))
}

// hono's HtmlEscapedString (a String object) and SafeHtml-like objects are markup now; anything
// else marked isEscaped (a hono/jsx element) renders through its toString(), which may return a
// promise, so it always renders as a promise: `html` then returns a Promise, as its type says.
function renderEscaped(value: object): string | Promise<string> {
  const markup: unknown = (value as { toString(): unknown }).toString()
  if (
    typeof markup === 'string' &&
    (value instanceof String || typeof (value as { value?: unknown }).value === 'string')
  ) {
    return markup
  }
  return Promise.resolve(markup).then(String)
}

function renderArray(values: readonly unknown[]): string | Promise<string> {
  let out = ''
  for (let i = 0; i < values.length; i++) {
    const part = renderValue(values[i])
    if (typeof part !== 'string') {
      return finishAsync(out, part, values, i + 1, undefined)
    }
    out += part
  }
  return out
}

// Continues a render whose hole `next - 1` turned out to be async: collects the remaining holes
// (starting their promises at once, so they load concurrently) and joins when all are done.
function finishAsync(
  prefix: string,
  pending: Promise<string>,
  values: readonly unknown[],
  next: number,
  strings: TemplateStringsArray | undefined
): Promise<string> {
  const parts: (string | Promise<string>)[] = [prefix, pending]
  if (strings) {
    parts.push(strings[next] as string)
  }
  for (let i = next; i < values.length; i++) {
    parts.push(renderValue(values[i]))
    if (strings) {
      parts.push(strings[i + 1] as string)
    }
  }
  return joinAll(parts)
}

/**
 * Tagged template for HTML: the template's own text is trusted, every interpolated value is
 * escaped unless it is `SafeHtml` (or one of hono's escaped strings).
 *
 * Arrays are joined; `null`, `undefined`, `true` and `false` render nothing; numbers render as
 * text. Promises in holes are awaited concurrently, and then the result is a `Promise<SafeHtml>`;
 * so is it with a hono/jsx element in a hole (JSX may render asynchronously).
 *
 * @param strings - the template's static parts (trusted)
 * @param values - the holes (escaped)
 * @returns `SafeHtml`, or a promise of it when a hole is async
 * @see docs/html.md
 * @example
 * const row = (o: Order) => html`<tr><td>${o.customer}</td><td>${o.total}</td></tr>`
 * const table = html`<table>${orders.map(row)}</table>`
 */
export function html<const V extends readonly HtmlValue[]>(
  strings: TemplateStringsArray,
  ...values: V
): HtmlResult<V> {
  let out = strings[0] as string
  for (let i = 0; i < values.length; i++) {
    const value: unknown = values[i]
    if (typeof value === 'string') {
      out += escapeHtml(value)
    } else if (value instanceof SafeHtml) {
      out += value.value
    } else {
      const part = renderValue(value)
      if (typeof part !== 'string') {
        const done = finishAsync(out, part, values, i + 1, strings).then(toSafeHtml)
        return done as HtmlResult<V>
      }
      out += part
    }
    out += strings[i + 1] as string
  }
  return new SafeHtml(out) as HtmlResult<V>
}

function toSafeHtml(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

/**
 * Renders any `html` hole value to `SafeHtml`, awaiting what is async.
 *
 * @param value - markup, text (escaped), an array, a promise, or a hono/jsx element
 * @see docs/html.md
 * @example
 * const page: SafeHtml = await render(layout(body))
 */
export async function render(value: HtmlValue): Promise<SafeHtml> {
  if (value instanceof SafeHtml) {
    return value
  }
  return new SafeHtml(await renderValue(value))
}
