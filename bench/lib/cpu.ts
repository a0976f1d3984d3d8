// CPU time a process has used, from /proc (Linux): user + system, in microseconds.
import { readFileSync } from 'node:fs'

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100

/**
 * The CPU time (user + system) process `pid` has used so far, in µs, or `null` where /proc is not
 * available. Resolution is one clock tick (10 ms), so measure windows of seconds.
 *
 * @param pid - the process to read
 * @example
 * const before = cpuMicros(server.pid)
 */
export function cpuMicros(pid: number): number | null {
  let stat: string
  try {
    stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
  } catch {
    return null
  }
  // the command name (field 2) is in parentheses and may contain spaces: split after it
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // fields 14 and 15 of the file (utime, stime) are 12 and 13 after the name
  const ticks = Number(fields[11]) + Number(fields[12])
  return Number.isFinite(ticks) ? (ticks * 1_000_000) / TICKS_PER_SECOND : null
}
