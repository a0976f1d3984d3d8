// The Standard Schema v1 shapes the forms read, written out structurally: zod 4 (and any other
// Standard Schema) fits them, and the public types need no package besides hono.

/**
 * One problem the schema found: a message and the path of the value (`['address', 'city']`).
 *
 * @see docs/forms.md
 * @example
 * const message = (issue: FormIssue) => `${issue.message} (${String(issue.path?.length ?? 0)} deep)`
 */
export interface FormIssue {
  readonly message: string
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined
}

/** What a schema's `validate` returns: the parsed value, or the issues. */
export type FormSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly FormIssue[] }

/**
 * A schema `form()` validates with: any Standard Schema v1, zod 4 included.
 *
 * @see docs/forms.md
 * @example
 * const schema: FormSchema<{ email: string }> = z.object({ email: z.email() })
 */
export interface FormSchema<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1
    readonly vendor: string
    readonly validate: (
      value: unknown
    ) => FormSchemaResult<Output> | Promise<FormSchemaResult<Output>>
    readonly types?: { readonly input: Input; readonly output: Output } | undefined
  }
}

/**
 * The input type of a schema: what the form fields hold.
 *
 * @see docs/forms.md
 * @example
 * type Fields = FormInput<typeof orderSchema>
 */
export type FormInput<S extends FormSchema> = NonNullable<S['~standard']['types']>['input']

/**
 * The output type of a schema: the parsed value a valid submit hands on.
 *
 * @see docs/forms.md
 * @example
 * type Order = FormOutput<typeof orderSchema>
 */
export type FormOutput<S extends FormSchema> = NonNullable<S['~standard']['types']>['output']
