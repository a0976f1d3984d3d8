import { expect } from 'vitest'
import { htmxMatchers } from '../src/testing/index.ts'
import type { HtmxMatchers } from '../src/testing/index.ts'

expect.extend(htmxMatchers)

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- must match vitest's declaration
  interface Matchers<T = any> extends HtmxMatchers<T> {}
}
