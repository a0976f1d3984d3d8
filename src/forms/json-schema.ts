import type { FormSchema } from './standard.ts'

/**
 * The subset of JSON Schema (draft 2020-12) the forms read: `form()` compiles it once into the
 * field tree that decoding, field rendering and constraints share.
 *
 * @see docs/forms.md
 * @example
 * const jsonSchema: JsonSchema = { type: 'object', properties: { n: { type: 'number' } } }
 */
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

/**
 * `format` marking a value decoded to a `Date` (zod's `z.date()`; set it yourself for others).
 *
 * @see docs/forms.md
 * @example
 * form(schema, { jsonSchema: { type: 'object', properties: { day: { type: 'string', format: DATE_FORMAT } } } })
 */
export const DATE_FORMAT = 'hxkit-date'

/**
 * `format` of a zone-less date-time, rendered as `datetime-local` (zod's `z.iso.datetime({ local: true })`).
 *
 * @see docs/forms.md
 * @example
 * const at: JsonSchema = { type: 'string', format: LOCAL_DATETIME_FORMAT }
 */
export const LOCAL_DATETIME_FORMAT = 'hxkit-datetime-local'

interface ZodDef {
  readonly type?: string
  readonly format?: string
  readonly local?: boolean
}

/** What a Standard JSON Schema offers next to `validate` (zod 4 has it). */
interface JsonSchemaProps {
  readonly vendor: string
  readonly jsonSchema?: { readonly input?: unknown } | undefined
}

type Converter = (options: { target: string; libraryOptions: unknown }) => JsonSchema

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
  schema: FormSchema,
  given: JsonSchema | undefined
): JsonSchema | undefined {
  if (given !== undefined) {
    return given
  }
  const props = schema['~standard'] as JsonSchemaProps
  const input = props.jsonSchema?.input
  if (typeof input !== 'function') {
    return undefined
  }
  const libraryOptions =
    props.vendor === 'zod' ? { unrepresentable: 'any', override: zodOverride } : undefined
  try {
    return (input as Converter).call(props.jsonSchema, { target: 'draft-2020-12', libraryOptions })
  } catch {
    return undefined
  }
}
