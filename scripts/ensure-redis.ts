// Makes sure the tests that need Redis (the BullMQ task backend, live partials across instances)
// find a redis-server: $REDIS_SERVER, then `redis-server` on PATH, then Debian's package as root.
// The tests start their own server on a free loopback port (tests/fixtures/redis.ts).
import { execFileSync } from 'node:child_process'
import { aptInstall } from './lib/apt.ts'

const wanted = process.env['REDIS_SERVER'] ?? 'redis-server'

function found(): boolean {
  try {
    execFileSync(wanted, ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

if (
  !found() &&
  !(
    process.env['REDIS_SERVER'] === undefined && aptInstall('redis-server', '/usr/bin/redis-server')
  )
) {
  console.error(`ensure-redis: no redis-server found for the tests. Install one of:
  - Debian/Ubuntu: sudo apt-get install -y redis-server
  - any system:    put redis-server on PATH, or set REDIS_SERVER=/path/to/redis-server`)
  process.exitCode = 1
}
