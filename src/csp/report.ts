import type { Context, Handler } from 'hono'
import { clientAddress } from '../internal/client-address.ts'
import { checkKeys } from '../internal/options.ts'
import { windowCounter } from '../internal/rate-window.ts'

/** One CSP violation, normalised from either report format. */
export interface CspReport {
  readonly documentUrl: string
  /** The directive that was violated (`script-src-elem`, …). */
  readonly directive: string
  readonly blockedUrl: string
  /** `enforce` or `report` (from a report-only policy). */
  readonly disposition: string
  readonly sourceFile: string
  readonly line: number | null
  readonly column: number | null
  readonly sample: string
  readonly userAgent: string
  /** When the server received it (ms since the epoch). */
  readonly receivedAt: number
}

/** Where `cspReportHandler()` stores reports: a database table, a log, a queue. */
export type CspReportSink = (reports: CspReport[], c: Context) => void | Promise<void>

/** Options of `cspReportHandler()`. */
export interface CspReportOptions {
  /** Receives every accepted batch. */
  sink: CspReportSink
  /** Largest body in bytes; larger ones get 413. @default 16_384 */
  maxBytes?: number | undefined
  /**
   * At most `max` reports per `windowMs` from each client (`key`, default the socket's address;
   * behind a proxy, read the client from the header it sets); more get 429. One noisy client
   * cannot silence the others. At most 10,000 clients are remembered per window.
   * @default { max: 100, windowMs: 60_000 }
   */
  rateLimit?:
    { max: number; windowMs: number; key?: ((c: Context) => string) | undefined } | undefined
}

type Json = Record<string, unknown>

interface ReportingApiEntry {
  type?: unknown
  url?: unknown
  user_agent?: unknown
  body?: unknown
}

interface ReportingApiBody {
  documentURL?: unknown
  effectiveDirective?: unknown
  blockedURL?: unknown
  disposition?: unknown
  sourceFile?: unknown
  lineNumber?: unknown
  columnNumber?: unknown
  sample?: unknown
}

function text(value: unknown, max = 2048): string {
  return typeof value === 'string' ? value.slice(0, max) : ''
}

function integer(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null
}

// Legacy `report-uri` body: { "csp-report": { "document-uri", "violated-directive", … } }
function fromLegacy(body: Json, userAgent: string, receivedAt: number): CspReport {
  return {
    documentUrl: text(body['document-uri']),
    directive: text(body['effective-directive'] ?? body['violated-directive'], 200),
    blockedUrl: text(body['blocked-uri']),
    disposition: text(body['disposition'], 20) || 'enforce',
    sourceFile: text(body['source-file']),
    line: integer(body['line-number']),
    column: integer(body['column-number']),
    sample: text(body['script-sample'], 200),
    userAgent,
    receivedAt,
  }
}

// Reporting API body: [{ type: "csp-violation", url, user_agent, body: { documentURL, … } }]
function fromReportingApi(
  entry: ReportingApiEntry,
  userAgent: string,
  receivedAt: number
): CspReport | null {
  const body = entry.body
  if (entry.type !== 'csp-violation' || typeof body !== 'object' || body === null) {
    return null
  }
  const b = body as ReportingApiBody
  return {
    documentUrl: text(b.documentURL ?? entry.url),
    directive: text(b.effectiveDirective, 200),
    blockedUrl: text(b.blockedURL),
    disposition: text(b.disposition, 20) || 'enforce',
    sourceFile: text(b.sourceFile),
    line: integer(b.lineNumber),
    column: integer(b.columnNumber),
    sample: text(b.sample, 200),
    userAgent: text(entry.user_agent, 500) || userAgent,
    receivedAt,
  }
}

/**
 * Turns a report body into reports, or `null` when it is not a CSP report.
 *
 * @param contentType - the request's Content-Type
 * @param body - the parsed JSON body
 */
