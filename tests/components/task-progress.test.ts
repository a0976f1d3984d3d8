import { describe, expect, it } from 'vitest'
import { taskProgress } from '../../src/components/index.ts'

const base = { id: 'job', label: 'Marking orders shipped', poll: '/tasks/1/progress' }

describe('taskProgress()', () => {
  it('polls while running and shows the progress', () => {
    const out = taskProgress({
      ...base,
      status: 'RUNNING',
      progress: { fraction: 0.42, message: '420 of 1,000' },
    }).value

    expect(out).toContain(
      '<div class="hx-task hx-task--running" id="job" hx-get="/tasks/1/progress" hx-swap="outerHTML" hx-trigger="every 1s">'
    )
    expect(out).toContain('<progress max="100" value="42" aria-labelledby="job-label"></progress>')
    expect(out).toContain('<p role="status">42% — 420 of 1,000</p>')
  })

  it.each([
    ['READY', 'Waiting to start', true],
    ['SUCCESSFUL', 'Done', false],
    ['FAILED', 'Failed', false],
  ] as const)('says %s as "%s"', (status, word, polls) => {
    const out = taskProgress({ ...base, status, every: '2s', done: 'See the result' }).value

    expect(out).toContain(`<p role="status">${word}</p>`)
    expect(out.includes('hx-trigger="every 2s"')).toBe(polls)
  })

  it('clamps the fraction and shows a running task without a message', () => {
    expect(
      taskProgress({ ...base, status: 'RUNNING', progress: { fraction: 3, message: '' } }).value
    ).toContain('<p role="status">100%</p>')
    expect(taskProgress({ ...base, status: 'SUCCESSFUL' }).value).toContain('value="100"')
  })
})
