// The HTTP candidates: each starts one server on 127.0.0.1 with a free port (port 0).
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { DemoDb } from '../../demo/db.ts'
import { signedInDemo } from '../lib/demo-app.ts'
import { loadOrders, loadOverview, queryOf } from './data.ts'
import type { Query } from './data.ts'
import { ejsModel } from './ejs-model.ts'
import { handSessions } from './hand-session.ts'
import { handOrders, handPage } from './hand.ts'
import { jsxPage } from './jsx.ts'
import { newNonce, securityHeaders } from './secure.ts'

/** The server kinds `server.ts` can start. */
export const KINDS = [
  'baseline',
  'hxkit',
  'hono-hand',
  'hono-jsx',
  'fastify',
  'express',
  'express-ejs',
] as const

/** One server kind. */
export type Kind = (typeof KINDS)[number]

const HOST = '127.0.0.1'
const HTML = 'text/html; charset=UTF-8'
const VIEWS = fileURLToPath(new URL('./views', import.meta.url))

function listen(server: Server): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, HOST, () => {
      resolve(server)
    })
  })
}

// Without a session the hand-built servers answer as the demo does: 303 to the sign-in page.
const SIGN_IN = { status: 303, location: '/login?next=%2F' } as const

function baseline(db: DemoDb): Promise<Server> {
  const userOf = handSessions(db)
  const server = createServer((req, res) => {
    const user = userOf(req.headers.cookie)
    if (user === null) {
      res.writeHead(SIGN_IN.status, { location: SIGN_IN.location }).end()
      return
    }
    const query = queryOf(req.url ?? '/')
    const nonce = newNonce()
    // the orders partial, as the hxkit demo negotiates it (htmx 4 target `section#orders`)
    const fragment = req.headers['hx-target'] === 'section#orders'
    const body = fragment
      ? handOrders(loadOrders(db, query), nonce)
      : handPage(loadOverview(db, query), user, nonce)
    res.writeHead(200, {
      ...securityHeaders(nonce, fragment),
      'content-type': HTML,
      'content-length': Buffer.byteLength(body),
    })
    res.end(body)
  })
  return listen(server)
}

function honoServer(fetch: (request: Request) => Response | Promise<Response>): Promise<Server> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: HOST, port: 0 }, () => {
      resolve(server)
    }) as Server
  })
}

function honoHand(db: DemoDb): Promise<Server> {
  const userOf = handSessions(db)
  const app = new Hono()
  app.get('/', (c) => {
    const user = userOf(c.req.header('cookie'))
    if (user === null) {
      return c.redirect(SIGN_IN.location, SIGN_IN.status)
    }
    const nonce = newNonce()
    return c.html(
      handPage(loadOverview(db, c.req.query()), user, nonce),
      200,
      securityHeaders(nonce, false)
    )
  })
  return honoServer(app.fetch)
}

function honoJsx(db: DemoDb): Promise<Server> {
  const userOf = handSessions(db)
  const app = new Hono()
  app.get('/', (c) => {
    const user = userOf(c.req.header('cookie'))
    if (user === null) {
      return c.redirect(SIGN_IN.location, SIGN_IN.status)
    }
    const nonce = newNonce()
    const body = jsxPage(loadOverview(db, c.req.query()), user, nonce).toString()
    const headers = securityHeaders(nonce, false)
    return c.html(typeof body === 'string' ? `<!doctype html>${body}` : body, 200, headers)
  })
  return honoServer(app.fetch)
}

async function fastifyServer(db: DemoDb): Promise<Server> {
  const { default: Fastify } = await import('fastify')
  const app = Fastify({ logger: false })
  const userOf = handSessions(db)
  app.get('/', (request, reply) => {
    const user = userOf(request.headers.cookie)
    if (user === null) {
      void reply.redirect(SIGN_IN.location, SIGN_IN.status)
      return
    }
    const nonce = newNonce()
    void reply
      .headers(securityHeaders(nonce, false))
      .type(HTML)
      .send(handPage(loadOverview(db, request.query as Query), user, nonce))
  })
  await app.listen({ host: HOST, port: 0 })
  return app.server
}

async function expressServer(db: DemoDb, ejs: boolean): Promise<Server> {
  const { default: express } = await import('express')
  const app = express()
  const userOf = handSessions(db)
  const signedIn = (cookie: string | undefined, res: { redirect(s: number, l: string): void }) => {
    const user = userOf(cookie)
    if (user === null) {
      res.redirect(SIGN_IN.status, SIGN_IN.location)
    }
    return user
  }
  if (ejs) {
    app.set('views', VIEWS)
    app.set('view engine', 'ejs')
    app.get('/', (req, res) => {
      const user = signedIn(req.headers.cookie, res)
      if (user === null) {
        return
      }
      const nonce = newNonce()
      res.set(securityHeaders(nonce, false))
      res.render('overview', ejsModel(loadOverview(db, req.query as Query), user, nonce))
    })
  } else {
    app.get('/', (req, res) => {
      const user = signedIn(req.headers.cookie, res)
      if (user === null) {
        return
      }
      const nonce = newNonce()
      res.set(securityHeaders(nonce, false))
      res.type('html').send(handPage(loadOverview(db, req.query as Query), user, nonce))
    })
  }
  return listen(createServer(app))
}

/**
 * Starts one candidate server on 127.0.0.1 with a free port.
 *
 * @param kind - which server
 * @param db - the data source
 * @param keepAliveMs - the server's keep-alive timeout
 * @returns the listening `node:http` server, and the `Cookie` header its requests need (the hxkit
 *   demo signs in; the others need none)
 * @example
 * const server = await startServer('baseline', db, 5_000)
 */
export async function startServer(
  kind: Kind,
  db: DemoDb,
  keepAliveMs: number
): Promise<{ server: Server; cookie: string | null }> {
  let cookie: string | null = null
  const starters: Record<Kind, () => Promise<Server>> = {
    baseline: () => baseline(db),
    hxkit: async () => {
      const demo = await signedInDemo(db)
      cookie = demo.cookie
      return honoServer(demo.app.fetch)
    },
    'hono-hand': () => honoHand(db),
    'hono-jsx': () => honoJsx(db),
    fastify: () => fastifyServer(db),
    express: () => expressServer(db, false),
    'express-ejs': () => expressServer(db, true),
  }
  const server = await starters[kind]()
  server.keepAliveTimeout = keepAliveMs
  server.headersTimeout = keepAliveMs + 1_000
  return { server, cookie }
}

/**
 * The port a listening server got.
 *
 * @param server - a listening server
 * @example
 * portOf(server) // 40123
 */
export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port
}
