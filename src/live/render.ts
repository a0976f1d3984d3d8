// Renders the dirty partials of the streams a flush picked up, through the partials' own
// loaders, each under its stream's nonce. A `shared` view renders once per group of streams that
// need the same partials, under a one-off placeholder nonce that each stream's copy swaps for its own.
import type { Context } from 'hono'
import { generateNonce, runWithNonce } from '../csp/index.ts'
import { render } from '../html/index.ts'
import type { HtmlValue, SafeHtml } from '../html/index.ts'
import type { NamedPartial } from '../partials/index.ts'
import { hxPartial } from '../partials/index.ts'
import type { Entry } from './registry.ts'

function wanted(entry: Entry): NamedPartial[] {
  const { dirty } = entry
  entry.dirty = null
  return dirty === 'all' || dirty === null
    ? [...entry.view.partials]
    : entry.view.partials.filter((part) => dirty.has(part.name))
}

/** What a view adds after its partials (`oob`). */
export type OobMarkup = ((c: Context) => HtmlValue) | undefined

/** The partials as `<hx-partial>` blocks, each loader run once, concurrently, then `oob`'s markup. */
export async function renderBlocks(
  c: Context,
  parts: readonly NamedPartial[],
  oob?: OobMarkup
): Promise<SafeHtml> {
  const [after, ...markup] = await Promise.all([
    oob === undefined ? '' : render(oob(c)),
    ...parts.map((part) => part.render(c)),
  ])
  return render([...markup.map((done, i) => hxPartial(parts[i] as NamedPartial, done)), after])
}

function scoped(nonce: string | undefined, run: () => Promise<SafeHtml>): Promise<SafeHtml> {
  return nonce === undefined ? run() : runWithNonce(nonce, run)
}

export interface Rendered {
  readonly entry: Entry
  readonly data: string
}

/** One render of a flush: a stream's own, or a `shared` view's for a group of streams. */
export interface RenderJob {
  /** The streams the render is for. */
  readonly entries: readonly Entry[]
  /** Renders their messages; rejects when a loader throws. */
  readonly render: () => Promise<Rendered[]>
}

/**
 * Splits a flush into its renders, taking each entry's dirty partials now: a publish that comes
 * while they run marks the entry for the next flush. Each job is sent and released on its own,
 * so a slow or failing loader holds back only its own streams.
 */
export function renderJobs(entries: readonly Entry[]): RenderJob[] {
  const groups = new Map<string, { parts: NamedPartial[]; entries: Entry[] }>()
  const jobs: RenderJob[] = []
  for (const entry of entries) {
    const parts = wanted(entry)
    if (!entry.view.shared) {
      jobs.push({
        entries: [entry],
        render: () =>
          scoped(entry.nonce, () => renderBlocks(entry.c, parts, entry.view.oob)).then((html) => [
            { entry, data: html.value },
          ]),
      })
      continue
    }
    const key = `${String(entry.nonce === undefined)}|${parts.map((p) => p.name).join(',')}`
    const group = groups.get(key)
    if (group === undefined) {
      groups.set(key, { parts, entries: [entry] })
    } else {
      group.entries.push(entry)
    }
  }
  for (const { parts, entries: members } of groups.values()) {
    const first = members[0] as Entry
    jobs.push({
      entries: members,
      render: () => {
        const placeholder = first.nonce === undefined ? undefined : generateNonce()
        return scoped(placeholder, () => renderBlocks(first.c, parts, first.view.oob)).then(
          (html) =>
            members.map((entry) => ({
              entry,
              data:
                placeholder === undefined
                  ? html.value
                  : html.value.replaceAll(placeholder, entry.nonce as string),
            }))
        )
      },
    })
  }
  return jobs
}
