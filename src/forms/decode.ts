import type { Pair } from './body.ts'
import { convertLeaf } from './convert.ts'
import { FormDecodeError } from './errors.ts'
import type { FormLimits } from './limits.ts'
import { parseName } from './names.ts'
import { childOf, isRequired, resolve } from './schema-meta.ts'
import type { JsonSchema, Node } from './schema-meta.ts'

/** The submitted names as a tree: a name holds values or children, never both. */
interface Branch {
  values: (string | File)[] | undefined
  children: Map<string, Branch> | undefined
}

type Dict = Record<string, unknown>

const INDEX = /^(?:0|[1-9]\d{0,5})$/

const conflict = (name: string): FormDecodeError =>
  new FormDecodeError('conflict', `Field "${name.slice(0, 64)}" is both a value and a group`)

function grow(root: Branch, name: string, value: string | File, limits: FormLimits): void {
  let branch = root
  for (const segment of parseName(name, limits)) {
    if (branch.values !== undefined) {
      throw conflict(name)
    }
    branch.children ??= new Map()
    let next = branch.children.get(segment)
    if (next === undefined) {
      next = { values: undefined, children: undefined }
      branch.children.set(segment, next)
    }
    branch = next
  }
  if (branch.children !== undefined) {
    throw conflict(name)
  }
  branch.values ??= []
  if (branch.values.push(value) > limits.maxArrayLength) {
    throw new FormDecodeError(
      'too-many-values',
      `More than ${String(limits.maxArrayLength)} values for "${name.slice(0, 64)}"`
    )
  }
}

/** Values as sent, for names the schema does not know (a strict schema then reports them). */
function rawOf(branch: Branch): unknown {
  if (branch.values !== undefined) {
    return branch.values.length === 1 ? branch.values[0] : [...branch.values]
  }
  const out: Dict = Object.create(null) as Dict
  for (const [key, child] of branch.children ?? []) {
    out[key] = rawOf(child)
  }
  return out
}

class Decoder {
  constructor(
    private readonly root: JsonSchema,
    private readonly limits: FormLimits
  ) {}

  value(
    branch: Branch | undefined,
    node: Node | undefined,
    optional: boolean,
    depth: number
  ): unknown {
    if (node === undefined || depth > this.limits.maxDepth) {
      return branch === undefined ? undefined : rawOf(branch)
    }
    if (node.kind === 'object') {
      return this.object(branch, node, optional, depth)
    }
    if (node.kind === 'array') {
      return this.array(branch, node, depth)
    }
    if (branch === undefined) {
      return node.kind === 'boolean' ? false : undefined
    }
    if (branch.values === undefined) {
      return rawOf(branch)
    }
    const last = branch.values[branch.values.length - 1] as string | File
    if (last === '' && (node.kind === 'string' || node.kind === 'unknown')) {
      return optional ? undefined : node.nullable ? null : ''
    }
    return convertLeaf(last, node.kind)
  }

  object(branch: Branch | undefined, node: Node, optional: boolean, depth: number): unknown {
    if (branch === undefined && optional) {
      return undefined
    }
    if (branch?.values !== undefined) {
      return rawOf(branch)
    }
    const out: Dict = Object.create(null) as Dict
    for (const key of Object.keys(node.schema.properties ?? {})) {
      const child = branch?.children?.get(key)
      const value = this.value(
        child,
        childOf(this.root, node, key),
        !isRequired(node, key),
        depth + 1
      )
      if (value !== undefined) {
        out[key] = value
      }
    }
    for (const [key, child] of branch?.children ?? []) {
      if (!(key in out) && childOf(this.root, node, key) === undefined) {
        out[key] = rawOf(child)
      }
    }
    return out
  }

  array(branch: Branch | undefined, node: Node, depth: number): unknown {
    const item = resolve(this.root, node.schema.items)
    if (branch === undefined) {
      return []
    }
    if (branch.values !== undefined) {
      const kept = branch.values.filter((value) => value !== '')
      return kept
        .map((value) =>
          this.value({ values: [value], children: undefined }, item, false, depth + 1)
        )
        .filter((value) => value !== undefined)
    }
    const children = branch.children as Map<string, Branch>
    const keys = [...children.keys()]
    if (!keys.every((key) => INDEX.test(key))) {
      return rawOf(branch)
    }
    if (keys.length > this.limits.maxArrayLength) {
      throw new FormDecodeError(
        'too-many-values',
        `More than ${String(this.limits.maxArrayLength)} items`
      )
    }
    // sparse indexes (items.0, items.5) are compacted in index order
    keys.sort((a, b) => Number(a) - Number(b))
    return keys.map((key) => this.value(children.get(key), item, false, depth + 1))
  }
}

/**
 * Decodes checked pairs into the schema's shape: null-prototype objects, repeated names as
 * arrays, strings converted by kind. Without a JSON Schema every value stays a string.
 */
export function decodePairs(
  pairs: readonly Pair[],
  root: JsonSchema | undefined,
  limits: FormLimits
): Dict {
  const tree: Branch = { values: undefined, children: new Map() }
  for (const [name, value] of pairs) {
    grow(tree, name, value, limits)
  }
  const schema = root ?? {}
  const node = root === undefined ? undefined : resolve(schema, root)
  const value = new Decoder(schema, limits).value(
    tree,
    node?.kind === 'object' ? node : undefined,
    false,
    0
  )
  return value as Dict
}