export function parseCspReports(
  contentType: string,
  body: unknown,
  userAgent: string = '',
  receivedAt: number = Date.now()
): CspReport[] | null {
  const type = contentType.split(';')[0]?.trim().toLowerCase()
  if (type === 'application/reports+json' && Array.isArray(body)) {
    return body
      .filter((entry): entry is ReportingApiEntry => typeof entry === 'object' && entry !== null)
      .map((entry) => fromReportingApi(entry, userAgent, receivedAt))
      .filter((report): report is CspReport => report !== null)
  }
  const legacy = (body as Json | null)?.['csp-report']
  if ((type === 'application/csp-report' || type === 'application/json') && legacy) {
    return typeof legacy === 'object' ? [fromLegacy(legacy as Json, userAgent, receivedAt)] : null
  }
  return null
}

const REPORT_TYPES = new Set([
  'application/reports+json',
  'application/csp-report',
  'application/json',
])

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase()
}

function plain(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=UTF-8' },
  })
}

async function readBounded(c: Context, maxBytes: number): Promise<string | null> {
  const declared = Number(c.req.header('content-length') ?? '0')
  if (declared > maxBytes) {
    return null
  }
  const buffer = await c.req.arrayBuffer()
  return buffer.byteLength > maxBytes ? null : new TextDecoder().decode(buffer)
}

/**
 * A POST handler that collects CSP violation reports in both formats — the Reporting API
 * (`application/reports+json`) and legacy `report-uri` (`application/csp-report`) — bounded in
 * body size and rate, and hands them to a sink. Answers 204, or 400/413/415/429 with a message.
 *
 * @param options - `sink`, `maxBytes`, `rateLimit`
 * @see docs/csp.md
 * @example
 * app.post('/__csp-report', cspReportHandler({ sink: (reports) => db.saveReports(reports) }))
 */
export function cspReportHandler(options: CspReportOptions): Handler {
  checkKeys('cspReportHandler()', options, ['sink', 'maxBytes', 'rateLimit'])
  checkKeys('cspReportHandler()', options.rateLimit, ['max', 'windowMs', 'key'], 'rateLimit.')
  const maxBytes = options.maxBytes ?? 16_384
  const { max, windowMs, key = clientAddress } = options.rateLimit ?? { max: 100, windowMs: 60_000 }
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new TypeError('cspReportHandler(): "maxBytes" must be a positive whole number')
  }
  if (!(max > 0 && windowMs > 0)) {
    throw new TypeError('cspReportHandler(): "rateLimit" needs positive max and windowMs')
  }
  if (typeof key !== 'function') {
    throw new TypeError('cspReportHandler(): "rateLimit.key" must be a function of the context')
  }
  const counts = windowCounter(windowMs, 10_000)

  return async function cspReportHandler(c) {
    const raw = await readBounded(c, maxBytes)
    if (raw === null) {
      return plain(413, `Payload Too Large: a report body is at most ${maxBytes} bytes.`)
    }
    let body: unknown
    try {
      body = JSON.parse(raw)
    } catch {
      return plain(400, 'Bad Request: the report is not valid JSON.')
    }
    const type = c.req.header('content-type') ?? ''
    const parsed = parseCspReports(type, body, c.req.header('user-agent') ?? '')
    if (parsed === null) {
      return REPORT_TYPES.has(mediaType(type))
        ? plain(400, 'Bad Request: the body is not a CSP violation report.')
        : plain(
            415,
            'Unsupported Media Type: send application/reports+json or application/csp-report.'
          )
    }
    // a report that names no directive or no page says nothing: not stored
    const reports = parsed.filter((report) => report.directive !== '' && report.documentUrl !== '')
    if (reports.length === 0 && (parsed.length > 0 || !Array.isArray(body) || body.length === 0)) {
      return plain(400, 'Bad Request: a CSP report needs a directive and a document URL.')
    }
    const client = key(c)
    const now = Date.now()
    if (counts.hit(client, 0, now).count + reports.length > max) {
      return plain(429, 'Too Many Requests: CSP reports are rate-limited per client.')
    }
    counts.hit(client, reports.length, now)
    if (reports.length > 0) {
      await options.sink(reports, c)
    }
    return c.body(null, 204)
  }
}
