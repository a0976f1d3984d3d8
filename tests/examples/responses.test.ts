import { beforeAll, describe, expect, it } from 'vitest'
import { scanCspSafety } from '../../src/csp/index.ts'
import { exchangeAll, nonceOf } from './setup.ts'
import type { Exchange } from './setup.ts'

let exchanges: Exchange[] = []
beforeAll(async () => {
  exchanges = await exchangeAll()
})

describe('the gallery responses', () => {
  it('answers every request with the status it declares', () => {
    const wrong = exchanges
      .filter(({ probe, res }) => res.status !== (probe.status ?? 200))
      .map(({ label, res, body }) => `${label} → ${String(res.status)} ${body.slice(0, 120)}`)

    expect(wrong).toEqual([])
  })

  it('sends the strict policy with every HTML response', () => {
    const html = exchanges.filter(({ res }) =>
      res.headers.get('Content-Type')?.startsWith('text/html')
    )
    const weak = html
      .filter(({ res }) => {
        const policy = res.headers.get('Content-Security-Policy') ?? ''
        return !/script-src 'nonce-[^']+'/.test(policy) || /unsafe-(eval|inline)/.test(policy)
      })
      .map(({ label }) => label)

    expect(html.length).toBeGreaterThan(20)
    expect(weak).toEqual([])
  })

  it('sends nothing a strict CSP blocks and stamps every htmx element with its nonce', () => {
    const findings = exchanges.flatMap(({ label, res, body }) =>
      scanCspSafety(body, { nonce: nonceOf(res), hxCsp: true }).map(
        (finding) => `${label}: ${JSON.stringify(finding)}`
      )
    )

    expect(findings).toEqual([])
  })

  it('never answers 500', () => {
    expect(exchanges.filter(({ res }) => res.status >= 500).map(({ label }) => label)).toEqual([])
  })
})
