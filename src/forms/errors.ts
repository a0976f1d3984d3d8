import { HTTPException } from 'hono/http-exception'

/**
 * Why a body was refused before validation: each code maps to one status (400, 413 or 415).
 *
 * @see docs/forms.md
 * @example
 * const tooBig = (error: FormDecodeError) => error.code === ('file-too-large' satisfies FormDecodeErrorCode)
 */
export type FormDecodeErrorCode =
  | 'body-too-large'
  | 'too-many-fields'
  | 'too-many-values'
  | 'too-many-files'
  | 'value-too-large'
  | 'file-too-large'
  | 'name-too-long'
  | 'too-deep'
  | 'bad-name'
  | 'forbidden-name'
  | 'conflict'
  | 'malformed'
  | 'unsupported-media-type'

const STATUS: Readonly<Record<FormDecodeErrorCode, 400 | 413 | 415>> = {
  'body-too-large': 413,
  'too-many-fields': 413,
  'too-many-values': 413,
  'too-many-files': 413,
  'value-too-large': 413,
  'file-too-large': 413,
  'name-too-long': 413,
  'too-deep': 400,
  'bad-name': 400,
  'forbidden-name': 400,
  conflict: 400,
  malformed: 400,
  'unsupported-media-type': 415,
}

/**
 * A body the form decoder refused (too big, malformed, a forbidden field name): an
 * `HTTPException` with status 400, 413 or 415 and a plain-text message, so hono answers it as such
 * unless `app.onError` decides otherwise. Never a 500.
 *
 * @param code - what was refused; decides the status
 * @param message - the message sent as the response body
 * @see docs/forms.md
 * @example
 * app.onError((err, c) => err instanceof FormDecodeError ? c.text(err.message, err.status) : c.text('Oops', 500))
 */
export class FormDecodeError extends HTTPException {
  /** What was refused. */
  readonly code: FormDecodeErrorCode

  constructor(code: FormDecodeErrorCode, message: string) {
    super(STATUS[code], { message })
    this.name = 'FormDecodeError'
    this.code = code
  }
}
