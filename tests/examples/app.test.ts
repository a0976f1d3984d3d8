import { describe, expect, it } from 'vitest'
import { createGalleryApp } from '../../examples/app.ts'
import { htmxRequest, noJsRequest } from '../../src/testing/index.ts'

const fragmentOf = (target: string) => ({ target })

describe('createGalleryApp()', () => {
  describe('the index', () => {
    it('links every example once, in catalogue order', async () => {
      const app = createGalleryApp()

      const body = await (await noJsRequest(app, '/')).text()

      const links = [...body.matchAll(/<a href="\/([a-z-]+)"/g)].map((m) => m[1])
      for (const example of app.examples) {
        expect(links, example.slug).toContain(example.slug)
      }
      expect(new Set(app.examples.map((e) => e.slug)).size).toBe(app.examples.length)
    })

    it('says on every example page what changed and why', async () => {
      const app = createGalleryApp()

      for (const example of app.examples) {
        const body = await (await noJsRequest(app, `/${example.slug}`)).text()
        expect(body, example.slug).toContain('What changed, and why')
        expect(body, example.slug).toContain(`<h1>${example.title}</h1>`)
      }
    })
  })

  describe('with each server start', () => {
    it('starts from fresh example data', async () => {
      const first = createGalleryApp()
      await htmxRequest(first, '/delete-row/contacts/1', { method: 'DELETE' })

      const again = await htmxRequest(createGalleryApp(), '/delete-row/contacts/1', {
        method: 'DELETE',
      })

      expect(again.status).toBe(200)
    })
  })
})

describe('the example routes', () => {
  describe('answering htmx with a fragment', () => {
    it('sends no-store and Vary on the htmx headers', async () => {
      const res = await htmxRequest(createGalleryApp(), '/click-to-load/rows?page=2', {
        ...fragmentOf('tr#load-more'),
      })

      expect(res.status).toBe(200)
      expect(res.headers.get('Cache-Control')).toContain('no-store')
      expect(res.headers.get('Vary')).toContain('HX-Request')
      const body = await res.text()
      expect(body.trimStart().startsWith('<tr>')).toBe(true)
      expect(body).toContain('page=3')
    })
  })

  describe('with invalid input', () => {
    it('answers 422 with the re-rendered form, errors and values kept', async () => {
      const res = await htmxRequest(createGalleryApp(), '/reset-input', {
        method: 'POST',
        form: { note: '   ' },
        target: 'form#note-form',
      })

      expect(res.status).toBe(422)
      const body = await res.text()
      expect(body).toContain('Write a note first')
      expect(body).toContain('aria-invalid="true"')
    })

    it('answers a wrong row edit with 422 and the row in edit mode', async () => {
      const res = await htmxRequest(createGalleryApp(), '/edit-row/contacts/2', {
        method: 'PUT',
        form: { name: 'Grace', email: 'nope' },
        target: 'tr#row-2',
      })

      expect(res.status).toBe(422)
      expect(await res.text()).toContain('Enter an email address')
    })

    it.each([
      ['/click-to-load/rows?page=-1', 400],
      ['/infinite-scroll?page=abc', 400],
      ['/cascading-selects/models?make=%3Cscript%3E', 400],
      ['/tabs-hateoas?tab=secret', 400],
      ['/edit-row/contacts/0/edit', 404],
    ])('answers GET %s with %i, never a 500', async (path, status) => {
      const res = await htmxRequest(createGalleryApp(), path)

      expect(res.status).toBe(status)
    })

    it('answers an unknown bulk action with 400 and changes nothing', async () => {
      const app = createGalleryApp()

      const res = await htmxRequest(app, '/bulk-update', {
        method: 'POST',
        form: { ids: ['1', '2', '3'], action: 'drop-table' },
      })

      expect(res.status).toBe(400)
      const page = await (await noJsRequest(app, '/bulk-update')).text()
      expect(page.match(/<td>Inactive<\/td>/g)?.length).toBe(2)
    })

    it('refuses a reordered list that lost an item (422)', async () => {
      const res = await htmxRequest(createGalleryApp(), '/sortable', {
        method: 'POST',
        form: { item: ['Design', 'Design', 'Test', 'Ship', 'Celebrate'] },
      })

      expect(res.status).toBe(422)
    })
  })

  describe('without JavaScript', () => {
    it('redirects a successful form post (303)', async () => {
      const res = await noJsRequest(createGalleryApp(), '/reset-input', {
        method: 'POST',
        form: { note: 'Plain post' },
      })

      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toBe('/reset-input')
    })

    it('answers a failed form post with the whole page and its errors (422)', async () => {
      const res = await noJsRequest(createGalleryApp(), '/click-to-edit/edit', {
        method: 'POST',
        form: { firstName: '', lastName: 'L', email: 'x' },
      })

      expect(res.status).toBe(422)
      const body = await res.text()
      expect(body).toContain('<!doctype html>')
      expect(body).toContain('What changed, and why')
      expect(body).toContain('contact-form-email-error')
    })
  })

  describe('the progress bar', () => {
    it('polls until done, then stops polling and fires done', async () => {
      const app = createGalleryApp()
      await htmxRequest(app, '/progress-bar/start', { method: 'POST' })
      const answers: Response[] = []
      for (let i = 0; i < 4; i++) {
        answers.push(await htmxRequest(app, '/progress-bar/job', { target: 'div#job' }))
      }

      const last = answers.at(-1) as Response
      expect(answers.slice(0, 3).map((res) => res.status)).toEqual([200, 200, 200])
      expect(last.status).toBe(286)
      expect(last.headers.get('HX-Trigger')).toContain('done')
      expect(last.headers.get('HX-Reswap')).toBe('outerHTML')
      const body = await last.text()
      expect(body).toContain('value="100"')
      expect(body).not.toContain('hx-trigger')
    })
  })

  describe('dialogs', () => {
    it('echoes the HX-Prompt answer, decoded', async () => {
      const res = await htmxRequest(createGalleryApp(), '/dialogs/answer', {
        method: 'POST',
        headers: { 'HX-Prompt': encodeURI('café') },
      })

      expect(await res.text()).toContain('You entered “café”.')
    })

    it('closes the modal with HX-Trigger after a good rename', async () => {
      const res = await htmxRequest(createGalleryApp(), '/modal-dialogs/rename', {
        method: 'POST',
        form: { name: 'Voyager' },
        target: 'form#rename-form',
      })

      expect(res.status).toBe(200)
      expect(res.headers.get('HX-Trigger')).toContain('hxkit:dialog-close')
      expect(await res.text()).toContain('<hx-partial hx-target="#project-name"')
    })
  })

  describe('async authentication', () => {
    it('answers 200 only with the token the token route gave', async () => {
      const app = createGalleryApp()
      const token = await (await noJsRequest(app, '/async-auth/token')).text()

      const good = await htmxRequest(app, '/async-auth/secret', {
        method: 'POST',
        headers: { 'X-Auth-Token': token },
      })
      const bad = await htmxRequest(app, '/async-auth/secret', { method: 'POST' })

      expect(good.status).toBe(200)
      expect(bad.status).toBe(401)
    })
  })

  describe('updating other content', () => {
    it('answers the event form with a newContact trigger', async () => {
      const res = await htmxRequest(createGalleryApp(), '/update-other-content/events', {
        method: 'POST',
        form: { name: 'Kay', email: 'kay@example.com' },
        target: 'form#event-form',
      })

      expect(res.headers.get('HX-Trigger')).toContain('newContact')
    })
  })
})
