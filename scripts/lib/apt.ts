// Installing a Debian package the tests need, when the scripts run as root on a Debian machine.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** Runs a command with inherited output; true when it exits 0. */
export function run(command: string, args: string[]): boolean {
  console.log(`${command} ${args.join(' ')}`)
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

/** True when this process may install system packages with apt-get. */
export const canUseApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')

/** `apt-get update` then `apt-get install` of one package, as root; true when `installs` exists after. */
export function aptInstall(debianPackage: string, installs: string): boolean {
  if (!canUseApt) {
    return false
  }
  return (
    run('apt-get', ['update', '-qq']) &&
    run('apt-get', ['install', '-y', '-qq', debianPackage]) &&
    existsSync(installs)
  )
}
