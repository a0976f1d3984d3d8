// Shared checks of the chart tests: SVG markup with no style attribute and no script URL.
import { expect } from 'vitest'
import { scanCspSafety } from '../../src/csp/index.ts'

export function expectCleanSvg(markup: string): void {
  expect(scanCspSafety(markup)).toEqual([])
  expect(markup).not.toMatch(/style=|<style/)
  expect(markup).not.toContain('NaN')
}
