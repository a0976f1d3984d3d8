import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { form } from '../../src/forms/index.ts'
import type { FormState } from '../../src/forms/index.ts'
import { html } from '../../src/html/index.ts'
import { htmx } from '../../src/htmx/index.ts'
import { htmx2Headers, htmx4Headers } from '../../src/testing/index.ts'

const schema = z.object({ email: z.email(), name: z.string().min(2), age: z.number().optional() })
const f = form(schema, {
  id: 'signup',
  action: '/signup',
  live: true,
  messages: { email: 'Enter a work email' },
})
type Input = z.input<typeof schema>

const view = (state: FormState<Input>) =>
  f.render(state, html`${f.field(state, 'email')}${f.field(state, 'name')}<button>Save</button>`)
const page = (markup: unknown) => html`<!doctype html><main>${markup as string}</main>`

function makeApp(options: { page?: boolean; async?: boolean } = {}): Hono {
  const app = new Hono()
  app.use(htmx())
  app.post(
    '/signup',
    f.validator({
      view: options.async === true ? (state) => Promise.resolve(view(state)) : view,
      page: options.page === true ? page : undefined,
    }),
    (c) => c.redirect('/done', 303)
  )
  return app
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const submit = (app: Hono, body: string, headers: Record<string, string> = {}, path = '/signup') =>
  app.request(path, { method: 'POST', body, headers: { ...FORM, ...headers } })

describe('form().validator()', () => {
  describe('with an invalid submit from htmx 4', () => {
    it('answers 422 with the form, values kept, focus on the first invalid field', async () => {
      const res = await submit(makeApp({ page: true }), 'email=nope&name=A', htmx4Headers())
      const body = await res.text()

      expect(res.status).toBe(422)
      expect(res.headers.get('Vary')).toContain('HX-Request')
      expect(
        body.startsWith(
          '<form id="signup" method="post" action="/signup" hx-post="/signup" hx-target="#signup" hx-swap="outerHTML" hx-status:422="swap:outerHTML">'
        )
      ).toBe(true)
      expect(body).toContain(
        'value="nope" required aria-invalid="true" aria-describedby="signup-email-error" autofocus'
      )
      expect(body).toContain('<span>Enter a work email</span>')
      expect(body.match(/autofocus/g)).toHaveLength(1)
      expect(body).not.toContain('<main>')
    })
  })

  describe('with an invalid submit from htmx 2', () => {
    it('answers 422 by default', async () => {
      const res = await submit(makeApp(), 'email=nope', htmx2Headers())

      expect(res.status).toBe(422)
    })

    it('answers 200 with htmx2Status: 200', async () => {
      const f2 = form(schema, { action: '/signup', htmx2Status: 200 })
      const app = new Hono()
      app.use(htmx())
      app.post('/signup', f2.validator({ view: (s) => f2.render(s, html``) }), (c) => c.text('ok'))

      const res = await submit(app, 'email=nope', htmx2Headers())

      expect(res.status).toBe(200)
    })
  })

  describe('with a submit without htmx (JavaScript off)', () => {
    it('answers 422 with the whole page around the form', async () => {
      const res = await submit(makeApp({ page: true, async: true }), 'email=nope')

      expect(res.status).toBe(422)
      expect(await res.text()).toMatch(/^<!doctype html><main><form id="signup"/)
    })

    it('answers the form alone without a page callback', async () => {
      const res = await submit(makeApp(), 'email=nope')

      expect(await res.text()).toMatch(/^<form id="signup"/)
    })

    it('passes a Response from the page callback through', async () => {
      const app = new Hono()
      app.use(htmx())
      app.post('/signup', f.validator({ view, page: (_, c) => c.text('custom', 400) }), (c) =>
        c.text('ok')
      )

      const res = await submit(app, 'email=nope')

      expect(res.status).toBe(400)
    })

    it('redirects with 303 on success', async () => {
      const res = await submit(makeApp(), 'email=a%40b.co&name=Al')

      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toBe('/done')
    })
  })
})

describe('form().validator() live', () => {
  describe('with ?_validate=<field>', () => {
    it('answers 200 with that field alone, no autofocus, no-store', async () => {
      const res = await submit(
        makeApp(),
        'email=nope&name=A',
        htmx4Headers(),
        '/signup?_validate=email'
      )
      const body = await res.text()

      expect(res.status).toBe(200)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(body.startsWith('<div id="signup-email-field" class="field field-invalid">')).toBe(
        true
      )
      expect(body).toContain('hx-post="/signup?_validate=email"')
      expect(body).not.toContain('autofocus')
      expect(body).not.toContain('signup-name')
    })

    it('answers a valid field without errors', async () => {
      const res = await submit(
        makeApp(),
        'email=a%40b.co',
        htmx4Headers(),
        '/signup?_validate=email'
      )

      expect(await res.text()).toContain('class="field"')
    })

    it('answers 400 for a field the view does not render', async () => {
      const res = await submit(makeApp(), 'email=x', htmx4Headers(), '/signup?_validate=__proto__')

      expect(res.status).toBe(400)
    })
  })

  it('answers a live field of a form that is not live when the field opts in', async () => {
    const quiet = form(schema, { action: '/q' })
    const app = new Hono()
    app.use(htmx())
    app.post('/q', quiet.validator({ view: (s) => quiet.field(s, 'email', { live: true }) }))

    const res = await submit(app, 'email=nope', {}, '/q?_validate=email')

    expect(res.status).toBe(200)
    expect(await res.text()).toContain('hx-post="/q?_validate=email"')
  })

  it('posts back to the submitted path, collapsing leading slashes', async () => {
    const edit = form(schema, { id: 'edit' })
    const app = new Hono()
    app.use(htmx())
    const views = { view: (s: FormState<Input>) => edit.field(s, 'email', { live: true }) }
    app.post(
      '*',
      edit.validator(views, (r, c) => c.text(String(r.state.action)))
    )

    const res = await submit(app, 'email=x', {}, '//evil.example/customers/1?tab=a')
    const live = await submit(
      app,
      'email=x',
      {},
      '//evil.example/customers/1?tab=a&_validate=email'
    )

    expect(await res.text()).toBe('/evil.example/customers/1?tab=a')
    expect(await live.text()).toContain(
      'hx-post="/evil.example/customers/1?tab=a&amp;_validate=email"'
    )
  })
})

describe('form().respond()', () => {
  it('answers 422 with the views of the validator and the state given', async () => {
    const app = new Hono()
    app.use(htmx())
    app.post(
      '/signup',
      f.validator({ view }, (r, c) =>
        r.ok ? f.respond(c, { ...r.state, errors: { name: ['Taken'] } }) : undefined
      )
    )

    const res = await submit(app, 'email=a%40b.co&name=Al', htmx4Headers())
    const body = await res.text()

    expect(res.status).toBe(422)
    expect(body).toContain('<span>Taken</span>')
    expect(body).toMatch(/name="name"[^>]*aria-invalid="true"[^>]*autofocus/)
  })

  it('gives the focus to the field the state names', async () => {
    const app = new Hono()
    app.use(htmx())
    app.post('/signup', (c) =>
      f.respond(c, { ...f.empty(), errors: { email: ['x'], name: ['y'] }, focus: 'name' }, { view })
    )

    const body = await (await submit(app, '')).text()

    expect(body.match(/autofocus/g)).toHaveLength(1)
    expect(body).toMatch(/name="name"[^>]*autofocus/)
  })

  it('throws an Error naming the fix without a view', async () => {
    const plain = form(schema)
    const app = new Hono()
    app.use(htmx())
    app.post('/x', (c) => plain.respond(c, plain.empty()))
    app.onError((err, c) => c.text(err.message, 500))

    const res = await submit(app, 'email=nope', {}, '/x')

    expect(await res.text()).toBe(
      'respond(): no view is provided: pass { view } to validator() or respond().'
    )
  })
})

describe('form().render()', () => {
  it('renders form errors, multipart, novalidate, a partial target and extra attributes', () => {
    const up = form(z.object({ doc: z.file() }), { id: 'up' })
    const state = { ...up.empty({ action: '/up' }), formErrors: ['Passwords differ'] }

    expect(
      up.render(state, html`<button>Go</button>`, {
        novalidate: true,
        class: 'card',
        target: { selector: '#panel' },
        attrs: { 'data-x': '1' },
      }).value
    ).toBe(
      '<form id="up" method="post" action="/up" enctype="multipart/form-data" novalidate class="card" data-x="1" hx-post="/up" hx-target="#panel" hx-swap="outerHTML" hx-status:422="swap:outerHTML"><div id="up-errors" class="form-errors" role="alert"><p>Passwords differ</p></div><button>Go</button></form>'
    )
  })

  it('throws a TypeError without an action', () => {
    const none = form(schema)

    expect(() => none.render(none.empty(), html``)).toThrow(TypeError)
  })
})

describe('form()', () => {
  it.each([
    [{ id: '1bad' }],
    [{ id: 'a"b' }],
    [{ liveSwap: 'innerHTML' }],
    [{ liveSync: 'this:abort' }],
    [{ htmx2Status: 500 }],
    [{ limits: { maxFields: -1 } }],
    [{ limits: { maxDepth: 1.5 } }],
  ])('throws a TypeError for %o', (options) => {
    expect(() => form(schema, options as never)).toThrow(TypeError)
  })

  it('exposes id, selector, limits and the JSON Schema', () => {
    expect(f.selector).toBe('#signup')
    expect(f.limits).toMatchObject({
      maxFields: 1000,
      maxDepth: 5,
      maxBodyBytes: 65536,
      maxFiles: 0,
    })
    expect(f.jsonSchema).toMatchObject({ type: 'object' })
  })
})
