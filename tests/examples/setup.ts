// Shared set-up of the gallery tests: a fresh gallery app, and every request the gallery answers
// (each example page, then the example's probes in order) as htmx 4 or a plain browser sends it.
import { createGalleryApp } from '../../examples/app.ts'
import type { Example, Probe } from '../../examples/example.ts'
import { htmxRequest, noJsRequest } from '../../src/testing/index.ts'

/** A gallery app, as the tests build it. */
export type GalleryApp = ReturnType<typeof createGalleryApp>

/** One request of the gallery and its answer. */
export interface Exchange {
  label: string
  probe: Probe
  res: Response
  body: string
}

/** The nonce of a response's CSP header. */
export function nonceOf(res: Response): string | undefined {
  return /'nonce-([^']+)'/.exec(res.headers.get('Content-Security-Policy') ?? '')?.[1]
}

/**
 * Sends one probe: as an htmx 4 request by default, or as a browser without JavaScript.
 *
 * @param app - the gallery app
 * @param probe - the request
 */
export function send(app: GalleryApp, probe: Probe): Promise<Response> {
  const form =
    probe.form === undefined ? undefined : (probe.form as Record<string, string[] | string>)
  const method = probe.method ?? 'GET'
  const headers = probe.headers === undefined ? undefined : { ...probe.headers }
  if (probe.htmx === false) {
    return noJsRequest(app, probe.path, { method, form, headers })
  }
  return htmxRequest(app, probe.path, { method, form, headers, target: probe.target ?? 'div#main' })
}

/** The requests of one example: its page without htmx, then its probes. */
export function probesOf(example: Example): Probe[] {
  return [{ path: `/${example.slug}`, htmx: false }, ...(example.probes ?? [])]
}

/**
 * Sends every request of every example to one fresh app, in order, and keeps the answers.
 *
 * @example
 * const exchanges = await exchangeAll()
 */
export async function exchangeAll(): Promise<Exchange[]> {
  const app = createGalleryApp()
  const out: Exchange[] = []
  const index: Probe = { path: '/', htmx: false }
  for (const [slug, probe] of [
    ['index', index] as const,
    ...app.examples.flatMap((example) => probesOf(example).map((p) => [example.slug, p] as const)),
  ]) {
    const res = await send(app, probe)
    const body = await res.text()
    const label = `${slug}: ${probe.method ?? 'GET'} ${probe.path}${probe.htmx === false ? ' (no JS)' : ''}`
    out.push({ label, probe, res, body })
  }
  return out
}
