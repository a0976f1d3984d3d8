// The synchronous side of a partial's render, for page(): a partial whose loader and holes are all
// synchronous renders without a promise, so a page made only of such partials builds its document
// in one pass (a promise per partial and per await was a measurable share of a page request).
import type { Context } from 'hono'

interface Markup {
  readonly value: string
}
type RenderNow = (c: Context) => Markup | Promise<Markup>

const renderers = new WeakMap<object, RenderNow>()

/** Registers `part`'s synchronous renderer (by `partial()`, once per partial). */
export function setRenderNow(part: object, now: RenderNow): void {
  renderers.set(part, now)
}

/**
 * Renders `part` now when it can: its markup, or a promise when its loader or a hole is async.
 * A partial not made by `partial()` falls back to its own `render(c)`. A loader that throws gives
 * a rejected promise, as `render(c)` does.
 */
export function renderNow<T extends Markup>(
  part: { readonly render: (c: Context) => Promise<T> },
  c: Context
): T | Promise<T> {
  const now = renderers.get(part) as ((c: Context) => T | Promise<T>) | undefined
  if (now === undefined) {
    return part.render(c)
  }
  try {
    return now(c)
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the loader's own reason, as render(c) would reject with it
    return Promise.reject(error)
  }
}
