import { serve as listen } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { secure } from '../../src/security/index.ts'
import {
  HTMX_URL_PREFIX,
  HXKIT_SCRIPT_URL,
  HXKIT_STYLESHEET_URL,
  staticFiles,
} from '../../src/server/index.ts'

const repo = join(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'hxkit-static-'))
writeFileSync(join(dir, 'app.js'), 'console.log(1)\n')
writeFileSync(join(dir, 'README'), 'plain\n')
writeFileSync(join(dir, '.env'), 'SECRET=1\n')
mkdirSync(join(dir, 'docs'))
writeFileSync(join(dir, 'docs', 'index.html'), '<!doctype html><p>docs</p>\n')
mkdirSync(join(dir, '.well-known'))
writeFileSync(join(dir, '.well-known', 'security.txt'), 'Contact: mailto:sec@example.com\n')
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

const assets = staticFiles({ root: dir, resolveFrom: repo })

function appWith(files = assets, withSecure = true): Hono {
  const app = new Hono()
  if (withSecure) {
    app.use(secure())
  }
  app.get('/', (c) => c.html('<p>page</p>'))
  app.get('/*', files.handler)
  return app
}

const app = appWith()

describe('staticFiles()', () => {
  describe('url()', () => {
    it('puts the content hash before the extension', () => {
      expect(assets.url('/app.js')).toMatch(/^\/app\.[0-9a-f]{12}\.js$/)
      expect(assets.url('/README')).toMatch(/^\/README\.[0-9a-f]{12}$/)
      expect(assets.url(HXKIT_SCRIPT_URL)).toMatch(/^\/_hxkit\/hxkit\.[0-9a-f]{12}\.js$/)
      expect(assets.url(`${HTMX_URL_PREFIX}htmx.min.js`)).toMatch(
        /^\/_hxkit\/htmx\/htmx\.min\.[0-9a-f]{12}\.js$/
      )
    })

    it('changes when the file does', () => {
      const file = join(dir, 'changing.css')
      writeFileSync(file, 'a {}\n')
      const fresh = staticFiles({ root: dir, htmx: false })
      const before = fresh.url('/changing.css')

      writeFileSync(file, 'a { color: red }\n')
      utimesSync(file, new Date(), new Date(Date.now() + 5_000))
      const soon = fresh.url('/changing.css')
      const later = staticFiles({ root: dir, htmx: false }).url('/changing.css')

      expect(soon).toBe(before) // rechecked at most once a second
      expect(later).not.toBe(before)
    })

    it.each(['/missing.js', 'app.js', '/docs', '/../package.json', '/app.js?x=1', '/%2e%2e/x'])(
      'throws for %s, which no file answers',
      (path) => {
        expect(() => assets.url(path)).toThrow(`no static file is served at ${path}`)
      }
    )
  })

  describe('a file by its plain URL', () => {
    it('is served with an ETag, no-cache and nosniff', async () => {
      const res = await app.request('/app.js')

      expect(res.status).toBe(200)
      expect(await res.text()).toBe('console.log(1)\n')
      expect(res.headers.get('Content-Type')).toMatch(/^text\/javascript/)
      expect(res.headers.get('ETag')).toMatch(/^W\/"[0-9a-f]{32}"$/)
      expect(res.headers.get('Cache-Control')).toBe('no-cache')
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    })

    it('answers 304 to a matching If-None-Match, weak or strong, with the 200’s validator and Vary', async () => {
      const tag = (await app.request('/app.js')).headers.get('ETag') ?? ''

      const weak = await app.request('/app.js', { headers: { 'If-None-Match': tag } })
      const strong = await app.request('/app.js', {
        headers: { 'If-None-Match': `"x", ${tag.slice(2)}` },
      })
      const any = await app.request('/app.js', { headers: { 'If-None-Match': '*' } })
      const other = await app.request('/app.js', { headers: { 'If-None-Match': '"nope"' } })

      expect(tag).toMatch(/^W\/"[0-9a-f]{32}"$/)
      expect(weak.status).toBe(304)
      expect(await weak.text()).toBe('')
      expect(weak.headers.get('Cache-Control')).toBe('no-cache')
      expect(weak.headers.get('ETag')).toBe(tag)
      expect(weak.headers.get('Vary')).toBe('Accept-Encoding')
      expect(weak.headers.get('Content-Length')).toBeNull()
      expect(strong.status).toBe(304)
      expect(any.status).toBe(304)
      expect(other.status).toBe(200)
    })

    it('answers a Range request with If-Range with the whole file (a weak validator never matches)', async () => {
      const whole = await (await app.request('/app.js')).text()
      const tag = (await app.request('/app.js')).headers.get('ETag') ?? ''

      const ranged = await app.request('/app.js', { headers: { Range: 'bytes=0-3' } })
      const resumed = await app.request('/app.js', {
        headers: { Range: 'bytes=0-3', 'If-Range': tag },
      })

      expect(ranged.status).toBe(206)
      expect(await ranged.text()).toBe(whole.slice(0, 4))
      expect(resumed.status).toBe(200)
      expect(resumed.headers.get('Content-Range')).toBeNull()
      expect(await resumed.text()).toBe(whole)
    })

    it('answers HEAD with the headers and no body', async () => {
      const res = await app.request('/app.js', { method: 'HEAD' })

      expect(res.status).toBe(200)
      expect(res.headers.get('Content-Length')).toBe('15')
      expect(await res.text()).toBe('')
    })
  })

  describe('a file by its fingerprinted URL', () => {
    it('is immutable for a year', async () => {
      const res = await app.request(assets.url('/app.js'))

      expect(res.status).toBe(200)
      expect(await res.text()).toBe('console.log(1)\n')
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    })

    it('is served as no-cache under a stale hash, so an old page still gets the file', async () => {
      const res = await app.request('/app.000000000000.js')

      expect(res.status).toBe(200)
      expect(res.headers.get('Cache-Control')).toBe('no-cache')
    })

    it('serves the kit’s client files and the app’s htmx', async () => {
      const script = await app.request(assets.url(HXKIT_SCRIPT_URL))
      const styles = await app.request(assets.url(HXKIT_STYLESHEET_URL))
      const htmx = await app.request(assets.url(`${HTMX_URL_PREFIX}htmx.min.js`))
      const installed = readFileSync(join(repo, 'node_modules/htmx.org/dist/htmx.min.js'), 'utf8')

      expect(await script.text()).toBe(readFileSync(join(repo, 'client/hxkit.js'), 'utf8'))
      expect(styles.headers.get('Content-Type')).toMatch(/^text\/css/)
      expect(await htmx.text()).toBe(installed)
      expect(htmx.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    })
  })

  describe('behind secure()', () => {
    it('carries the same security headers as a page, CSP aside', async () => {
      const page = await app.request('/')
      const file = await app.request('/app.js')
      const names = (res: Response) =>
        [...res.headers.keys()].filter(
          (name) =>
            !/^(content-|cache-control|etag|last-modified|reporting-endpoints|vary|accept-ranges)/.test(
              name
            )
        )

      expect(names(file)).toEqual(names(page))
      expect(file.headers.get('X-Frame-Options')).toBe('SAMEORIGIN')
    })
  })

  describe('without secure()', () => {
    it('still sends nosniff', async () => {
      const res = await appWith(assets, false).request('/app.js')

      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    })
  })

  describe('with paths that must not be served', () => {
    it.each([
      '/.env',
      '/docs/../.env',
      '/..%2fpackage.json',
      '/%2e%2e/package.json',
      '/%252e%252e/package.json',
      '/_hxkit/..%2f..%2fpackage.json',
      '/_hxkit/htmx/..%2fpackage.json',
      '/_hxkit/htmx/../package.json',
      '/app.js%00',
      '/app.js%00.png',
      '/%5c..%5cpackage.json',
      '//etc/passwd',
      '/missing.js',
      // a fingerprint stripped from '...' would name the folder above the root
      '/...0123456789ab',
      '/_hxkit/...0123456789ab',
      '/.env.0123456789ab',
    ])('answers 404 for %s', async (path) => {
      const res = await app.request(path)

      expect(res.status).toBe(404)
    })

    it('never makes a URL for a dotfile', () => {
      expect(() => assets.url('/.env')).toThrow('staticFiles(): no static file is served at /.env')
    })

    it('serves /.well-known/ and a folder’s index.html', async () => {
      expect((await app.request('/.well-known/security.txt')).status).toBe(200)
      expect(await (await app.request('/docs/')).text()).toContain('docs')
    })

    it('leaves other methods to the app', async () => {
      expect((await app.request('/app.js', { method: 'POST' })).status).toBe(404)
    })
  })

  describe('with bad options', () => {
    it.each<[object, RegExp]>([
      [{ base: '/x' }, /staticFiles\(\): unknown option "base"/],
      [{ root: join(dir, 'nope') }, /"root" folder .* does not exist/],
      [{ root: 1 }, /"root" must be a folder path or false/],
      [
        { htmx: 'no-such-htmx-package' },
        /"htmx" names "no-such-htmx-package", which cannot be found/,
      ],
      [{ htmx: '' }, /"htmx" must be a package name or false/],
    ])('throws a TypeError for %j', (options, message) => {
      expect(() => staticFiles(options)).toThrow(TypeError)
      expect(() => staticFiles(options)).toThrow(message)
    })

    it('serves no app folder when the default public/ is missing', () => {
      const files = staticFiles({ resolveFrom: repo, htmx: false })

      expect(() => files.url('/nothing-here.js')).toThrow()
    })
  })
})

describe('staticFiles() over the wire', () => {
  let server: Server
  let port = 0
  beforeAll(async () => {
    server = listen({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server
    await new Promise((done) => server.once('listening', done))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => {
    server.close()
  })

  // raw request lines: fetch() and new URL() would normalize these before they reach the server
  function statusOf(target: string): Promise<number> {
    return new Promise((done, fail) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`)
      })
      let head = ''
      socket.on('data', (chunk: Buffer) => (head += chunk.toString('latin1')))
      socket.on('end', () => {
        done(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0))
      })
      socket.on('error', fail)
    })
  }

  it.each([
    '/../package.json',
    '/_hxkit/../../package.json',
    '/_hxkit/htmx/../package.json',
    '/_hxkit\\..\\..\\package.json',
    '/..\\package.json',
    '/.%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/%252e%252e%252fpackage.json',
    '/app.js%00',
  ])('answers 404 or 400 for %s', async (target) => {
    const status = await statusOf(target)

    expect([400, 404]).toContain(status)
  })

  it('serves a plain file', async () => {
    expect(await statusOf('/app.js')).toBe(200)
  })
})
