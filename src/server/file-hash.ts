import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'

/** A file's content hash: `fingerprint` goes into URLs, `etag` into the ETag header. */
export interface FileHash {
  fingerprint: string
  etag: string
  size: number
}

interface Entry extends FileHash {
  mtimeMs: number
  size: number
  checkedAt: number
}

/** Hex digits of the content hash in a fingerprinted URL (`hxkit.0123456789ab.js`). */
export const FINGERPRINT_LENGTH = 12

// A changed file is noticed within this time: a layout calls url() on every page, and a stat per
// call per asset would be a syscall on the hot path.
const RECHECK_MS = 1_000
// Larger files are not read whole on the event loop: their hash is of size and mtime instead
// (still changes when the file does, but not only when its content does).
const CONTENT_HASH_LIMIT = 16 * 1024 * 1024

/**
 * Content hashes of files, kept until the file's size or mtime changes (checked at most once a
 * second per file). `null` when the path is not a readable regular file.
 */
export function fileHashes(now: () => number = Date.now): (path: string) => FileHash | null {
  const cache = new Map<string, Entry>()
  return (path) => {
    const cached = cache.get(path)
    const time = now()
    if (cached !== undefined && time - cached.checkedAt < RECHECK_MS) {
      return cached
    }
    let stats
    try {
      stats = statSync(path)
    } catch {
      cache.delete(path)
      return null
    }
    if (!stats.isFile()) {
      return null
    }
    if (cached?.mtimeMs === stats.mtimeMs && cached.size === stats.size) {
      cached.checkedAt = time
      return cached
    }
    const source =
      stats.size <= CONTENT_HASH_LIMIT
        ? readFileSync(path)
        : `${String(stats.size)}:${String(stats.mtimeMs)}`
    const digest = createHash('sha256').update(source).digest('hex')
    const entry: Entry = {
      fingerprint: digest.slice(0, FINGERPRINT_LENGTH),
      etag: `"${digest.slice(0, 32)}"`,
      mtimeMs: stats.mtimeMs,
      size: stats.size,
      checkedAt: time,
    }
    cache.set(path, entry)
    return entry
  }
}
