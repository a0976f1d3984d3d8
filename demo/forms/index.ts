// The demo's forms: create and edit pages built from one zod schema each (see docs/forms.md).
import type { Hono } from 'hono'
import type { Layout } from '../../src/views/index.ts'
import type { DemoDb } from '../db.ts'
import type { overviewPage } from '../pages/overview.ts'

/** What the form routes need from the app. */
export interface FormDeps {
  db: DemoDb
  layout: Layout
  overview: ReturnType<typeof overviewPage>
}

/**
 * Mounts the form routes on the app.
 *
 * @param _app - the demo app
 * @param _deps - database, layout and the overview page (its partials update after a submit)
 * @example
 * registerForms(app, { db, layout, overview })
 */
export function registerForms(_app: Hono, _deps: FormDeps): void {
  // filled in by the forms work
}
