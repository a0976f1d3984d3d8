import { DATE_FORMAT } from './json-schema.ts'
import type { JsonSchema } from './json-schema.ts'

/** How a value decodes and renders. */
export type Kind =
  'string' | 'number' | 'integer' | 'boolean' | 'date' | 'file' | 'object' | 'array' | 'unknown'

/**
 * One node of the field tree `form()` compiles from the JSON Schema, once: `$ref`, nullable
 * unions and single-member `allOf` already resolved, children already looked up.
 */
export interface FieldNode {
  readonly kind: Kind
  /** The resolved schema: constraints and formats are read from it. */
  readonly schema: JsonSchema
  readonly nullable: boolean
  /** The properties of an object, in schema order (those that resolve). */
  readonly properties: ReadonlyMap<string, FieldNode>
  /** The required properties of an object. */
  readonly required: ReadonlySet<string>
  /** The node of an array's items. */
  readonly item: FieldNode | undefined
}

type Building = { -readonly [K in keyof FieldNode]: FieldNode[K] }

interface Resolved {
  readonly kind: Kind
  readonly schema: JsonSchema
  readonly nullable: boolean
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

// Resolves `$ref`, nullable unions and single-member `allOf`, then names the kind.
function resolve(root: JsonSchema, schema: JsonSchema | undefined): Resolved | undefined {
  let current = schema
  let nullable = false
  for (let hops = 0; current !== undefined && hops < 8; hops++) {
    if (current.$ref !== undefined) {
      current = follow(root, current.$ref)
      continue
    }
    const union = current.type === undefined ? (current.anyOf ?? current.oneOf) : undefined
    if (union !== undefined) {
      const rest = union.filter((member) => member.type !== 'null')
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
    const kind = kindOf(current, real.length === 1 ? real[0] : undefined)
    return { kind, schema: current, nullable }
  }
  return undefined
}

/**
 * Compiles a JSON Schema into its field tree. A recursive schema (`$ref: '#'`) becomes a cyclic
 * tree: each resolved schema is compiled once, and the readers bound their depth themselves.
 */
export function compileSchema(root: JsonSchema | undefined): FieldNode | undefined {
  if (root === undefined) {
    return undefined
  }
  // the same schema can be nullable at one use and not at another: one node for each
  const seen = [new Map<JsonSchema, FieldNode>(), new Map<JsonSchema, FieldNode>()]
  const build = (schema: JsonSchema | undefined): FieldNode | undefined => {
    const resolved = resolve(root, schema)
    if (resolved === undefined) {
      return undefined
    }
    const cache = seen[resolved.nullable ? 1 : 0] as Map<JsonSchema, FieldNode>
    const known = cache.get(resolved.schema)
    if (known !== undefined) {
      return known
    }
    const properties = new Map<string, FieldNode>()
    const node: Building = {
      ...resolved,
      properties,
      required: new Set(resolved.kind === 'object' ? (resolved.schema.required ?? []) : []),
      item: undefined,
    }
    cache.set(resolved.schema, node)
    if (node.kind === 'object') {
      for (const [key, child] of Object.entries(node.schema.properties ?? {})) {
        const compiled = build(child)
        if (compiled !== undefined) {
          properties.set(key, compiled)
        }
      }
    } else if (node.kind === 'array') {
      node.item = build(node.schema.items)
    }
    return node
  }
  return build(root)
}

/** The child of a node: a property of an object, the items of an array (numeric keys). */
export function childAt(node: FieldNode | undefined, key: string): FieldNode | undefined {
  if (node?.kind === 'object') {
    return node.properties.get(key)
  }
  return node?.kind === 'array' && /^\d+$/.test(key) ? node.item : undefined
}

/** Counts the file inputs a tree allows and their largest `max()`, for the multipart caps. */
export function fileSlots(tree: FieldNode | undefined): {
  slots: number
  maxBytes: number | undefined
} {
  let slots = 0
  let maxBytes: number | undefined
  const visit = (node: FieldNode | undefined, depth: number, count: number): void => {
    if (node === undefined || depth > 6) {
      return
    }
    if (node.kind === 'file') {
      slots += count
      const max = node.schema.maxLength
      maxBytes = max === undefined ? maxBytes : Math.max(maxBytes ?? 0, max)
    } else if (node.kind === 'array') {
      visit(node.item, depth + 1, count * (node.schema.maxItems ?? 10))
    } else {
      for (const child of node.properties.values()) {
        visit(child, depth + 1, count)
      }
    }
  }
  visit(tree, 0, 1)
  return { slots, maxBytes }
}
