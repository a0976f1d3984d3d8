import type { Pair } from './body.ts'
import type { FieldNode } from './compile.ts'
import { convertLeaf } from './convert.ts'
import { FormDecodeError } from './errors.ts'
import type { FormLimits } from './limits.ts'
import { parseName } from './names.ts'

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
  constructor(private readonly limits: FormLimits) {}

  value(
    branch: Branch | undefined,
    node: FieldNode | undefined,
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

  object(branch: Branch | undefined, node: FieldNode, optional: boolean, depth: number): unknown {
    if (branch === undefined && optional) {
      return undefined
    }
    if (branch?.values !== undefined) {
      return rawOf(branch)
    }
    const out: Dict = Object.create(null) as Dict
    for (const [key, child] of node.properties) {
      const value = this.value(
        branch?.children?.get(key),
        child,
        !node.required.has(key),
        depth + 1
      )
      if (value !== undefined) {
        out[key] = value
      }
    }
    for (const [key, child] of branch?.children ?? []) {
      if (!node.properties.has(key)) {
        out[key] = rawOf(child)
      }
    }
    return out
  }

  array(branch: Branch | undefined, node: FieldNode, depth: number): unknown {
    const item = node.item
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
 * Decodes checked pairs into the shape of the compiled field tree: null-prototype objects,
 * repeated names as arrays, strings converted by kind. Without a tree every value stays a string.
 */
export function decodePairs(
  pairs: readonly Pair[],
  tree: FieldNode | undefined,
  limits: FormLimits
): Dict {
  const submitted: Branch = { values: undefined, children: new Map() }
  for (const [name, value] of pairs) {
    grow(submitted, name, value, limits)
  }
  const root = tree?.kind === 'object' ? tree : undefined
  return new Decoder(limits).value(submitted, root, false, 0) as Dict
}
