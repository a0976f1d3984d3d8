// What runs in the page for htmxIdle() and expectSwap(): counts htmx requests, swaps, settles and
// processing in flight, for htmx 4 and htmx 2 event names, and notes when htmx last did anything.
// It is passed to Playwright as a function, so it must not refer to anything outside itself.

/** The tracker's state on `window`. */
export interface HtmxTracker {
  requests: Set<unknown>
  pending: Record<string, number>
  last: number
  swaps: { selector: string; url?: string; method?: string; status?: number; done: boolean }[]
}

/** Installs the tracker on `window.__hxkit` once per document. */
export function installTracker(): void {
  const host = window as unknown as { __hxkit?: HtmxTracker }
  if (host.__hxkit !== undefined) {
    return
  }
  const state: HtmxTracker = {
    requests: new Set(),
    pending: {},
    last: performance.now(),
    swaps: [],
  }
  host.__hxkit = state
  const on = (names: string[], handler: (event: CustomEvent) => void): void => {
    for (const name of names) {
      document.addEventListener(
        name,
        (event) => {
          state.last = performance.now()
          handler(event as CustomEvent)
        },
        true
      )
    }
  }
  // a request is keyed by htmx 4's ctx or htmx 2's xhr, so a cancelled start is never counted
  interface Detail {
    ctx?: {
      target?: Element
      request?: { action?: string; method?: string }
      response?: { status?: number }
    }
    xhr?: XMLHttpRequest
    target?: Element
    requestConfig?: { path?: string; verb?: string }
  }
  const key = (event: CustomEvent): unknown => {
    const detail = event.detail as Detail | null
    return detail?.ctx ?? detail?.xhr ?? event.target
  }
  on(['htmx:before:request', 'htmx:beforeSend'], (event) => {
    state.requests.add(key(event))
    const detail = event.detail as Detail
    const target = detail.ctx?.target ?? detail.target
    for (const swap of state.swaps) {
      if (swap.url === undefined && target instanceof Element && target.matches(swap.selector)) {
        const action = detail.ctx?.request?.action ?? detail.requestConfig?.path ?? ''
        swap.url = new URL(action, location.href).href
        swap.method = (
          detail.ctx?.request?.method ??
          detail.requestConfig?.verb ??
          'GET'
        ).toUpperCase()
        const request = key(event)
        const finish = (done: CustomEvent): void => {
          if (key(done) !== request) {
            return
          }
          const info = done.detail as Detail
          swap.status = info.ctx?.response?.status ?? info.xhr?.status ?? 0
          swap.done = true
        }
        document.addEventListener('htmx:finally:request', finish as EventListener, true)
        document.addEventListener('htmx:afterRequest', finish as EventListener, true)
      }
    }
  })
  on(['htmx:finally:request', 'htmx:afterRequest'], (event) => {
    state.requests.delete(key(event))
  })
  // htmx 4 pairs its events; htmx 2's swap and settle show in the classes isIdle() checks, and
  // each of its steps only moves `last`
  const pairs: [string, string, string][] = [
    ['swap', 'htmx:before:swap', 'htmx:finally:swap'],
    ['settle', 'htmx:before:settle', 'htmx:after:settle'],
    ['process', 'htmx:before:process', 'htmx:after:process'],
  ]
  for (const [name, start, end] of pairs) {
    state.pending[name] = 0
    on([start], () => {
      state.pending[name] = (state.pending[name] ?? 0) + 1
    })
    on([end], () => {
      state.pending[name] = Math.max(0, (state.pending[name] ?? 0) - 1)
    })
  }
  on(
    ['htmx:load', 'htmx:after:init', 'htmx:beforeSwap', 'htmx:afterSwap', 'htmx:afterSettle'],
    () => undefined
  )
}

/** Whether htmx is idle: nothing in flight, no busy classes, and quiet for `quiet` ms. */
export function isIdle(quiet: number): boolean {
  const state = (window as unknown as { __hxkit?: HtmxTracker }).__hxkit
  if (state === undefined) {
    return false
  }
  const busy =
    state.requests.size > 0 ||
    Object.values(state.pending).some((count) => count > 0) ||
    document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling') !== null
  if (busy) {
    state.last = performance.now()
    return false
  }
  return performance.now() - state.last >= quiet
}
