import { describe, expect, it } from 'vitest'
import { cascadingSelect } from '../../src/components/index.ts'

describe('cascadingSelect()', () => {
  it('reloads the dependent select on change', () => {
    const out = cascadingSelect({
      id: 'country',
      name: 'country',
      label: 'Country',
      options: [
        ['fr', 'France'],
        ['no', 'Norway'],
      ],
      value: 'no',
      get: '/cities',
      child: 'city',
      prompt: 'Choose a country',
    }).value

    expect(out).toContain(
      '<div class="hx-field" id="country-field"><label for="country">Country</label>'
    )
    expect(out).toContain(
      'hx-get="/cities" hx-target="#city-field" hx-swap="outerHTML" hx-include="closest form"'
    )
    expect(out).toContain('<option value="">Choose a country</option>')
    expect(out).toContain('<option value="no" selected>Norway</option>')
  })

  it('renders a plain select as the child', () => {
    const out = cascadingSelect({
      id: 'city',
      name: 'city',
      label: 'City',
      options: [['', 'None']],
    }).value

    expect(out).not.toContain('hx-get')
    expect(out).toContain('<option value="" selected>None</option>')
  })
})
