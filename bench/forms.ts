// Decoding cost of a 50-field form: hxkit's form().decode() against the plain baseline
// Object.fromEntries(new URLSearchParams(body)), measured in the same run, interleaved rounds, medians.
// Run: npx tsx bench/forms.ts
import { z } from 'zod'
import { form } from '../src/forms/index.ts'

const shape: Record<string, z.ZodType> = {}
const pairs: [string, string][] = []
for (let i = 0; i < 10; i++) {
  shape[`text${String(i)}`] = z.string().max(100)
  shape[`num${String(i)}`] = z.number().int()
  shape[`flag${String(i)}`] = z.boolean()
  shape[`day${String(i)}`] = z.date()
  pairs.push([`text${String(i)}`, `Some text ${String(i)}`], [`num${String(i)}`, String(i * 7)])
  pairs.push([`flag${String(i)}`, 'on'], [`day${String(i)}`, '2024-05-06'])
}
shape['address'] = z.object(
  Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`line${String(i)}`, z.string()]))
)
for (let i = 0; i < 10; i++) {
  pairs.push([`address.line${String(i)}`, `Line ${String(i)}`])
}
const schema = z.object(shape)
const f = form(schema)
const body = new URLSearchParams(pairs).toString()

const ITERATIONS = 2000
const ROUNDS = 15
let sink: unknown

function time(run: () => unknown): number {
  const start = process.hrtime.bigint()
  for (let i = 0; i < ITERATIONS; i++) {
    sink = run()
  }
  return Number(process.hrtime.bigint() - start) / ITERATIONS
}

const cases: Record<string, () => unknown> = {
  baseline: () => Object.fromEntries(new URLSearchParams(body)),
  decode: () => f.decode(body),
  'decode + zod': () => schema.safeParse(f.decode(body)),
}
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]))
for (const run of Object.values(cases)) {
  time(run) // warm up
}
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(cases)) {
    samples[name]?.push(time(run))
  }
}
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}
const base = median(samples['baseline'] ?? [])
console.log(
  `50 fields, ${String(body.length)} bytes; ${String(ROUNDS)} interleaved rounds × ${String(ITERATIONS)}`
)
for (const name of Object.keys(cases)) {
  const ns = median(samples[name] ?? [])
  console.log(`${name.padEnd(14)} ${ns.toFixed(0).padStart(8)} ns/op  ${(ns / base).toFixed(2)}×`)
}
if (sink === undefined) {
  console.log('')
}
