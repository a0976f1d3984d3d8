import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileHashes } from '../../src/server/file-hash.ts'

const dir = mkdtempSync(join(tmpdir(), 'hxkit-hash-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('fileHashes()', () => {
  it('hashes the content: a 12-digit fingerprint and a 32-digit ETag', () => {
    const file = join(dir, 'a.txt')
    writeFileSync(file, 'hello\n')

    const hash = fileHashes()(file)

    // sha256("hello\n")
    expect(hash).toMatchObject({
      fingerprint: '5891b5b522d5',
      etag: '"5891b5b522d5df086d0ff0b110fbd9d2"',
    })
  })

  it('notices a changed file once a second has passed', () => {
    const file = join(dir, 'b.txt')
    writeFileSync(file, 'one')
    let now = 0
    const hashes = fileHashes(() => now)
    const first = hashes(file)?.fingerprint

    writeFileSync(file, 'two')
    utimesSync(file, new Date(), new Date(Date.now() + 10_000))
    now = 500
    const cached = hashes(file)?.fingerprint
    now = 1_500
    const fresh = hashes(file)?.fingerprint

    expect(cached).toBe(first)
    expect(fresh).not.toBe(first)
  })

  it('gives null for a missing file or a folder', () => {
    const hashes = fileHashes()

    expect(hashes(join(dir, 'missing'))).toBeNull()
    expect(hashes(dir)).toBeNull()
  })

  it('forgets a file that was deleted', () => {
    const file = join(dir, 'c.txt')
    writeFileSync(file, 'x')
    let now = 0
    const hashes = fileHashes(() => now)
    hashes(file)

    rmSync(file)
    now = 2_000

    expect(hashes(file)).toBeNull()
  })
})
