import type { JsonSchema, Node } from './schema-meta.ts'
import { childOf, DATE_FORMAT, isRequired, LOCAL_DATETIME_FORMAT, resolve } from './schema-meta.ts'

/** The controls `field()` renders. */
export type FieldType =
  | 'text'
  | 'email'
  | 'url'
  | 'tel'
  | 'password'
  | 'search'
  | 'number'
  | 'date'
  | 'datetime-local'
  | 'time'
  | 'checkbox'
  | 'select'
  | 'textarea'
  | 'file'
  | 'hidden'

/** What the schema says about one field. */
export interface FieldSpec {
  readonly node: Node | undefined
  readonly required: boolean
  readonly multiple: boolean
  readonly choices: readonly string[] | undefined
}

/** Walks the schema along a dotted path; required only when every level is. */
export function specAt(root: JsonSchema | undefined, segments: readonly string[]): FieldSpec {
  let node = root === undefined ? undefined : resolve(root, root)
  let required = true
  for (const segment of segments) {
    required &&= node?.kind === 'array' || isRequired(node, segment)
    node = root === undefined ? undefined : childOf(root, node, segment)
  }
  const item =
    node?.kind === 'array' && root !== undefined ? resolve(root, node.schema.items) : undefined
  const values = (item ?? node)?.schema.enum
  return {
    node,
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
  if (node?.kind === 'file' || node?.schema.items?.format === 'binary') {
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
