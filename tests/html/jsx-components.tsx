/** hono/jsx components for the interop tests (compiled by esbuild with jsxImportSource hono/jsx). */
import type { SafeHtml } from '../../src/html/index.ts'
import { raw } from '../../src/html/index.ts'

/** Wraps hxkit markup in a JSX element. */
export const Card = (props: { title: string; body: SafeHtml }) => (
  <section class='card'>
    <h2>{props.title}</h2>
    {props.body}
  </section>
)

/** Mixes hxkit markup, `raw()` and a plain string (which JSX escapes). */
export const Mixed = (props: { body: SafeHtml; text: string }) => (
  <div title='a"b'>
    {props.body}
    {props.text}
    {raw('<hr>')}
  </div>
)

/** Renders its text after an await. */
export const Later = async (props: { text: string }) => {
  const text = await Promise.resolve(props.text)
  return <em>{text}</em>
}
