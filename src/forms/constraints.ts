import type { AttrValue } from '../html/index.ts'
import type { FieldSpec, FieldType } from './field-spec.ts'
import type { JsonSchema } from './json-schema.ts'

type AttrMap = Record<string, AttrValue>

const bounded = (value: number | undefined): number | undefined =>
  value !== undefined && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined

// HTML anchors `pattern` itself and compiles it with the v flag: pass only anchored patterns
// that compile that way, so the browser never refuses what the schema accepts.
function htmlPattern(schema: JsonSchema): string | undefined {
  const pattern = schema.pattern
  if (pattern === undefined || schema.format !== undefined) {
    return undefined
  }
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) {
    return undefined
  }
  try {
    new RegExp(pattern, 'v')
  } catch {
    return undefined
  }
  return pattern.slice(1, -1)
}

function numberAttrs(schema: JsonSchema, integer: boolean): AttrMap {
  const step = integer ? 1 : 0
  const exclusiveMin = bounded(schema.exclusiveMinimum)
  const exclusiveMax = bounded(schema.exclusiveMaximum)
  return {
    min:
      bounded(schema.minimum) ??
      (integer && exclusiveMin !== undefined ? exclusiveMin + step : undefined),
    max:
      bounded(schema.maximum) ??
      (integer && exclusiveMax !== undefined ? exclusiveMax - step : undefined),
    // without step="any" a browser refuses decimals
    step: schema.multipleOf ?? (integer ? 1 : 'any'),
  }
}

function acceptOf(schema: JsonSchema): string | undefined {
  const types = [schema, ...(schema.anyOf ?? [])]
    .map((member) => member.contentMediaType)
    .filter((type): type is string => type !== undefined)
  return types.length > 0 ? types.join(',') : undefined
}

/** The HTML constraint attributes the schema implies for a control. */
export function constraintAttrs(spec: FieldSpec, type: FieldType): AttrMap {
  const schema = spec.node?.schema ?? {}
  const out: AttrMap = { required: spec.required && type !== 'checkbox' }
  if (type === 'file') {
    const file = spec.multiple ? (spec.item?.schema ?? {}) : schema
    return { ...out, accept: acceptOf(file), multiple: spec.multiple }
  }
  if (type === 'select') {
    return { ...out, multiple: spec.multiple }
  }
  if (type === 'number') {
    return { ...out, ...numberAttrs(schema, spec.node?.kind === 'integer') }
  }
  if (type === 'checkbox' || type === 'hidden') {
    return {}
  }
  return {
    ...out,
    minlength: spec.node?.kind === 'string' ? schema.minLength : undefined,
    maxlength: spec.node?.kind === 'string' ? schema.maxLength : undefined,
    pattern: type === 'textarea' ? undefined : htmlPattern(schema),
  }
}
