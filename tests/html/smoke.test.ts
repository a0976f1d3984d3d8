import { describe, expect, it } from 'vitest'
import { html, raw } from '../../src/html/index.ts'

describe('html', () => {
  it('escapes holes and awaits promises', async () => {
    const sync = html`<p title="${'"x"'}">${'<b>'}${raw('<i>')}${[1, null, false]}</p>`
    expect(String(sync)).toBe('<p title="&quot;x&quot;">&lt;b&gt;<i>1</p>')
    const later = html`<ul>${Promise.resolve('<li>')}${[html`<li>${Promise.resolve('&')}</li>`]}</ul>`
    expect(String(await later)).toBe('<ul>&lt;li&gt;<li>&amp;</li></ul>')
  })
})
