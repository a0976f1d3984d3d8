import baseConfig from '@hono/eslint-config'
import { existsSync } from 'node:fs'

const publicModules = [
  'auth',
  'csp',
  'forms',
  'html',
  'htmx',
  'partials',
  'security',
  'server',
  'tasks',
  'tasks-bullmq',
  'testing',
  'views',
]

// What no file under src/ may import: the app, the tests, the benchmarks, another module's insides.
const srcBoundaries = [
  {
    group: ['**/demo/**', '**/tests/**', '**/e2e/**', '**/bench/**'],
    message: 'src/ must not import from demo/, tests/, e2e/ or bench/.',
  },
  ...publicModules.map((module) => ({
    group: [`../${module}/*`, `!../${module}/index.ts`],
    message: `Import another module only through its index.ts (../${module}/index.ts).`,
  })),
]

export default [
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'bench/node_modules/',
      // bench/ compares hxkit with peers installed only in bench/node_modules (npm run bench
      // installs them); without them its files cannot be type-checked, so they are linted only then.
      ...(existsSync(new URL('bench/node_modules', import.meta.url)) ? [] : ['bench/']),
    ],
  },
  ...baseConfig,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            'eslint.config.js',
            'scripts/*.mjs',
            'client/*.js',
            'examples/public/*.js',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // strictTypeChecked forbids `!`; this rule would ask for it. Keep explicit casts instead.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
    },
  },
  {
    // The kit never reaches into the app, the tests or the benchmarks.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...srcBoundaries],
        },
      ],
    },
  },
  {
    // The renderer and the protocol layers run on any runtime with web-standard Request/Response;
    // Node-only code lives in the modules that need it (the CSP nonce scope, the server).
    files: [
      'src/html/**/*.ts',
      'src/htmx/**/*.ts',
      'src/views/**/*.ts',
      'src/partials/**/*.ts',
      'src/forms/**/*.ts',
      'src/internal/**/*.ts',
    ],
    // the kit's HMAC signer (node:crypto) is shared by the Node-only components and auth modules
    ignores: ['src/internal/sign.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'Only src/csp/nonce-scope.ts and src/server/ may import Node built-ins.',
            },
            ...srcBoundaries,
          ],
        },
      ],
    },
  },
  {
    // The demo uses the kit like an app would: through the public entry points only.
    files: ['demo/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/internal/**', '**/src/*/*', '!**/src/*/index.ts'],
              message:
                'The demo imports the kit only through src/index.ts or src/<module>/index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The examples gallery is an app too: it uses the kit through the public entry points only.
    files: ['examples/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/internal/**', '**/src/*/*', '!**/src/*/index.ts'],
              message:
                'The examples import the kit only through src/index.ts or src/<module>/index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/*.js', 'examples/public/*.js'],
    languageOptions: {
      globals: { document: 'readonly', window: 'readonly', htmx: 'readonly', console: 'readonly' },
    },
  },
]
