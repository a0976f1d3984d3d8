import { describe, expect, it } from 'vitest'
import { fileUpload } from '../../src/components/index.ts'
import { scanCspSafety } from '../../src/csp/index.ts'

describe('fileUpload()', () => {
  it('renders a multipart form with a progress bar', () => {
    const out = fileUpload({
      id: 'imp',
      label: 'Orders CSV',
      action: '/import',
      accept: '.csv',
      multiple: true,
    }).value

    expect(out).toContain(
      '<form class="hx-upload" id="imp" method="post" enctype="multipart/form-data" action="/import" data-hxkit-upload hx-post="/import" hx-target="this" hx-swap="outerHTML" hx-encoding="multipart/form-data">'
    )
    expect(out).toContain('<input type="file" id="imp-file" name="file" accept=".csv" multiple />')
    expect(out).toContain(
      '<progress class="hx-upload-progress" max="100" value="0" hidden aria-label="Upload progress"></progress>'
    )
    expect(scanCspSafety(out)).toEqual([])
  })

  it('shows an error tied to the input', () => {
    const out = fileUpload({
      id: 'imp',
      label: 'L',
      action: '/i',
      name: 'csv',
      error: 'Not a CSV file',
    }).value

    expect(out).toContain('name="csv" aria-invalid="true" aria-describedby="imp-error" />')
    expect(out).toContain('<p class="hx-error" id="imp-error">Not a CSV file</p>')
  })
})
