// htmx enhancement for links that swap one partial and push their URL.
import { hx } from '../../src/html/index.ts'
import type { PartialLike, SafeHtml } from '../../src/html/index.ts'

/**
 * Returns the htmx attributes for a link to `href` that replaces only `target` (outerHTML, as the
 * partial renders its own wrapper) and pushes the URL. The link keeps a real `href` for no-JS use.
 *
 * @param target - the partial to replace
 * @example
 * html`<a href="${href}"${swapLink(orders)(href)}>Next</a>`
 */
export function swapLink(target: PartialLike): (href: string) => SafeHtml {
  return (href) => hx({ get: href, target, pushUrl: true })
}
