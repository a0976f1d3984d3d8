// The pieces under a hub: one stream's end, and the registry's bookkeeping.
import { describe, expect, it } from 'vitest'
import { memoryBus } from '../../src/live/index.ts'
import { resolveHubOptions } from '../../src/live/options.ts'
import { Registry } from '../../src/live/registry.ts'
import { LiveStream } from '../../src/live/stream.ts'

describe('LiveStream', () => {
  it('ends once, whatever ends it, and writes nothing after', () => {
    const reasons: string[] = []
    const stream = new LiveStream({
      maxBuffered: 1024,
      onEnd: (_s, reason) => reasons.push(reason),
    })

    stream.end('until', { event: 'hxkit:end', data: '' })
    stream.end('shutdown')

    expect(stream.send({ data: 'late' })).toBe(false)
    expect(reasons).toEqual(['until'])
    expect(stream.ended).toBe(true)
  })
})

describe('Registry', () => {
  it('ignores the removal of a stream it does not hold', () => {
    const registry = new Registry(resolveHubOptions({ bus: memoryBus() }), () => undefined)
    const stream = new LiveStream({ maxBuffered: 1024, onEnd: () => undefined })

    registry.remove(stream, 'client')

    expect(registry.entries.size).toBe(0)
  })
})
