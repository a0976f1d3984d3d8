// The seeded users' passwords of every demo server the e2e suite starts (playwright.config.ts and
// the specs that start their own instances), so e2e/helpers.ts logIn() can sign in.

/** Each role's password. */
export const E2E_PASSWORDS = {
  viewer: 'e2e-viewer-password',
  operator: 'e2e-operator-password',
  admin: 'e2e-admin-password',
} as const

/** The same as the demo's environment variables (`DEMO_<ROLE>_PASSWORD`). */
export const E2E_PASSWORD_ENV = {
  DEMO_VIEWER_PASSWORD: E2E_PASSWORDS.viewer,
  DEMO_OPERATOR_PASSWORD: E2E_PASSWORDS.operator,
  DEMO_ADMIN_PASSWORD: E2E_PASSWORDS.admin,
}
