/** @module Forms from one schema: decoding within limits, typed results, fields, the 422 flow and live validation. */
export { LIVE_PARAM } from './body.ts'
export { FormDecodeError } from './errors.ts'
export type { FormDecodeErrorCode } from './errors.ts'
export { fieldId } from './field.ts'
export type { FieldOptions } from './field.ts'
export type { FieldType } from './field-spec.ts'
export { form } from './form.ts'
export type { Form, FormOptions, InitialOptions } from './form.ts'
export type { RenderOptions } from './form-element.ts'
export type { FormLimits } from './limits.ts'
export { DATE_FORMAT, LOCAL_DATETIME_FORMAT } from './schema-meta.ts'
export type { JsonSchema } from './schema-meta.ts'
export type {
  FieldErrors,
  FieldPath,
  FormInput,
  FormMessage,
  FormOutput,
  FormPage,
  FormResult,
  FormState,
  FormValues,
  FormView,
  FormViews,
} from './types.ts'
