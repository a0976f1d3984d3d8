// Shared set-up of the demo tests: a demo app on a temporary SQLite file, partial-request
// shorthands over hxkit/testing's header builders, and a scan for markup that a strict CSP would block.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../demo/app.ts'
import { openDb } from '../../demo/db.ts'
import type { DemoDb } from '../../demo/db.ts'
import type { HtmxVersion } from '../../demo/layout.ts'
import { htmx2Headers, htmx4Element, htmx4Headers } from '../../src/testing/index.ts'
import type { HeaderRecord } from '../../src/testing/index.ts'

/** A demo app on its own fresh database, and how to clean it up. */
export interface TestApp {
  app: ReturnType<typeof createApp>
  db: DemoDb
  cleanup: () => void
}

/** Opens a fresh demo database in a temporary folder and builds the app on it. */
export function openTestApp(htmxVersion: HtmxVersion = 4): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'hxkit-demo-'))
  const db = openDb({ path: join(dir, 'demo.db'), reset: true })
  return {
    app: createApp({ db, htmxVersion }),
    db,
    cleanup: () => {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** htmx 4 partial request from a link aimed at `tag#id` (hxkit/testing's builders). */
export const hx4Partial = (tag: string, id: string): HeaderRecord =>
  htmx4Headers({ source: 'a', target: htmx4Element(tag, id) })

/** htmx 2 partial request aimed at a bare id. */
export const hx2Partial = (id: string): HeaderRecord => htmx2Headers({ target: id })

/** Markup a strict CSP would block or that smells of injection: inline scripts, handlers, styles. */
export function unsafeMarkup(body: string): string[] {
  const problems: string[] = []
  for (const [tag] of body.matchAll(/<[a-zA-Z][^>]*>/g)) {
    if (/^<script\b/i.test(tag) && !/\ssrc="[^"]+"/i.test(tag)) {
      problems.push(`inline script: ${tag}`)
    }
    if (/\son[a-z]+\s*=/i.test(tag)) {
      problems.push(`event handler attribute: ${tag}`)
    }
    if (/\sstyle\s*=/i.test(tag)) {
      problems.push(`style attribute: ${tag}`)
    }
    if (/javascript:/i.test(tag)) {
      problems.push(`javascript: URL: ${tag}`)
    }
    if (/^<style\b/i.test(tag)) {
      problems.push(`style element: ${tag}`)
    }
  }
  return problems
}
