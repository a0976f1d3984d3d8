import { HTTPException } from 'hono/http-exception'
import { checkKeys } from '../internal/options.ts'

/**
 * One field's schema: any Standard Schema v1 with a synchronous `validate` (zod 4 included).
 *
 * @see docs/components.md
 * @example
 * const status: FieldSchema<'open' | 'shipped'> = z.enum(['open', 'shipped'])
 */
export interface FieldSchema<Output = unknown> {
  readonly '~standard': {
    readonly validate: (
      value: unknown
    ) =>
      | { readonly value: Output; readonly issues?: undefined }
      | { readonly issues: readonly { readonly message: string }[] }
      | Promise<unknown>
  }
}

/** One sort key and its direction. */
export interface SortTerm<K extends string = string> {
  readonly key: K
  readonly dir: 'asc' | 'desc'
}

/** What `listState()` takes. */
export interface ListStateOptions<F extends Record<string, FieldSchema>, K extends string> {
  /** The filters, by query-string name, each validated by its schema (empty values are absent). */
  filters?: F | undefined
  /** The sortable keys; `sort=-created,name` may name up to `maxSort` of them. */
  sortable?: readonly K[] | undefined
  /** The sort when the query names none, e.g. `'-created'`. @default '' (none) */
  defaultSort?: string | undefined
  /** How many sort keys one query may combine. @default 3 */
  maxSort?: number | undefined
  /** Rows per page: the default and the largest `per` accepted. @default { default: 25, max: 100 } */
  perPage?: { default: number; max: number } | undefined
  /** `'reject'`: a bad filter, sort key or page answers 400 with a message; `'ignore'`: dropped. @default 'reject' */
  invalid?: 'reject' | 'ignore' | undefined
}

type Outputs<F extends Record<string, FieldSchema>> = {
  readonly [N in keyof F]?: F[N] extends FieldSchema<infer O> ? O : never
}

/** A parsed list state: what the table shows, and the canonical query that reproduces it. */
export interface ListState<
  F extends Record<string, FieldSchema> = Record<string, FieldSchema>,
  K extends string = string,
> {
  /** Parsed filter values (only the ones given and valid). */
  readonly filters: Outputs<F>
  /** The filters' query-string text, as given (trimmed), for form fields and links. */
  readonly raw: Readonly<Record<string, string>>
  readonly sort: readonly SortTerm<K>[]
  /** 1-based page (offset mode). */
  readonly page: number
  readonly perPage: number
  /** The keyset cursor (`after` or `before`), still opaque. */
  readonly cursor: { readonly after?: string | undefined; readonly before?: string | undefined }
  /** Problems found in `'ignore'` mode (none in `'reject'` mode, which answers 400). */
  readonly ignored: readonly string[]
}

/** A change to a list state for a link: filters by raw text (`null` removes), sort, page, cursor. */
export interface ListPatch<K extends string = string> {
  readonly filters?: Readonly<Record<string, string | null>> | undefined
  readonly sort?: readonly SortTerm<K>[] | undefined
  readonly page?: number | undefined
  readonly perPage?: number | undefined
  readonly after?: string | null | undefined
  readonly before?: string | null | undefined
}

/** A list's query-string codec, made by `listState()`. */
export interface ListCodec<F extends Record<string, FieldSchema>, K extends string> {
  /** Reads a query (`c.req.query()` or `URLSearchParams`); bad input answers 400 or is dropped. */
  parse(query: Readonly<Record<string, string | undefined>> | URLSearchParams): ListState<F, K>
  /** The canonical query string (no `?`): fixed key order, defaults left out. */
  serialize(state: ListState<F, K>, patch?: ListPatch<K>): string
  /** `path` + `?` + the canonical query, or `path` when it is empty. */
  href(path: string, state: ListState<F, K>, patch?: ListPatch<K>): string
  /** The canonical query of the filters and sort only: the scope of bulk actions and exports. */
  scope(state: ListState<F, K>): string
  /** The sort a click on `key`'s header asks for: `key` first, toggled if already first. */
  toggleSort(state: ListState<F, K>, key: K): SortTerm<K>[]
  /** The default sort, parsed. */
  readonly defaultSort: readonly SortTerm<K>[]
}

