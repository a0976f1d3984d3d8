import { Hono } from 'hono'
import type { Context, ContextVariableMap, Env } from 'hono'
import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import { z } from 'zod'
import { form } from '../../src/forms/index.ts'
import type { FormState, FormSubmission, FormVariables } from '../../src/forms/index.ts'
import { html } from '../../src/html/index.ts'
import { htmx } from '../../src/htmx/index.ts'
import { htmx2Headers, htmx4Headers } from '../../src/testing/index.ts'

const schema = z.object({
  email: z.email(),
  age: z.number().int().min(18),
  since: z.date().optional(),
})
const f = form(schema, { id: 'signup', action: '/signup', htmx2Status: 200 })
type Input = z.input<typeof schema>
type Output = z.output<typeof schema>

const view = (state: FormState<Input>) =>
  f.render(state, html`${f.field(state, 'email')}${f.field(state, 'age')}`)
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const post = (app: Hono, body: BodyInit, headers: Record<string, string> = FORM) =>
  app.request('/signup', { method: 'POST', body, headers })

describe('form().validator()', () => {
  describe('with a valid submit', () => {
    it('hands the parsed value to the handler as c.req.valid("form")', async () => {
      const app = new Hono()
      app.use(htmx())
      app.post('/signup', f.validator({ view }), (c) => c.json(c.req.valid('form')))

      const res = await post(app, 'email=a%40b.co&age=42')

      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ email: 'a@b.co', age: 42 })
    })

    it('leaves the submitted state on c.var.formSubmission', async () => {
      const app = new Hono()
      app.use(htmx())
      app.post('/signup', f.validator({ view }), (c) => {
        const submission = c.var.formSubmission
        return c.json({ id: submission?.formId, values: submission?.state.values })
      })

      const res = await post(app, 'email=a%40b.co&age=42')

      expect(await res.json()).toEqual({ id: 'signup', values: { email: 'a@b.co', age: 42 } })
    })
  })

  describe('with an invalid submit', () => {
    it('answers 422 with the view and never runs the handler', async () => {
      const handler = vi.fn((c: Context) => c.text('saved'))
      const app = new Hono()
      app.use(htmx())
      app.post('/signup', f.validator({ view }), handler)

      const res = await post(app, 'email=nope&age=12abc', { ...FORM, ...htmx4Headers() })
      const body = await res.text()

      expect(res.status).toBe(422)
      expect(handler).not.toHaveBeenCalled()
      expect(body).toContain('value="nope"')
      expect(body).toContain('value="12abc"')
    })

    it('lets the hook answer instead', async () => {
      const handler = vi.fn((c: Context) => c.text('saved'))
      const app = new Hono()
      app.use(htmx())
      app.post(
        '/signup',
        f.validator({ view }, (result, c) => (result.ok ? undefined : c.text('custom', 400))),
        handler
      )

      const res = await post(app, 'email=nope')

      expect(res.status).toBe(400)
      expect(await res.text()).toBe('custom')
      expect(handler).not.toHaveBeenCalled()
    })
  })

  describe('with a refused body', () => {
    const small = form(z.object({ doc: z.file().optional(), name: z.string() }), {
      id: 'up',
      action: '/signup',
      htmx2Status: 200,
      limits: { maxMultipartBytes: 2000 },
    })
    const refused = (error: { status: number }) =>
      error.status === 413
        ? { ...small.empty(), errors: { doc: ['Too big'] }, formErrors: ['Nothing was saved'] }
        : undefined
    const app = new Hono()
    app.use(htmx())
    app.post(
      '/signup',
      small.validator({ view: (s) => small.render(s, small.field(s, 'doc')), refused }),
      (c) => c.text('saved')
    )
    const big = (): FormData => {
      const data = new FormData()
      data.append('doc', new File(['x'.repeat(5000)], 'a.txt'))
      return data
    }

    it('answers the state of refused() with the refusal’s status', async () => {
      const res = await post(app, big(), htmx4Headers())
      const body = await res.text()

      expect(res.status).toBe(413)
      expect(body).toContain('<span>Too big</span>')
      expect(body).toContain('<p>Nothing was saved</p>')
      expect(body).toMatch(/name="doc"[^>]*aria-invalid="true"[^>]*autofocus/)
    })

    it('answers htmx 2 with 200 when the form says htmx2Status: 200', async () => {
      const res = await post(app, big(), htmx2Headers())

      expect(res.status).toBe(200)
    })

    it('lets the plain refusal through when refused() gives nothing', async () => {
      const res = await post(app, 'name=x', { 'content-type': 'text/plain' })

      expect(res.status).toBe(415)
      expect(await res.text()).toContain('Expected application/x-www-form-urlencoded')
    })
  })

  describe('with bad options', () => {
    it.each([
      [{}, 'validator(): "view" must be a function rendering the form for a state'],
      [{ view, veiw: view }, 'validator(): unknown option "veiw"; allowed: view, page, refused.'],
    ])('throws a TypeError for %o', (options, message) => {
      expect(() => f.validator(options as never)).toThrow(new TypeError(message))
    })
  })
})

describe('types', () => {
  it('types c.req.valid("form") as the schema output', () => {
    const app = new Hono<{ Variables: { user: string } }>()
    app.use(htmx())

    app.post('/signup', f.validator({ view }), (c) => {
      expectTypeOf(c.req.valid('form')).toEqualTypeOf<Output>()
      expectTypeOf(c.req.valid('form').since).toEqualTypeOf<Date | undefined>()
      expectTypeOf(c.var.user).toEqualTypeOf<string>()
      // @ts-expect-error -- only the form target is validated
      c.req.valid('json')
      return c.text('')
    })
    const built = f.validator({ view })
    app.post('/again', built, (c) => {
      // @ts-expect-error -- not a field of the schema
      c.req.valid('form').emial
      return c.text('')
    })

    expect(true).toBe(true)
  })

  it('types the hook with the form result and the variables given', () => {
    interface AppEnv {
      Variables: { user: string }
    }
    const app = new Hono<AppEnv>()
    app.use(htmx())

    app.post(
      '/signup',
      f.validator<AppEnv>({ view }, (result, c) => {
        expectTypeOf(c.var.user).toEqualTypeOf<string>()
        if (result.ok) {
          expectTypeOf(result.value).toEqualTypeOf<Output>()
        }
        return undefined
      })
    )

    expect(true).toBe(true)
  })

  it('types c.var.formSubmission as absent until a validator ran', () => {
    expectTypeOf<ContextVariableMap['formSubmission']>().toEqualTypeOf<FormSubmission | undefined>()
    expectTypeOf<FormVariables['formSubmission']>().toEqualTypeOf<FormSubmission | undefined>()
    expectTypeOf<Env>().not.toBeNever()

    expect(true).toBe(true)
  })
})
