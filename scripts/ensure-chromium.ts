// Makes sure the e2e suite has a Chromium to drive. Playwright's own browser download is not
// available everywhere, so the suite drives the system Chromium (Debian's `chromium` package).
// Order: $CHROMIUM_PATH, /usr/bin/chromium, then apt-get as root, then `npx playwright install`.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const wanted = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const isRoot = process.getuid?.() === 0

function run(command: string, args: string[]): boolean {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`)
  try {
    execFileSync(command, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    return true
  } catch {
    return false
  }
}

function installWithApt(): boolean {
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    return false
  }
  return (
    run('apt-get', ['update', '-qq']) &&
    run('apt-get', ['install', '-y', '-qq', 'chromium']) &&
    existsSync(wanted)
  )
}

function findOrInstall(): boolean {
  if (existsSync(wanted)) {
    return true
  }
  if (process.env['CHROMIUM_PATH'] !== undefined) {
    console.error(`ensure-chromium: CHROMIUM_PATH=${wanted} does not exist.`)
    return false
  }
  // playwright.config.ts uses Playwright's own browser when /usr/bin/chromium is missing
  return installWithApt() || (!isRoot && run('npx', ['playwright', 'install', 'chromium']))
}

if (!findOrInstall()) {
  console.error(`ensure-chromium: no Chromium found for the e2e tests. Install one of:
  - Debian/Ubuntu: sudo apt-get install -y chromium      (then it is at /usr/bin/chromium)
  - any system:    set CHROMIUM_PATH=/path/to/chromium
  - with network:  npx playwright install chromium`)
  process.exitCode = 1
}
