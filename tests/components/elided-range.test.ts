import { describe, expect, it } from 'vitest'
import { elidedPageRange } from '../../src/components/index.ts'

describe('elidedPageRange()', () => {
  it.each([
    [1, 5, [1, 2, 3, 4, 5]],
    [1, 50, [1, 2, 3, 4, '…', 49, 50]],
    [10, 50, [1, 2, '…', 7, 8, 9, 10, 11, 12, 13, '…', 49, 50]],
    [6, 50, [1, 2, 3, 4, 5, 6, 7, 8, 9, '…', 49, 50]],
    [7, 50, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '…', 49, 50]],
    [8, 50, [1, 2, '…', 5, 6, 7, 8, 9, 10, 11, '…', 49, 50]],
    [45, 50, [1, 2, '…', 42, 43, 44, 45, 46, 47, 48, 49, 50]],
    [50, 50, [1, 2, '…', 47, 48, 49, 50]],
  ])('page %i of %i is %o (as Django)', (page, count, expected) => {
    expect(elidedPageRange(page, count)).toEqual(expected)
  })

  it('takes other widths', () => {
    expect(elidedPageRange(10, 20, 1, 1)).toEqual([1, '…', 9, 10, 11, '…', 20])
  })
})
