import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { form } from '../../src/forms/index.ts'

const f = form(
  z.object({
    name: z.string().min(2).max(80),
    email: z.email(),
    site: z.url().optional(),
    age: z.number().int().min(18).max(120).optional(),
    price: z.number().multipleOf(0.01).optional(),
    ratio: z.number().optional(),
    count: z.number().int().gt(0).lt(10).optional(),
    vip: z.boolean(),
    tier: z.enum(['free', 'pro']),
    since: z.date(),
    at: z.iso.datetime({ local: true }).optional(),
    time: z.iso.time().optional(),
    zip: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    free: z.string().regex(/abc/).optional(),
    bio: z.string().max(2000).optional(),
    note: z.string().nullable(),
    address: z.object({ city: z.string() }).optional(),
    tags: z.array(z.enum(['a', 'b'])).min(1),
    items: z.array(z.object({ qty: z.number().int() })),
    avatar: z.file().mime(['image/png', 'image/jpeg']).optional(),
    docs: z.array(z.file().mime('application/pdf')).optional(),
  }),
  { id: 'c', action: '/c' }
)

const empty = f.empty()
const wrap = (id: string, label: string, control: string, extra = ''): string =>
  `<div id="c-${id}-field" class="field${extra}"><label for="c-${id}">${label}</label>${control}<p id="c-${id}-error" class="field-error" aria-live="polite"></p></div>`

