// What the numbers were measured on: printed above every result table.
import os from 'node:os'

/**
 * One line naming the machine: CPU count and model, Node version, platform, the date, and the
 * 1-minute load average (above the CPU count, other work competes with the benchmark).
 *
 * @example
 * console.log(machineLine()) // 'machine: 2 × AMD EPYC, node v20.20.2, linux x64, 2026-11-22T04:30Z, load 0.4'
 */
export function machineLine(): string {
  const cpus = os.cpus()
  const model = cpus[0]?.model.trim() ?? 'unknown CPU'
  const date = new Date().toISOString().slice(0, 16) + 'Z'
  const load = (os.loadavg()[0] ?? 0).toFixed(1)
  return `machine: ${String(os.availableParallelism())} × ${model}, node ${process.version}, ${process.platform} ${process.arch}, ${date}, load ${load}`
}
