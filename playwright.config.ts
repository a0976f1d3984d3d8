import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

// Two servers, one per htmx version: the same specs run against htmx 4 (what the demo ships) and
// htmx 2 (which the server side also answers). Each server gets its own fresh database.
const basePort = Number(process.env['E2E_PORT'] ?? 3107)
const servers = [
  { name: 'htmx4', version: '4', port: basePort },
  { name: 'htmx2', version: '2', port: basePort + 1 },
] as const

// Playwright cannot download its own browser here: it drives Debian's Chromium, or $CHROMIUM_PATH.
// Where neither exists (scripts/ensure-chromium.ts then ran `playwright install`), use Playwright's.
const systemChromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const executablePath = existsSync(systemChromium) ? systemChromium : undefined
const chromiumArgs = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
]

export default defineConfig({
  testDir: 'e2e',
  // artifacts go to a subfolder, so cleaning them never touches the servers' databases
  outputDir: 'test-results/artifacts',
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: 1,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath === undefined ? {} : { executablePath }),
      args: chromiumArgs,
    },
  },
  projects: servers.map(({ name, port }) => ({
    name,
    use: { browserName: 'chromium' as const, baseURL: `http://127.0.0.1:${String(port)}` },
  })),
  webServer: servers.map(({ name, version, port }) => ({
    command: 'node --import tsx demo/server.ts',
    url: `http://127.0.0.1:${String(port)}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      HTMX_VERSION: version,
      DATABASE_PATH: `test-results/e2e-${name}.db`,
      DATABASE_RESET: '1',
      HXKIT_TEST_ROUTES: '1',
      // the seeded users (e2e/helpers.ts logIn() signs in with them)
      DEMO_VIEWER_PASSWORD: 'e2e-viewer-password',
      DEMO_OPERATOR_PASSWORD: 'e2e-operator-password',
      DEMO_ADMIN_PASSWORD: 'e2e-admin-password',
    },
  })),
})
