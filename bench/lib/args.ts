// Command-line flags shared by the bench scripts: --quick, --json, --only=a,b.

/** The flags every bench script understands. */
export interface BenchArgs {
  /** Shorter run (fewer windows, fewer iterations). */
  quick: boolean
  /** Print one JSON object instead of tables. */
  json: boolean
  /** Only these parts/candidates (by id); empty means all. */
  only: readonly string[]
}

/**
 * Parses the shared flags.
 *
 * @param argv - the arguments after the script, e.g. `process.argv.slice(2)`
 * @example
 * parseArgs(['--quick', '--only=hxkit-page']) // { quick: true, json: false, only: ['hxkit-page'] }
 */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const only: string[] = []
  for (const arg of argv) {
    if (arg.startsWith('--only=')) {
      only.push(...arg.slice('--only='.length).split(',').filter(Boolean))
    }
  }
  return { quick: argv.includes('--quick'), json: argv.includes('--json'), only }
}

/**
 * True when this module is the script node was started with (not imported).
 *
 * @param url - `import.meta.url` of the calling module
 * @example
 * if (isMain(import.meta.url)) await main()
 */
export function isMain(url: string): boolean {
  const script = process.argv[1]
  if (script === undefined) {
    return false
  }
  const path = new URL(url).pathname
  return path === script || path.replace(/\.ts$/, '') === script.replace(/\.ts$/, '')
}
