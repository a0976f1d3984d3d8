/**
 * The caps the decoder enforces (docs/security.md §3.2); over a cap → 400 or 413. Given as `form(schema, { limits })`.
 *
 * @see docs/forms.md
 * @example
 * form(schema, { limits: { maxFields: 50, maxFileBytes: 512 * 1024 } })
 */
export interface FormLimits {
  /** Name/value pairs in one body (default 1000). */
  readonly maxFields: number
  /** Segments in one field name, `items.0.qty` has 3 (default 5). */
  readonly maxDepth: number
  /** Bytes in one field name (default 256). */
  readonly maxNameLength: number
  /** Bytes in one text value (default 1 MiB). */
  readonly maxValueBytes: number
  /** Values under one repeated name or array (default 100). */
  readonly maxArrayLength: number
  /** Bytes of an urlencoded body, or of the query string of a GET form (default 64 KiB). */
  readonly maxBodyBytes: number
  /** Bytes of a multipart body (default 1 MiB + maxFiles × maxFileBytes). */
  readonly maxMultipartBytes: number
  /** Bytes in one uploaded file (default: the largest `z.file().max()` of the schema, else 10 MiB). */
  readonly maxFileBytes: number
  /** Uploaded files in one body (default: the file fields of the schema, 0 when it has none). */
  readonly maxFiles: number
}

import { checkKeys } from '../internal/options.ts'

const KIB = 1024
const MIB = 1024 * KIB
const KEYS: readonly (keyof FormLimits)[] = [
  'maxFields',
  'maxDepth',
  'maxNameLength',
  'maxValueBytes',
  'maxArrayLength',
  'maxBodyBytes',
  'maxMultipartBytes',
  'maxFileBytes',
  'maxFiles',
]

/** Normalises the limits once, in the factory: defaults from the schema, TypeError on bad values. */
export function resolveLimits(
  given: Partial<FormLimits> | undefined,
  files: { readonly slots: number; readonly maxBytes: number | undefined }
): FormLimits {
  checkKeys('form()', given, KEYS, 'limits.')
  const maxFileBytes = given?.maxFileBytes ?? files.maxBytes ?? 10 * MIB
  const maxFiles = given?.maxFiles ?? files.slots
  const limits: FormLimits = {
    maxFields: 1000,
    maxDepth: 5,
    maxNameLength: 256,
    maxValueBytes: MIB,
    maxArrayLength: 100,
    maxBodyBytes: 64 * KIB,
    maxMultipartBytes: MIB + maxFiles * maxFileBytes,
    ...given,
    maxFileBytes,
    maxFiles,
  }
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new TypeError(`form(): "limits.${name}" must be a non-negative integer`)
    }
  }
  return limits
}