const RESERVED = new Set(['sort', 'page', 'per', 'after', 'before'])
const CURSOR = /^[\w-]{1,1024}(?:\.[\w-]{1,128})?$/

function issueOf(result: unknown): string | null {
  if (result instanceof Promise) {
    throw new TypeError('listState(): filter schemas must validate synchronously')
  }
  const issues = (result as { issues?: readonly { message: string }[] }).issues
  return issues === undefined ? null : (issues[0]?.message ?? 'invalid value')
}

function positive(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TypeError(`listState(): "${name}" must be a positive integer`)
  }
  return value
}

function parseSortText<K extends string>(
  text: string,
  sortable: ReadonlySet<string>,
  max: number,
  problem: (message: string) => void
): SortTerm<K>[] {
  const terms: SortTerm<K>[] = []
  for (const token of text.split(',')) {
    const trimmed = token.trim()
    if (trimmed === '') {
      continue
    }
    const desc = trimmed.startsWith('-')
    const key = desc ? trimmed.slice(1) : trimmed
    if (!sortable.has(key)) {
      problem(`cannot sort by "${key.slice(0, 40)}"`)
    } else if (terms.some((t) => t.key === key)) {
      continue
    } else if (terms.length >= max) {
      problem(`at most ${String(max)} sort keys`)
    } else {
      terms.push({ key: key as K, dir: desc ? 'desc' : 'asc' })
    }
  }
  return terms
}

function sortText(terms: readonly SortTerm[]): string {
  return terms.map((t) => (t.dir === 'desc' ? `-${t.key}` : t.key)).join(',')
}

function read(
  query: Readonly<Record<string, string | undefined>> | URLSearchParams,
  name: string
): string {
  const value = query instanceof URLSearchParams ? query.get(name) : query[name]
  return (value ?? '').trim()
}

/**
 * Declares a list's URL state: filters from field schemas, sortable keys, page size, cursors.
 * `parse()` reads a query, `serialize()`/`href()` write the one canonical query string (links,
 * `HX-Push-Url`, exports and signed bulk scopes all use it), so Back, reload and a shared link show
 * the same table. Bad input answers 400 with a message (`invalid: 'reject'`, the default) or is
 * dropped (`'ignore'`); it never throws anything else.
 *
 * @param options - filters, sortable keys, default sort, page sizes, what to do with bad input
 * @returns the codec
 * @see docs/components.md
 * @example
 * const orders = listState({
 *   filters: { q: z.string().max(100), status: z.enum(['pending', 'shipped']) },
 *   sortable: ['id', 'total', 'created'],
 *   defaultSort: '-created',
 * })
 * const state = orders.parse(c.req.query())
 * orders.href('/orders', state, { page: 2 }) // '/orders?status=shipped&page=2'
 */
export function listState<
  const F extends Record<string, FieldSchema> = Record<string, never>,
  const K extends string = never,
