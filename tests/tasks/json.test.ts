import { describe, expect, it } from 'vitest'
import { checkJson } from '../../src/tasks/json.ts'

class Point {
  x = 1
}

describe('checkJson()', () => {
  describe('with values that survive JSON', () => {
    it.each([
      ['null', null],
      ['a string', 'a'],
      ['a number', 1.5],
      ['a boolean', false],
      ['nested data', { a: [1, { b: 'c' }], d: null }],
      ['an object without a prototype', Object.assign(Object.create(null) as object, { a: 1 })],
    ])('accepts %s', (_name, value) => {
      expect(() => {
        checkJson('f()', 'argument 1', value)
      }).not.toThrow()
    })

    it('accepts the same object twice when it is not a cycle', () => {
      const shared = { a: 1 }

      expect(() => {
        checkJson('f()', 'argument 1', [shared, shared])
      }).not.toThrow()
    })
  })

  describe('with values that do not', () => {
    const cycle: Record<string, unknown> = {}
    cycle['self'] = cycle
    it.each([
      ['a Date', new Date(0), 'argument 1 is a Date'],
      ['a Map', new Map(), 'argument 1 is a Map'],
      ['a Set', { s: new Set() }, 'argument 1.s is a Set'],
      ['undefined in an array', [1, undefined], 'argument 1[1] is undefined'],
      // eslint-disable-next-line no-sparse-arrays -- the hole is the point
      ['a hole', [1, , 2], 'argument 1[1] is a hole'],
      ['undefined in an object', { a: undefined }, 'argument 1.a is undefined'],
      ['a class instance', new Point(), 'argument 1 is a Point'],
      ['a cycle', cycle, 'argument 1.self is a cycle'],
      ['a BigInt', 1n, 'argument 1 is a BigInt'],
      ['NaN', Number.NaN, 'argument 1 is NaN'],
      ['Infinity', Infinity, 'argument 1 is Infinity'],
      ['a function', () => 1, 'argument 1 is a function'],
      ['a symbol', Symbol('s'), 'argument 1 is a symbol'],
      ['symbol keys', { [Symbol('s')]: 1 }, 'argument 1 has symbol keys'],
    ])('refuses %s, naming where it is', (_name, value, where) => {
      expect(() => {
        checkJson('f()', 'argument 1', value)
      }).toThrow(new RegExp(`^f\\(\\): ${where.replace(/[[\]().]/g, '\\$&')}; task arguments`))
    })

    it('throws a TypeError', () => {
      expect(() => {
        checkJson('f()', 'x', new Date())
      }).toThrow(TypeError)
    })
  })
})
