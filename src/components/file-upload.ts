import { html, hx } from '../html/index.ts'
import type { SafeHtml } from '../html/index.ts'
import type { SyncHtml } from './markup.ts'

/** What `fileUpload()` takes. */
export interface FileUploadProps {
  readonly id: string
  readonly label: string
  readonly action: string
  /** @default 'file' */
  readonly name?: string | undefined
  readonly accept?: string | undefined
  readonly multiple?: boolean | undefined
  /** An error message from the last attempt (render the form with 422). */
  readonly error?: string | undefined
  /** Content after the input: extra fields, the result of the last upload. */
  readonly children?: SyncHtml
}

/**
 * An upload form: multipart POST (a plain form without JavaScript; `hx-post` with
 * `hx-encoding` with htmx, replacing itself with the answer: this form again with an error and
 * 422, or the result). `hxkit.js` shows the upload's progress in the form's `<progress>`
 * (`data-hxkit-upload`): fetch has no upload events, so it gives htmx 4 a request `ctx.fetch` on
 * XMLHttpRequest, and htmx still does the swap; on htmx 2 it follows `htmx:xhr:progress`.
 *
 * @param props - id, label, action, name, accept, multiple, error
 * @see docs/components.md
 * @example
 * fileUpload({ id: 'import', label: 'Orders CSV', action: '/orders/import', accept: '.csv' })
 */
export function fileUpload(props: FileUploadProps): SafeHtml {
  const inputId = `${props.id}-file`
  const errorId = `${props.id}-error`
  const accept = props.accept === undefined ? '' : html` accept="${props.accept}"`
  const multiple = props.multiple === true ? ' multiple' : ''
  const invalid =
    props.error === undefined ? '' : html` aria-invalid="true" aria-describedby="${errorId}"`
  const error =
    props.error === undefined ? '' : html`<p class="hx-error" id="${errorId}">${props.error}</p>`
  return html`<form class="hx-upload" id="${props.id}" method="post" enctype="multipart/form-data" action="${props.action}" data-hxkit-upload${hx({ post: props.action, encoding: 'multipart/form-data', target: 'this', swap: 'outerHTML' })}><label for="${inputId}">${props.label}</label><input type="file" id="${inputId}" name="${props.name ?? 'file'}"${accept}${multiple}${invalid} />${error}${props.children}<progress class="hx-upload-progress" max="100" value="0" hidden aria-label="Upload progress"></progress><button type="submit">Upload</button></form>`
}
