/**
 * The checks run before any timing: every candidate's page, fragment and row equal the LIMIT's
 * after canonicalisation (canonical.ts), and every escaping candidate escaped the hostile strings.
 * The no-escaping ceiling is checked for equivalence on the clean data only, and checked to FAIL
 * the escaping check on the hostile data (which shows that the check can fail).
 */
import { canonical } from './canonical.ts'
import type { Candidate, Dashboard } from './data.ts'

type Outputs = readonly (readonly [scenario: string, markup: string])[]

function outputs(c: Candidate, d: Dashboard): Outputs {
  const first = d.orders[0]
  if (first === undefined) {
    throw new Error('the data has no orders')
  }
  return [
    ['page', c.page(d)],
    ['fragment', c.fragment(d.orders)],
    ['row', c.row(first)],
  ]
}

// Markup that only the data can produce: the templates hold no <script>, <img>, <v2> …
const RAW = /<script|<img|<v2>|<Co>|<admin>|"XL"/

function equivalent(c: Candidate, want: Outputs, d: Dashboard, what: string): void {
  outputs(c, d).forEach(([scenario, markup], i) => {
    const expected = (want[i] as Outputs[number])[1]
    if (canonical(markup) !== canonical(expected)) {
      throw new Error(`${c.name}, ${scenario}, ${what}: the output differs from the LIMIT's`)
    }
  })
}

function escaped(c: Candidate, d: Dashboard): boolean {
  return outputs(c, d).every(([, markup]) => !RAW.test(markup))
}

/**
 * Throws unless every candidate passes (see the module comment).
 *
 * @param candidates - the candidates; the first is the LIMIT
 * @param hostile - the benchmark's data (about a third of its text needs escaping)
 * @param clean - the same data without characters that need escaping
 */
export function verify(
  candidates: readonly Candidate[],
  hostile: Dashboard,
  clean: Dashboard
): void {
  const [limit] = candidates
  if (limit === undefined) {
    throw new Error('no candidates')
  }
  const page = canonical(limit.page(hostile))
  for (const text of ['&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;', "O'Brien &amp; Sons"]) {
    if (!page.includes(text)) {
      throw new Error(`the LIMIT's page does not contain ${text}`)
    }
  }
  const wantHostile = outputs(limit, hostile)
  const wantClean = outputs(limit, clean)
  for (const c of candidates) {
    equivalent(c, wantClean, clean, 'clean data')
    if (c.escapes) {
      equivalent(c, wantHostile, hostile, 'hostile data')
      if (!escaped(c, hostile)) {
        throw new Error(`${c.name}: a hostile string reached the output unescaped`)
      }
    } else if (escaped(c, hostile)) {
      throw new Error(`${c.name}: expected raw hostile strings (is the escaping check broken?)`)
    }
  }
}
