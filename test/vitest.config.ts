// vitest configuration (kept in test/: the repository's top level is fixed). Run from the repository root:
//   npx vitest run --config test/vitest.config.ts [files...]      (npm run test:unit)
// The panel's browser tests (test/client/webview/browser/*.test.mjs) are node:test files: npm run test:webview.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: path.resolve(__dirname, '..'),
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    pool: 'threads',
    globalSetup: ['test/helpers/globalSetup.ts'],
  },
});
