import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec'

/** The subset of JSON Schema (draft 2020-12) the decoder and the field renderer read. */
export interface JsonSchema {
  readonly type?: string | readonly string[]
  readonly properties?: Readonly<Record<string, JsonSchema>>
  readonly required?: readonly string[]
  readonly items?: JsonSchema
  readonly enum?: readonly unknown[]
  readonly const?: unknown
  readonly format?: string
  readonly pattern?: string
  readonly minimum?: number
  readonly maximum?: number
  readonly exclusiveMinimum?: number
  readonly exclusiveMaximum?: number
  readonly multipleOf?: number
  readonly minLength?: number
  readonly maxLength?: number
  readonly minItems?: number
  readonly maxItems?: number
  readonly contentEncoding?: string
  readonly contentMediaType?: string
  readonly anyOf?: readonly JsonSchema[]
  readonly oneOf?: readonly JsonSchema[]
  readonly allOf?: readonly JsonSchema[]
  readonly $ref?: string
  readonly $defs?: Readonly<Record<string, JsonSchema>>
}

/** `format` marking a value decoded to a `Date` (zod's `z.date()`; set it yourself for others). */
export const DATE_FORMAT = 'hxkit-date'
/** `format` of a zone-less date-time, rendered as `datetime-local` (zod's `z.iso.datetime({ local: true })`). */
export const LOCAL_DATETIME_FORMAT = 'hxkit-datetime-local'

/** How a value decodes and renders. */
export type Kind =
  'string' | 'number' | 'integer' | 'boolean' | 'date' | 'file' | 'object' | 'array' | 'unknown'

/** A resolved schema node with its kind. */
export interface Node {
  readonly kind: Kind
  readonly schema: JsonSchema
  readonly nullable: boolean
}

interface ZodDef {
  readonly type?: string
  readonly format?: string
  readonly local?: boolean
}

// Marks what JSON Schema cannot say: z.date() is a Date, a local date-time has no zone.
function zodOverride(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const def = (ctx.zodSchema as { _zod?: { def?: ZodDef } })._zod?.def
  if (def?.type === 'date') {
    ctx.jsonSchema['type'] = 'string'
    ctx.jsonSchema['format'] = DATE_FORMAT
  } else if (def?.type === 'string' && def.format === 'datetime' && def.local === true) {
    ctx.jsonSchema['format'] = LOCAL_DATETIME_FORMAT
  } else if (def?.type === 'string' && def.format === 'time') {
    ctx.jsonSchema['format'] = 'time'
  }
}

/**
 * The input JSON Schema of a Standard Schema: the one given, else its `~standard.jsonSchema`
 * (zod 4 with an override for dates), else `undefined` (no metadata: values stay strings).
 */
export function deriveJsonSchema(
  schema: StandardSchemaV1,
  given: JsonSchema | undefined
): JsonSchema | undefined {
  if (given !== undefined) {
    return given
  }
  const props = schema['~standard'] as Partial<StandardJSONSchemaV1.Props>
  if (typeof props.jsonSchema?.input !== 'function') {
    return undefined
  }
  const libraryOptions =
    props.vendor === 'zod' ? { unrepresentable: 'any', override: zodOverride } : undefined
  try {
    return props.jsonSchema.input({ target: 'draft-2020-12', libraryOptions })
  } catch {
    return undefined
  }
}

function follow(root: JsonSchema, ref: string): JsonSchema | undefined {
  const name = /^#\/\$defs\/([^/]+)$/.exec(ref)?.[1]
  if (ref === '#') {
    return root
  }
  const defs = root.$defs
  return name !== undefined && defs !== undefined && Object.hasOwn(defs, name)
    ? defs[name]
    : undefined
}

const isNull = (s: JsonSchema): boolean => s.type === 'null'

function kindOf(schema: JsonSchema, type: string | undefined): Kind {
  if (schema.format === 'binary' || schema.contentEncoding === 'binary') {
    return 'file'
  }
  if (type === 'string') {
    return schema.format === DATE_FORMAT ? 'date' : 'string'
  }
  const known: readonly string[] = ['number', 'integer', 'boolean', 'object', 'array']
  return type !== undefined && known.includes(type) ? (type as Kind) : 'unknown'
}

/** Resolves `$ref`, nullable unions and single-member `allOf`, then names the kind. */
export function resolve(root: JsonSchema, schema: JsonSchema | undefined): Node | undefined {
  let current = schema
  let nullable = false
  for (let hops = 0; current !== undefined && hops < 8; hops++) {
    if (current.$ref !== undefined) {
      current = follow(root, current.$ref)
      continue
    }
    const union = current.type === undefined ? (current.anyOf ?? current.oneOf) : undefined
    if (union !== undefined) {
      const rest = union.filter((member) => !isNull(member))
      nullable ||= rest.length < union.length
      if (rest.length !== 1) {
        return { kind: 'unknown', schema: current, nullable }
      }
      current = rest[0]
      continue
    }
    if (current.type === undefined && current.allOf?.length === 1) {
      current = current.allOf[0]
      continue
    }
    const types = typeof current.type === 'string' ? [current.type] : (current.type ?? [])
    const real = types.filter((type) => type !== 'null')
    nullable ||= real.length < types.length
    return {
      kind: kindOf(current, real.length === 1 ? real[0] : undefined),
      schema: current,
      nullable,
    }
  }
  return undefined
}

/** The schema of a child: a property of an object, the items of an array. */
export function childOf(root: JsonSchema, node: Node | undefined, key: string): Node | undefined {
  if (node?.kind === 'object') {
    const properties = node.schema.properties
    return properties !== undefined && Object.hasOwn(properties, key)
      ? resolve(root, properties[key])
      : undefined
  }
  return node?.kind === 'array' && /^\d+$/.test(key) ? resolve(root, node.schema.items) : undefined
}

/** Tells whether `key` is required in the object node. */
export function isRequired(node: Node | undefined, key: string): boolean {
  return node?.kind === 'object' && (node.schema.required ?? []).includes(key)
}
