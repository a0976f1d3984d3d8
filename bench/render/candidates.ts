/**
 * Every renderer, LIMIT first. Import this module only after `NODE_ENV=production` is set (React
 * reads it when it loads): bench/render.ts imports it dynamically for that reason.
 */
import { ceiling, limit } from './builder.ts'
import type { Candidate } from './data.ts'
import { ejsCandidate } from './ejs.ts'
import { etaCandidate } from './eta.ts'
import { handlebars } from './handlebars.ts'
import { honoHtml } from './hono-html.ts'
import { honoJsx } from './hono-jsx.ts'
import { hxkit } from './hxkit.ts'
import { kitajs } from './kitajs.ts'
import { preact } from './preact.ts'
import { react } from './react.ts'

export { reactMode } from './react.ts'

/** The renderers in table order; the first is the LIMIT, the ratios' denominator. */
export const CANDIDATES: readonly Candidate[] = [
  limit,
  ceiling,
  hxkit,
  honoHtml,
  kitajs,
  etaCandidate,
  handlebars,
  ejsCandidate,
  preact,
  honoJsx,
  react,
]
