// Copies htmx from node_modules into public/vendor/, so the demo serves it from 'self'.
// htmx 4 (htmx.org) is what the demo ships; htmx 2 (the htmx2 alias) is for the compatibility e2e run.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'public', 'vendor')
const files = [
  ['htmx.org/dist/htmx.min.js', 'htmx.min.js'],
  ['htmx.org/dist/ext/hx-csp.js', 'hx-csp.js'],
  ['htmx2/dist/htmx.min.js', 'htmx2.min.js'],
]

mkdirSync(out, { recursive: true })
for (const [from, to] of files) {
  const src = join(root, 'node_modules', from)
  if (!existsSync(src)) {
    console.warn(`vendor-htmx: ${from} is not installed; run npm install`)
    continue
  }
  copyFileSync(src, join(out, to))
}