describe('form().field()', () => {
  describe('with each input type', () => {
    it.each([
      [
        'name',
        '<input id="c-name" name="name" type="text" required minlength="2" maxlength="80">',
        'Name',
      ],
      ['email', '<input id="c-email" name="email" type="email" required>', 'Email'],
      ['site', '<input id="c-site" name="site" type="url">', 'Site'],
      ['age', '<input id="c-age" name="age" type="number" min="18" max="120" step="1">', 'Age'],
      ['price', '<input id="c-price" name="price" type="number" step="0.01">', 'Price'],
      ['ratio', '<input id="c-ratio" name="ratio" type="number" step="any">', 'Ratio'],
      [
        'count',
        '<input id="c-count" name="count" type="number" min="1" max="9" step="1">',
        'Count',
      ],
      ['since', '<input id="c-since" name="since" type="date" required>', 'Since'],
      ['at', '<input id="c-at" name="at" type="datetime-local">', 'At'],
      ['time', '<input id="c-time" name="time" type="time">', 'Time'],
      ['zip', '<input id="c-zip" name="zip" type="text" pattern="\\d{5}">', 'Zip'],
      ['free', '<input id="c-free" name="free" type="text">', 'Free'],
      ['bio', '<textarea id="c-bio" name="bio" maxlength="2000"></textarea>', 'Bio'],
      ['note', '<input id="c-note" name="note" type="text">', 'Note'],
      ['address.city', '<input id="c-address-city" name="address.city" type="text">', 'City'],
      [
        'items.0.qty',
        '<input id="c-items-0-qty" name="items.0.qty" type="number" required step="1">',
        'Qty',
      ],
      [
        'avatar',
        '<input id="c-avatar" name="avatar" type="file" accept="image/png,image/jpeg">',
        'Avatar',
      ],
      [
        'docs',
        '<input id="c-docs" name="docs" type="file" accept="application/pdf" multiple>',
        'Docs',
      ],
      [
        'tier',
        '<select id="c-tier" name="tier" required><option value=""></option><option value="free">free</option><option value="pro">pro</option></select>',
        'Tier',
      ],
      [
        'tags',
        '<select id="c-tags" name="tags" required multiple><option value="a">a</option><option value="b">b</option></select>',
        'Tags',
      ],
    ] as const)('renders %s', (path, control, label) => {
      expect(f.field(empty, path).value).toBe(wrap(path.replace(/\./g, '-'), label, control))
    })

    it('renders a checkbox before its label', () => {
      expect(f.field(f.initial({ vip: true }), 'vip').value).toBe(
        '<div id="c-vip-field" class="field field-checkbox"><input id="c-vip" name="vip" type="checkbox" value="true" checked><label for="c-vip">Vip</label><p id="c-vip-error" class="field-error" aria-live="polite"></p></div>'
      )
    })

    it('renders a hidden input alone', () => {
      expect(f.field(f.initial({ name: 'x' }), 'name', { type: 'hidden' }).value).toBe(
        '<input id="c-name" name="name" type="hidden" value="x">'
      )
    })

    it('renders a password without its value', () => {
      expect(
        f.field(f.initial({ name: 'secret' }), 'name', { type: 'password' }).value
      ).not.toContain('secret')
    })
  })

  describe('with options', () => {
    it('uses the label, hint, placeholder, choices, classes and attributes', () => {
      const html = f.field(f.initial({ tier: 'pro' }), 'tier', {
        label: 'Plan',
        hint: 'Pick one',
        placeholder: 'Choose…',
        choices: { pro: 'Pro plan' },
        class: 'wide',
        attrs: { 'data-x': '1' },
      }).value

      expect(html).toBe(
        '<div id="c-tier-field" class="field wide"><label for="c-tier">Plan</label><select id="c-tier" name="tier" required aria-describedby="c-tier-hint" data-x="1"><option value="">Choose…</option><option value="free">free</option><option value="pro" selected>Pro plan</option></select><p id="c-tier-hint" class="field-hint">Pick one</p><p id="c-tier-error" class="field-error" aria-live="polite"></p></div>'
      )
    })

    it('renders a plain string as a select of the given choices', () => {
      expect(
        f.field(f.initial({ name: 'b' }), 'name', { choices: { a: 'A', b: 'B' } }).value
      ).toContain('<option value="a">A</option><option value="b" selected>B</option>')
    })

    it('renders a textarea on request, keeping a leading newline', () => {
      expect(
        f.field(f.initial({ name: '\nx<y' }), 'name', { type: 'textarea', placeholder: 'p' }).value
      ).toContain(
        '<textarea id="c-name" name="name" required minlength="2" maxlength="80" placeholder="p">\n\nx&lt;y</textarea>'
      )
    })
  })

  describe('with kept values', () => {
    it.each([
      ['name', { name: '"><script>' }, 'value="&quot;&gt;&lt;script&gt;"'],
      ['age', { age: 42 }, 'value="42"'],
      ['age', { age: '12abc' }, 'value="12abc"'],
      ['since', { since: new Date('2024-03-04T05:06:07Z') }, 'value="2024-03-04"'],
      [
        'at',
        { at: new Date('2024-03-04T05:06:07Z') as unknown as string },
        'value="2024-03-04T05:06"',
      ],
      ['time', { time: new Date('2024-03-04T05:06:07Z') as unknown as string }, 'value="05:06"'],
      ['tags', { tags: ['b'] }, '<option value="b" selected>'],
      ['vip', { vip: 'on' as unknown as boolean }, 'value="true">'],
    ] as const)('renders %s from %o', (path, values, expected) => {
      expect(f.field(f.initial(values as never), path).value).toContain(expected)
    })

    it('renders nothing for an invalid date or an object', () => {
      expect(f.field(f.initial({ since: new Date('x') }), 'since').value).not.toContain('value=')
      expect(f.field(f.initial({ name: {} as string }), 'name').value).not.toContain('value=')
    })
  })

  describe('with errors', () => {
    it('marks the field invalid and links the error text', () => {
      const state = { ...f.empty(), errors: { email: ['Enter a work email', 'Too short'] } }

      expect(f.field(state, 'email', { hint: 'h' }).value).toBe(
        '<div id="c-email-field" class="field field-invalid"><label for="c-email">Email</label><input id="c-email" name="email" type="email" required aria-invalid="true" aria-describedby="c-email-hint c-email-error"><p id="c-email-hint" class="field-hint">h</p><p id="c-email-error" class="field-error" aria-live="polite"><span>Enter a work email</span><span>Too short</span></p></div>'
      )
    })

    it('shows the errors of list items on the list', () => {
      const state = { ...f.empty(), errors: { 'tags.1': ['Bad tag'] } }

      expect(f.field(state, 'tags').value).toContain('<span>Bad tag</span>')
    })
  })

  describe('with live validation', () => {
    const live = form(
      z.object({ email: z.email(), tier: z.enum(['a']), doc: z.file().optional() }),
      { id: 'l', action: '/l?x=1', live: true }
    )

    it('posts the form to ?_validate= and morphs the field wrapper', () => {
      expect(live.field(live.empty(), 'email').value).toContain(
        'hx-post="/l?x=1&amp;_validate=email" hx-target="#l-email-field" hx-swap="outerMorph" hx-trigger="change, keyup delay:500ms changed" hx-sync="this:replace" hx-encoding="application/x-www-form-urlencoded"'
      )
    })

    it('triggers selects on change and skips files and opted-out fields', () => {
      expect(live.field(live.empty({ action: '/m' }), 'tier').value).toContain(
        'hx-trigger="change"'
      )
      expect(live.field(live.empty(), 'doc').value).not.toContain('hx-post')
      expect(live.field(live.empty(), 'email', { live: false }).value).not.toContain('hx-post')
    })

    it('uses the given swap and sync for htmx 2', () => {
      const htmx2 = form(z.object({ email: z.email() }), {
        id: 'l2',
        action: '/l2',
        live: true,
        liveSwap: 'outerHTML',
        liveSync: 'this:queue last',
      })

      expect(htmx2.field(htmx2.empty(), 'email').value).toContain(
        'hx-swap="outerHTML" hx-trigger="change, keyup delay:500ms changed" hx-sync="this:queue last"'
      )
    })

    it('validates choice controls when focus leaves them if the swap replaces the element', () => {
      const replacing = form(
        z.object({ tier: z.enum(['a', 'b']), ok: z.boolean(), email: z.email() }),
        { id: 'r', action: '/r', live: true, liveSwap: 'outerHTML', liveTrigger: 'change' }
      )
      const state = replacing.empty()

      expect(replacing.field(state, 'tier').value).toContain('hx-trigger="focusout changed"')
      expect(replacing.field(state, 'ok').value).toContain('hx-trigger="focusout"')
      expect(replacing.field(state, 'email').value).toContain('hx-trigger="change"')
    })

    it('renders no live attributes without an action', () => {
      const noAction = form(z.object({ a: z.string() }), { live: true })

      expect(noAction.field(noAction.empty(), 'a').value).not.toContain('hx-post')
    })
  })

  it('is safe under a strict CSP', async () => {
    await expect(f.field(f.initial({ name: '<img onerror=x>' }), 'name').value).toBeCspSafe()
  })
})