>(options: ListStateOptions<F, K>): ListCodec<F, K> {
  checkKeys('listState()', options, [
    'filters',
    'sortable',
    'defaultSort',
    'maxSort',
    'perPage',
    'invalid',
  ])
  const filters = Object.entries(options.filters ?? {})
  for (const [name, schema] of filters) {
    if (RESERVED.has(name) || !/^[A-Za-z][\w.-]*$/.test(name)) {
      throw new TypeError(`listState(): "${name}" cannot be a filter name`)
    }
    if (typeof (schema as Partial<FieldSchema>)['~standard']?.validate !== 'function') {
      throw new TypeError(`listState(): filter "${name}" must be a Standard Schema (zod 4)`)
    }
  }
  const sortable = new Set<string>(options.sortable ?? [])
  const maxSort = positive('maxSort', options.maxSort ?? 3)
  const per = options.perPage ?? { default: 25, max: 100 }
  checkKeys('listState()', per, ['default', 'max'], 'perPage.')
  positive('perPage.default', per.default)
  positive('perPage.max', per.max)
  const invalid: unknown = options.invalid ?? 'reject'
  if (invalid !== 'reject' && invalid !== 'ignore') {
    throw new TypeError('listState(): "invalid" must be one of reject, ignore')
  }
  const defaultSort = parseSortText<K>(options.defaultSort ?? '', sortable, maxSort, (message) => {
    throw new TypeError(`listState(): defaultSort: ${message}`)
  })
  const defaultSortText = sortText(defaultSort)

  const parse: ListCodec<F, K>['parse'] = (query) => {
    const ignored: string[] = []
    const problem = (message: string): void => {
      if (invalid === 'reject') {
        throw new HTTPException(400, { message: `Bad list query: ${message}` })
      }
      ignored.push(message)
    }
    const values: Record<string, unknown> = {}
    const raw: Record<string, string> = {}
    for (const [name, schema] of filters) {
      const text = read(query, name)
      if (text === '') {
        continue
      }
      const result = schema['~standard'].validate(text)
      const issue = issueOf(result)
      if (issue === null) {
        values[name] = (result as { value: unknown }).value
        raw[name] = text
      } else {
        problem(`${name}: ${issue}`)
      }
    }
    const sortGiven = read(query, 'sort')
    let sort =
      sortGiven === '' ? [...defaultSort] : parseSortText<K>(sortGiven, sortable, maxSort, problem)
    if (sort.length === 0) {
      sort = [...defaultSort]
    }
    const number = (name: string, fallback: number, max: number): number => {
      const text = read(query, name)
      if (text === '') {
        return fallback
      }
      if (!/^\d{1,9}$/.test(text) || Number(text) < 1 || Number(text) > max) {
        problem(`${name} must be a whole number from 1 to ${String(max)}`)
        return fallback
      }
      return Number(text)
    }
    const page = number('page', 1, 1e9)
    const perPage = number('per', per.default, per.max)
    const cursor: { after?: string; before?: string } = {}
    for (const name of ['after', 'before'] as const) {
      const text = read(query, name)
      if (text !== '' && !CURSOR.test(text)) {
        problem(`${name} is not a cursor`)
      } else if (text !== '') {
        cursor[name] = text
      }
    }
    return { filters: values as Outputs<F>, raw, sort, page, perPage, cursor, ignored }
  }

  const write = (state: ListState<F, K>, patch: ListPatch<K>, scopeOnly: boolean): string => {
    const params = new URLSearchParams()
    const raw = { ...state.raw, ...patch.filters }
    for (const [name] of filters) {
      const value = raw[name]
      if (value !== undefined && value !== null && value !== '') {
        params.set(name, value)
      }
    }
    const sort = sortText(patch.sort ?? state.sort)
    if (sort !== defaultSortText) {
      params.set('sort', sort)
    }
    if (scopeOnly) {
      return params.toString()
    }
    const perPage = patch.perPage ?? state.perPage
    if (perPage !== per.default) {
      params.set('per', String(perPage))
    }
    // a new filter or sort starts again at the first page
    const reset = patch.filters !== undefined || patch.sort !== undefined
    const page = patch.page ?? (reset ? 1 : state.page)
    const after = patch.after === undefined ? (reset ? undefined : state.cursor.after) : patch.after
    const before =
      patch.before === undefined ? (reset ? undefined : state.cursor.before) : patch.before
    if (after !== undefined && after !== null) {
      params.set('after', after)
    } else if (before !== undefined && before !== null) {
      params.set('before', before)
    } else if (page > 1) {
      params.set('page', String(page))
    }
    return params.toString()
  }

  return {
    parse,
    serialize: (state, patch = {}) => write(state, patch, false),
    href(path, state, patch = {}) {
      const query = write(state, patch, false)
      return query === '' ? path : `${path}?${query}`
    },
    scope: (state) => write(state, {}, true),
    toggleSort(state, key) {
      const first = state.sort[0]
      const rest = state.sort.filter((t) => t.key !== key)
      const dir: 'asc' | 'desc' = first?.key === key && first.dir === 'asc' ? 'desc' : 'asc'
      return [{ key, dir }, ...rest].slice(0, maxSort)
    },
    defaultSort,
  }
}
