// The W3C Nu validator (vnu-jar, on Java) over every gallery page and fragment: no errors but
// htmx's own hx-* attribute names, which no HTML standard knows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { exchangeAll } from './setup.ts'

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')

interface VnuMessage {
  type: string
  subType?: string
  url?: string
  message: string
  extract?: string
}

/**
 * A fragment as the document it is swapped into: table rows inside a table, options inside a
 * select, and `<hx-partial>` as htmx parses it, a `<template>`.
 */
function asDocument(body: string): string {
  if (/^\s*<!doctype html>/i.test(body)) {
    return body
  }
  const markup = body
    .replace(/<hx-partial\b/g, '<template')
    .replace(/<\/hx-partial>/g, '</template>')
  const first = /^\s*<([a-z][a-z0-9-]*)/i.exec(markup)?.[1]?.toLowerCase()
  const wrapped =
    first === 'tr'
      ? `<table><tbody>${markup}</tbody></table>`
      : first === 'tbody'
        ? `<table>${markup}</table>`
        : first === 'option'
          ? `<select aria-label="fragment">${markup}</select>`
          : first === 'li'
            ? `<ul>${markup}</ul>`
            : `<div>${markup}</div>`
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fragment</title></head><body>${wrapped}</body></html>`
}

/** htmx's attributes: the one kind of error the gallery's markup is allowed. */
function isHtmxAttribute(message: VnuMessage): boolean {
  return /^Attribute “(?:data-)?hx-[^”]*” (?:is )?not allowed/.test(message.message)
}

function javaAvailable(): boolean {
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0
}

let dir = ''
let labels = new Map<string, string>()
let messages: VnuMessage[] = []
let documents = 0

beforeAll(async () => {
  if (!javaAvailable()) {
    throw new Error(
      'The HTML conformance test runs the Nu validator (node_modules/vnu-jar), which needs Java 11 or later: install a JRE (Debian: apt-get install -y default-jre-headless) and put `java` on the PATH.'
    )
  }
  dir = mkdtempSync(join(tmpdir(), 'hxkit-vnu-'))
  const exchanges = (await exchangeAll()).filter(
    ({ res, body }) =>
      res.headers.get('Content-Type')?.startsWith('text/html') && body.trim() !== ''
  )
  const files: string[] = []
  exchanges.forEach(({ label, body }, i) => {
    const file = join(dir, `${String(i).padStart(3, '0')}.html`)
    writeFileSync(file, asDocument(body))
    labels.set(pathToFileURL(file).href, label)
    files.push(file)
  })
  documents = files.length
  let output = ''
  try {
    output = execFileSync(
      'java',
      ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      }
    )
  } catch (error) {
    // vnu exits 1 when it found errors, and writes the JSON report to stderr
    const stderr = (error as { stderr?: unknown }).stderr
    output = typeof stderr === 'string' ? stderr : ''
  }
  messages = (
    JSON.parse(output.trim() === '' ? '{"messages":[]}' : output) as { messages: VnuMessage[] }
  ).messages
}, 120_000)

afterAll(() => {
  if (dir !== '') {
    rmSync(dir, { recursive: true, force: true })
  }
  labels = new Map()
})

describe('the gallery markup', () => {
  it('validates every page and fragment', () => {
    expect(documents).toBeGreaterThan(60)
  })

  it('has no HTML errors except htmx attribute names', () => {
    const errors = messages
      .filter((message) => message.type === 'error' || message.subType === 'fatal')
      .filter((message) => !isHtmxAttribute(message))
      .map(
        (message) =>
          `${labels.get(message.url ?? '') ?? message.url ?? '?'}: ${message.message} [${message.extract ?? ''}]`
      )

    expect(errors).toEqual([])
  })

  it('reports htmx attributes as such, so the filter cannot hide other errors', () => {
    expect(messages.some(isHtmxAttribute)).toBe(true)
  })
})
