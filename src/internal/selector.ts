import { hasControl } from './markup-policy.ts'

/**
 * Makes a CSS selector header-safe: control characters are refused (TypeError), non-ASCII becomes a
 * six-digit CSS escape (`é` → `\0000e9`), which selects the same elements.
 */
export function toSafeSelector(selector: unknown, fn: string): string {
  if (typeof selector !== 'string' || selector.trim() === '' || hasControl(selector)) {
    throw new TypeError(
      `${fn}: the selector must be a non-empty string without control characters.`
    )
  }
  return selector.replace(
    /[^\u0020-\u007e]/gu,
    (char) => `\\${(char.codePointAt(0) as number).toString(16).padStart(6, '0')}`
  )
}
