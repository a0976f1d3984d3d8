// The SSE wire format and the in-process bus.
import { describe, expect, it } from 'vitest'
import { memoryBus } from '../../src/live/index.ts'
import { formatMessage } from '../../src/live/sse.ts'

describe('formatMessage()', () => {
  it('writes each line of the data on its own data: field, whatever the line break', () => {
    expect(formatMessage({ data: 'a\nb\r\nc\rd' })).toBe('data: a\ndata: b\ndata: c\ndata: d\n\n')
  })

  it('writes event, id and retry before the data', () => {
    expect(formatMessage({ event: 'x', id: '7', retry: 1500.7, data: '' })).toBe(
      'event: x\nid: 7\nretry: 1500\ndata: \n\n'
    )
  })

  it('keeps injected field syntax inside data', () => {
    expect(formatMessage({ data: '<p>\n\nevent: hxkit:nonce\ndata: x' })).toBe(
      'data: <p>\ndata: \ndata: event: hxkit:nonce\ndata: data: x\n\n'
    )
  })

  it.each([['a\nb'], ['a\rb'], ['a\0b']])(
    'refuses a line break or NUL in an event name (%j)',
    (event) => {
      expect(() => formatMessage({ event, data: '' })).toThrow(TypeError)
    }
  )
})

describe('memoryBus()', () => {
  it('delivers to every subscriber until it unsubscribes', () => {
    const bus = memoryBus()
    const got: string[] = []
    const stop = bus.subscribe((channel, hint) => got.push(`${channel}:${String(hint)}`))

    void bus.publish('orders', ['stats'])
    stop()
    void bus.publish('orders')

    expect(got).toEqual(['orders:stats'])
    expect(bus.subscriptions).toBe(0)
  })

  it('drops publishes after close()', async () => {
    const bus = memoryBus()
    const got: string[] = []
    bus.subscribe((channel) => got.push(channel))

    await bus.close()
    void bus.publish('orders')

    expect(got).toEqual([])
  })

  it('checks channel and hint', () => {
    const bus = memoryBus()

    expect(() => bus.publish('task:', undefined)).toThrow(TypeError)
    expect(() => bus.publish('task:a b')).toThrow(TypeError)
    expect(() => bus.publish('orders', [1] as never)).toThrow('list of partial names')
    expect(() => bus.publish('task:42:step')).not.toThrow()
  })
})
