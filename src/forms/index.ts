/** @module Forms from one schema: a hono validator, decoding within limits, fields, the 422 flow and live validation. */
import type { FormVariables } from './validator.ts'

export { LIVE_PARAM } from './body.ts'
export { FormDecodeError } from './errors.ts'
export type { FormDecodeErrorCode } from './errors.ts'
export { fieldId } from './field.ts'
export type { FieldOptions } from './field.ts'
export type { FieldType } from './field-spec.ts'
export { form } from './form.ts'
export type { Form } from './form.ts'
export type { RenderOptions } from './form-element.ts'
export { DATE_FORMAT, LOCAL_DATETIME_FORMAT } from './json-schema.ts'
export type { JsonSchema } from './json-schema.ts'
export type { FormLimits } from './limits.ts'
export type { FormOptions, InitialOptions } from './options.ts'
export { PLAIN_TEXT_MESSAGE, isPlainText } from './plain-text.ts'
export type { FormInput, FormIssue, FormOutput, FormSchema, FormSchemaResult } from './standard.ts'
export { completeSubmit } from './submit.ts'
export type { SubmitOptions } from './submit.ts'
export type {
  FieldErrors,
  FieldPath,
  FormMessage,
  FormPage,
  FormResult,
  FormState,
  FormValues,
  FormView,
  FormViews,
} from './types.ts'
export type {
  FormHook,
  FormSubmission,
  FormValidation,
  FormValidatorOptions,
  FormVariables,
} from './validator.ts'

declare module 'hono' {
  interface ContextVariableMap extends FormVariables {}
}
