// The Chromium switches the browser tests run Debian's chromium with, headless in a container: the webview
// harness (test/client/webview/browser/harness.mjs) and the end-to-end suites (test/e2e/lib.mjs).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
