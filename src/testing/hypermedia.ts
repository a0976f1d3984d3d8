// The dead-hypermedia check: crawl an app's pages and report the htmx selectors that match
// nothing and the htmx URLs that no route answers.
import { Hono } from 'hono'
import { checkKeys } from '../internal/options.ts'
import type { RequestableApp } from '../views/index.ts'
import { compileSelector, descendants, parseElements } from './dom.ts'
import type { Element } from './dom.ts'
import { htmxRequest, noJsRequest } from './request.ts'

/** An app whose route table can be read: hono's `app.routes`. */
export interface HypermediaApp extends RequestableApp {
  readonly routes: readonly { readonly method: string; readonly path: string }[]
}

/** One selector or URL the check reports. */
export interface HypermediaFinding {
  /** The page (path and query) the element appears on. */
  readonly page: string
  /** `selector`: matches nothing; `route`: no route answers; `unchecked`: outside the selector subset. */
  readonly kind: 'selector' | 'route' | 'unchecked'
  /** The attribute as written, e.g. `hx-target` or `data-hx-post`. */
  readonly attribute: string
  /** Its value. */
  readonly value: string
  /** The element's start tag. */
  readonly element: string
  /** Why it is reported. */
  readonly reason: string
}

/** What `checkHypermedia()` found: `dead` should be empty; `unchecked` lists what it skipped. */
export interface HypermediaReport {
  readonly pages: readonly string[]
  readonly dead: readonly HypermediaFinding[]
  readonly unchecked: readonly HypermediaFinding[]
}

/** Options of `checkHypermedia()`. */
export interface HypermediaOptions {
  /** Follow same-origin `<a href>` links from the start pages. @default true */
  crawl?: boolean | undefined
  /** The most pages to visit. @default 50 */
  maxPages?: number | undefined
}

const SELECTOR_ATTRIBUTES = ['hx-target', 'hx-select', 'hx-include', 'hx-indicator', 'hx-disable']
const VERBS = ['get', 'post', 'put', 'patch', 'delete']
// htmx 4 leaves these names to the page or the window, never to a selector query
const ALWAYS_THERE = new Set(['this', 'document', 'window', 'body', 'host', 'next', 'previous'])
const BASE = 'http://localhost'

// The attribute's base name without `data-` and without htmx 4's `:inherited` / `:append`.
function baseName(name: string): { base: string; inherited: boolean } {
  const plain = name.startsWith('data-hx-') ? name.slice(5) : name
  const [base, ...modifiers] = plain.split(':')
  return { base: base as string, inherited: modifiers.length > 0 }
}

// One part of an htmx extended selector, resolved from `element` as #findAllExt does
// (`closest`, `find`, `next`, `previous`, keywords, or a standard selector on the page).
function resolvePart(part: string, element: Element, page: readonly Element[]): boolean | null {
  let text = part.trim().replace(/^global\s+/, '')
  if (text.startsWith('<') && text.endsWith('/>')) {
    text = text.slice(1, -2).trim()
  }
  if (
    ALWAYS_THERE.has(text) ||
    text === 'nextElementSibling' ||
    text === 'previousElementSibling'
  ) {
    return true
  }
  const relative = /^(closest|findAll|find|next|previous)\s+(.+)$/.exec(text)
  const selector = compileSelector(relative?.[2] ?? text)
  if (selector === null) {
    return null
  }
  const scope = relative?.[1]
  if (scope === 'closest') {
    for (let at: Element | null = element; at !== null; at = at.parent) {
      if (selector(at)) {
        return true
      }
    }
    return false
  }
  const pool =
    scope === 'find' || scope === 'findAll'
      ? descendants(element)
      : scope === 'next'
        ? page.filter((other) => other.order > element.order)
        : scope === 'previous'
          ? page.filter((other) => other.order < element.order)
          : page
  return pool.some(selector)
}

function selectorFinding(
  value: string,
  element: Element,
  page: readonly Element[],
  inherited: boolean
): string | null {
  const results = value.split(',').map((part) =>
    // an inherited relative selector resolves from the descendant that triggers: not checked
    inherited && /^\s*(closest|find|next|previous|this)\b/.test(part)
      ? null
      : resolvePart(part, element, page)
  )
  if (results.includes(false)) {
    return 'matches nothing on the page'
  }
  return results.includes(null) ? 'unchecked' : null
}

// A router with the app's routes and no handlers: whether a method and path has a route,
// without running a handler with side effects. Middleware (`app.use`) registers as ALL with a
// wildcard and does not count.
function routeTable(app: HypermediaApp): Hono {
  const shadow = new Hono()
  for (const { method, path } of app.routes) {
    if (method !== 'ALL') {
      shadow.on(method, path, (c) => c.body(null, 204))
    } else if (!path.includes('*')) {
      shadow.all(path, (c) => c.body(null, 204))
    }
  }
  return shadow
}

interface Crawl {
  readonly app: HypermediaApp
  readonly routes: Hono
  readonly dead: HypermediaFinding[]
  readonly unchecked: HypermediaFinding[]
  readonly gets: Map<string, Promise<{ status: number; body: string }>>
}

function fetchGet(
  crawl: Crawl,
  url: string,
  currentUrl: string
): Promise<{ status: number; body: string }> {
  let answer = crawl.gets.get(url)
  if (answer === undefined) {
    answer = htmxRequest(crawl.app, url, { currentUrl }).then(async (res) => ({
      status: res.status,
      body: await res.text(),
    }))
    crawl.gets.set(url, answer)
  }
  return answer
}

