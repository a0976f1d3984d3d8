import { describe, expect, it } from 'vitest'
import { sparkline } from '../../src/components/index.ts'
import { expectCleanSvg } from './charts.ts'

describe('sparkline()', () => {
  it('draws a path named by its range and last value', () => {
    const out = sparkline({ values: [3, 5, 2, 8], label: 'Orders' }).value

    expect(out).toContain('role="img" aria-label="Orders: from 2 to 8, last 8"')
    expect(out).toMatch(/<path d="M1,[\d.]+L/)
    expectCleanSvg(out)
  })

  it('handles flat and empty series', () => {
    expectCleanSvg(sparkline({ values: [4, 4], label: 'Flat', width: 50, height: 10 }).value)
    expect(sparkline({ values: [], label: 'None' }).value).toContain('aria-label="None: no data"')
  })
})
