import { childAt } from './compile.ts'
import type { FieldNode } from './compile.ts'
import { DATE_FORMAT, LOCAL_DATETIME_FORMAT } from './json-schema.ts'

/** The controls `field()` renders, for its `type` option. */
export const FIELD_TYPES = [
  'text',
  'email',
  'url',
  'tel',
  'password',
  'search',
  'number',
  'date',
  'datetime-local',
  'time',
  'checkbox',
  'select',
  'textarea',
  'file',
  'hidden',
] as const

/**
 * The controls `field()` renders.
 *
 * @see docs/forms.md
 * @example
 * signup.field(state, 'password', { type: 'password' satisfies FieldType })
 */
export type FieldType = (typeof FIELD_TYPES)[number]

/** What the field tree says about one field. */
export interface FieldSpec {
  readonly node: FieldNode | undefined
  /** The items of a list field (`multiple`), else undefined. */
  readonly item: FieldNode | undefined
  readonly required: boolean
  readonly multiple: boolean
  readonly choices: readonly string[] | undefined
}

/** Walks the field tree along a dotted path; required only when every level is. */
export function specAt(tree: FieldNode | undefined, segments: readonly string[]): FieldSpec {
  let node = tree
  let required = true
  for (const segment of segments) {
    required &&= node?.kind === 'array' || (node?.required.has(segment) ?? false)
    node = childAt(node, segment)
  }
  const item = node?.kind === 'array' ? node.item : undefined
  const values = (item ?? node)?.schema.enum
  return {
    node,
    item,
    // a list is required only when it needs an item; a checkbox when it must be checked
    required:
      required &&
      node?.kind !== 'boolean' &&
      node?.nullable !== true &&
      (item === undefined || (node?.schema.minItems ?? 0) > 0),
    multiple: item !== undefined,
    choices: values?.map(String),
  }
}

const STRING_TYPES: Readonly<Record<string, FieldType>> = {
  email: 'email',
  uri: 'url',
  url: 'url',
  date: 'date',
  time: 'time',
  [DATE_FORMAT]: 'date',
  [LOCAL_DATETIME_FORMAT]: 'datetime-local',
}

/** The control a schema node implies; long strings (maxLength > 255) get a textarea. */
export function inferType(spec: FieldSpec, hasChoices: boolean): FieldType {
  const node = spec.node
  const item = spec.multiple ? undefined : node
  if (spec.choices !== undefined || hasChoices) {
    return 'select'
  }
  if (node?.kind === 'file' || spec.item?.kind === 'file') {
    return 'file'
  }
  if (item?.kind === 'boolean') {
    return 'checkbox'
  }
  if (item?.kind === 'number' || item?.kind === 'integer') {
    return 'number'
  }
  const format = item?.schema.format
  if (format !== undefined && Object.hasOwn(STRING_TYPES, format)) {
    return STRING_TYPES[format] as FieldType
  }
  return (item?.schema.maxLength ?? 0) > 255 ? 'textarea' : 'text'
}
