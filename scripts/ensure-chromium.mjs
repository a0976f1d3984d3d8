// Makes sure the e2e suite has a Chromium to drive. Playwright's own browser download is not
// available everywhere, so the suite drives the system Chromium (Debian's `chromium` package).
// Order: $CHROMIUM_PATH, /usr/bin/chromium, then apt-get as root, then `npx playwright install`.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function run(command, args) {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`)
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}

function tryApt() {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false
  try {
    run('apt-get', ['update', '-qq'])
    run('apt-get', ['install', '-y', '-qq', 'chromium'])
    return existsSync(wanted)
  } catch {
    return false
  }
}

function tryPlaywright() {
  try {
    run('npx', ['playwright', 'install', 'chromium'])
    return true
  } catch {
    return false
  }
}

if (existsSync(wanted)) {
  process.exit(0)
}
if (process.env.CHROMIUM_PATH) {
  console.error(`ensure-chromium: CHROMIUM_PATH=${wanted} does not exist.`)
  process.exit(1)
}
if (tryApt()) {
  process.exit(0)
}
if (process.getuid?.() !== 0 && tryPlaywright()) {
  // playwright.config.ts falls back to Playwright's own browser when /usr/bin/chromium is missing
  process.exit(0)
}
console.error(`ensure-chromium: no Chromium found for the e2e tests.
Install one of:
  - Debian/Ubuntu: sudo apt-get install -y chromium      (then it is at /usr/bin/chromium)
  - any system:    set CHROMIUM_PATH=/path/to/chromium
  - with network:  npx playwright install chromium`)
process.exit(1)
