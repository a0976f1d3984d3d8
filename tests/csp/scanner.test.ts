import { describe, expect, it } from 'vitest'
import { scanCspSafety } from '../../src/csp/index.ts'

const nonce = 'abc123'

describe('scanCspSafety', () => {
  describe('with a safe page', () => {
    it('finds nothing', () => {
      const page = `<!doctype html><html><head>
        <meta name="htmx-config" content='{"includeIndicatorCSS":false}'>
        <script nonce="abc123" src="/vendor/htmx.min.js"></script>
        <link rel="stylesheet" href="/hxkit.css"></head>
        <body><a href="/orders?sort=total" hx-get="/orders?sort=total">Orders</a>
        <p>on=1 style="x" javascript:alert(1) &lt;script&gt;</p><!-- <script>x</script> --></body></html>`

      expect(scanCspSafety(page, { nonce })).toEqual([])
    })
  })

  it.each([
    ['<img src="x" onerror="alert(1)">', 'inline-handler'],
    ['<body ONLOAD=go()>', 'inline-handler'],
    ['<div style="color:red">', 'style-attribute'],
    ['<a href="javascript:alert(1)">', 'script-url'],
    ['<a href=" JavaScript:alert(1)">', 'script-url'],
    ['<a href="java\tscript:alert(1)">', 'script-url'],
    ['<a href="&#106;avascript:alert(1)">', 'script-url'],
    ['<a href="javascript&colon;alert(1)">', 'script-url'],
    ['<button hx-get="js:alert(1)">', 'script-url'],
    ['<button data-hx-post=\'js:fetch("/x")\'>', 'script-url'],
    ['<form action="vbscript:x">', 'script-url'],
    ['<script>alert(1)</script>', 'script-without-nonce'],
    ['<script src="/app.js"></script>', 'script-without-nonce'],
    ['<script nonce="other">x</script>', 'script-without-nonce'],
    ['<style>p{}</style>', 'style-without-nonce'],
    ['<button hx-on:click="go()">', 'hx-on'],
    ['<button data-hx-on::after:swap="go()">', 'hx-on'],
  ])('flags %s as %s', (markup, rule) => {
    const findings = scanCspSafety(`<div>${markup}</div>`, { nonce })

    expect(findings.map((finding) => finding.rule)).toEqual([rule])
    expect(findings[0]?.excerpt).toBe(markup.slice(0, markup.indexOf('>') + 1))
  })

  describe('with markup a naive reader gets wrong (the browser tokenizer decides)', () => {
    it.each([
      ['<!--><img src=x onerror=alert(1)>', 'inline-handler'],
      ['<!---><img src=x onerror=alert(1)>', 'inline-handler'],
      ['<!-- --!><img src=x onerror=alert(1)> -->', 'inline-handler'],
      ['<img a"b" onerror=alert(1)>', 'inline-handler'],
      ['<img =x onerror=alert(1)>', 'inline-handler'],
      ['<a title=x"y onclick=alert(1)>', 'inline-handler'],
      [
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        'inline-handler',
      ],
      ['<noscript><img src=x onerror=alert(1)></noscript>', 'inline-handler'],
      ['<a href="data:text&sol;html,<script>alert(1)</script>">', 'script-url'],
    ])('flags %s', (markup, rule) => {
      expect(scanCspSafety(markup).map((finding) => finding.rule)).toContain(rule)
    })
  })

  describe('without a nonce', () => {
    it('flags every script', () => {
      expect(scanCspSafety('<script nonce="abc123" src="/a.js"></script>')).toHaveLength(1)
    })
  })

  describe('with hxCsp', () => {
    it('allows hx-on', () => {
      expect(
        scanCspSafety('<button hx-on:click="go()" hx-nonce="abc123">', { nonce, hxCsp: true })
      ).toEqual([])
    })

    it.each([
      ['<a hx-get="/x">', 'no hx-nonce'],
      ['<a data-hx-get="/x" hx-nonce="other">', 'another nonce'],
      ['<hx-partial hx-target="#a">', 'an hx-partial block without one'],
    ])('flags %s (%s)', (markup) => {
      expect(scanCspSafety(markup, { nonce, hxCsp: true }).map((f) => f.rule)).toEqual([
        'hx-without-nonce',
      ])
    })

    it('accepts htmx attributes stamped with the nonce', () => {
      expect(scanCspSafety('<a hx-get="/x" hx-nonce="abc123">', { nonce, hxCsp: true })).toEqual([])
    })
  })

  it('reports every problem of one tag', () => {
    const rules = scanCspSafety('<a href="javascript:x" onclick="y" style="z">').map((f) => f.rule)

    expect(rules).toEqual(['script-url', 'inline-handler', 'style-attribute'])
  })
})
