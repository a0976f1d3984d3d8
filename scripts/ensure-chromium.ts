// Makes sure the e2e suite has a Chromium to drive. Playwright's own browser download is not
// available everywhere, so the suite drives the system Chromium (Debian's `chromium` package).
// Order: $CHROMIUM_PATH, /usr/bin/chromium, then apt-get as root, then `npx playwright install`.
import { existsSync } from 'node:fs'
import { aptInstall, run } from './lib/apt.ts'

const wanted = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const isRoot = process.getuid?.() === 0

function findOrInstall(): boolean {
  if (existsSync(wanted)) {
    return true
  }
  if (process.env['CHROMIUM_PATH'] !== undefined) {
    console.error(`ensure-chromium: CHROMIUM_PATH=${wanted} does not exist.`)
    return false
  }
  // playwright.config.ts uses Playwright's own browser when /usr/bin/chromium is missing
  return (
    aptInstall('chromium', wanted) || (!isRoot && run('npx', ['playwright', 'install', 'chromium']))
  )
}

if (!findOrInstall()) {
  console.error(`ensure-chromium: no Chromium found for the e2e tests. Install one of:
  - Debian/Ubuntu: sudo apt-get install -y chromium      (then it is at /usr/bin/chromium)
  - any system:    set CHROMIUM_PATH=/path/to/chromium
  - with network:  npx playwright install chromium`)
  process.exitCode = 1
}
