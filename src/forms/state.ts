import type { FormIssue } from './standard.ts'
import type { FormMessage, FormState } from './types.ts'

/** Overrides for messages: per field path, then one function for the whole form. */
export interface MessageOptions {
  readonly messages?: Readonly<Record<string, FormMessage | undefined>> | undefined
  readonly message?: ((issue: FormIssue, path: string) => string | undefined) | undefined
}

const NUMERIC = /^\d+$/

/** `items.3.qty` → `items.#.qty`: a message written for `items.0.qty` applies to every item. */
const generic = (path: string): string =>
  path
    .split('.')
    .map((segment) => (NUMERIC.test(segment) ? '#' : segment))
    .join('.')

/** The dotted path of an issue (`''` for the whole form). */
export function issuePath(issue: FormIssue): string {
  return (issue.path ?? [])
    .map((segment) => String(typeof segment === 'object' ? segment.key : segment))
    .join('.')
}

/** Builds the message lookup once, in the factory. */
export function messageResolver(
  options: MessageOptions
): (issue: FormIssue, path: string) => string {
  const exact = new Map<string, FormMessage>()
  const byShape = new Map<string, FormMessage>()
  for (const [path, message] of Object.entries(options.messages ?? {})) {
    if (message !== undefined) {
      exact.set(path, message)
      byShape.set(generic(path), message)
    }
  }
  return (issue, path) => {
    const message = exact.get(path) ?? byShape.get(generic(path))
    if (message !== undefined) {
      return typeof message === 'string' ? message : message(issue)
    }
    return options.message?.(issue, path) ?? issue.message
  }
}

/** Turns the submitted values and the schema's issues into a `FormState`. */
export function toFormState<T>(
  values: unknown,
  issues: readonly FormIssue[],
  resolveMessage: (issue: FormIssue, path: string) => string,
  action: string | undefined
): FormState<T> {
  const errors = new Map<string, string[]>()
  const formErrors: string[] = []
  for (const issue of issues) {
    const path = issuePath(issue)
    const message = resolveMessage(issue, path)
    const list = path === '' ? formErrors : (errors.get(path) ?? [])
    if (!list.includes(message)) {
      list.push(message)
    }
    if (path !== '') {
      errors.set(path, list)
    }
  }
  return {
    values: values as FormState<T>['values'],
    errors: Object.fromEntries(errors),
    formErrors,
    action,
  }
}

/** Reads the value at a dotted path, own properties only. */
export function valueAt(values: unknown, segments: readonly string[]): unknown {
  let current = values
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) {
      return undefined
    }
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}

/** The errors of a field: its own and those of its items (`tags.2` shows on `tags`). */
export function errorsAt(state: FormState<never>, path: string): readonly string[] {
  const out: string[] = []
  for (const [key, messages] of Object.entries(state.errors)) {
    if ((key === path || key.startsWith(`${path}.`)) && messages !== undefined) {
      out.push(...messages.filter((message) => !out.includes(message)))
    }
  }
  return out
}