// 2xx, 3xx and 4xx by design answer; 404, 405 and 5xx mean nothing answers.
const answers = (status: number): boolean =>
  status < 400 || (status < 500 && status !== 404 && status !== 405)

async function checkElement(
  crawl: Crawl,
  pagePath: string,
  element: Element,
  page: readonly Element[],
  markup: string
): Promise<void> {
  const tag = markup.slice(element.start, element.end)
  const report = (
    kind: HypermediaFinding['kind'],
    attribute: string,
    value: string,
    reason: string
  ): void => {
    const finding = { page: pagePath, kind, attribute, value, element: tag, reason }
    ;(kind === 'unchecked' ? crawl.unchecked : crawl.dead).push(finding)
  }
  const pageUrl = new URL(pagePath, BASE)
  let response: string | undefined
  for (const [name, value] of element.attrs) {
    const { base } = baseName(name)
    const verb =
      /^hx-(get|post|put|patch|delete)$/.exec(base)?.[1] ??
      (base === 'hx-action' ? (element.attrs.get('hx-method') ?? 'get').toLowerCase() : undefined)
    if (verb === undefined || !VERBS.includes(verb)) {
      continue
    }
    const url = new URL(value, pageUrl)
    if (url.origin !== BASE) {
      continue
    }
    const path = `${url.pathname}${url.search}`
    if (verb === 'get') {
      const answer = await fetchGet(crawl, path, pageUrl.href)
      response = answer.body
      if (!answers(answer.status)) {
        report('route', name, value, `GET ${path} answered ${String(answer.status)}`)
      }
    } else {
      const method = verb.toUpperCase()
      const res = await crawl.routes.request(url.pathname, { method })
      if (res.status !== 204) {
        report('route', name, value, `no route for ${method} ${url.pathname}`)
      }
    }
  }
  for (const [name, value] of element.attrs) {
    const { base, inherited } = baseName(name)
    if (!SELECTOR_ATTRIBUTES.includes(base)) {
      continue
    }
    // hx-select picks from the response: check it there when the element's GET was fetched
    const scope = base === 'hx-select' && response !== undefined ? parseElements(response) : page
    const outcome = selectorFinding(value, element, scope, inherited)
    if (outcome === 'unchecked') {
      report(
        'unchecked',
        name,
        value,
        inherited
          ? 'inherited: resolves from each descendant that triggers'
          : 'uses selector syntax the check does not read'
      )
    } else if (outcome !== null) {
      report('selector', name, value, scope === page ? outcome : 'matches nothing in the response')
    }
  }
}

/**
 * Crawls an app's pages and reports every `hx-target`, `hx-select`, `hx-include`,
 * `hx-indicator` and `hx-disable` selector that matches nothing on the page it appears on
 * (`hx-select`: in the response it selects from), and every `hx-get`/`hx-post`/… URL and `<a href>`
 * that no route answers. GETs are requested (htmx GETs must be safe, docs/protocol.md §6); other
 * methods are looked up in `app.routes`, so no handler with side effects runs.
 *
 * @param app - the hono app
 * @param paths - the pages to start from
 * @param [options={}] - `crawl` (follow links, default true) and `maxPages` (default 50)
 * @returns the pages visited, the dead selectors and URLs, and the selectors it could not read
 * @see docs/testing.md
 * @example
 * const report = await checkHypermedia(app, ['/'])
 * expect(report.dead).toEqual([])
 */
export async function checkHypermedia(
  app: HypermediaApp,
  paths: readonly string[],
  options: HypermediaOptions = {}
): Promise<HypermediaReport> {
  checkKeys('checkHypermedia()', options, ['crawl', 'maxPages'])
  const maxPages = options.maxPages ?? 50
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw new TypeError('checkHypermedia(): "maxPages" must be a positive integer.')
  }
  const crawl: Crawl = { app, routes: routeTable(app), dead: [], unchecked: [], gets: new Map() }
  // each page to visit, with the link that led to it (none for a start page)
  const queue: { path: string; from?: { page: string; tag: string; href: string } }[] = paths.map(
    (path) => ({ path })
  )
  const seen = new Set<string>()
  while (queue.length > 0 && seen.size < maxPages) {
    const { path: pagePath, from } = queue.shift() as (typeof queue)[number]
    if (seen.has(pagePath)) {
      continue
    }
    seen.add(pagePath)
    const res = await noJsRequest(app, pagePath)
    if (from !== undefined && !answers(res.status)) {
      const reason = `GET ${pagePath} answered ${String(res.status)}`
      crawl.dead.push({
        ...from,
        kind: 'route',
        attribute: 'href',
        value: from.href,
        element: from.tag,
        reason,
      })
    }
    if (!(res.headers.get('Content-Type') ?? '').includes('text/html')) {
      continue
    }
    const markup = await res.text()
    const page = parseElements(markup)
    for (const element of page) {
      await checkElement(crawl, pagePath, element, page, markup)
      const href = element.name === 'a' ? element.attrs.get('href') : undefined
      if (href === undefined || options.crawl === false) {
        continue
      }
      const url = new URL(href, new URL(pagePath, BASE))
      const link = `${url.pathname}${url.search}`
      if (url.origin === BASE && !seen.has(link) && !queue.some((next) => next.path === link)) {
        const tag = markup.slice(element.start, element.end)
        queue.push({ path: link, from: { page: pagePath, tag, href } })
      }
    }
  }
  return { pages: [...seen], dead: crawl.dead, unchecked: crawl.unchecked }
}
