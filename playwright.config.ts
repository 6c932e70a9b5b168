import { defineConfig } from '@playwright/test';

/**
 * Browser tests: Debian's Chromium (Playwright's own browser download does not work on these machines)
 * against the real service, built (`npm run build`) and started here on a fresh embedded database, or on
 * written to test-results/browser/screenshots.
 */
const PORT = Number(process.env.BROWSER_TEST_PORT ?? 3931);
export const ADMIN_PASSWORD = 'Browser-tests-Shunyi-2027';
const dataDir = `${process.env.TMPDIR ?? '/tmp'}/wages-browser-${PORT}`;

export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.browser-spec.ts',
  // a run on a port of its own keeps its own artifacts: Playwright empties this folder when it starts
  outputDir: process.env.BROWSER_TEST_PORT ? `test-results/browser/artifacts-${PORT}` : 'test-results/browser/artifacts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // the pages honour the system's "reduce motion" (no zooming dialogs): a click can then never land on
    // a dialog still growing into place (a move once went unconfirmed in CI, and a busy machine is the suspect)
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-dev-shm-usage',
        // an office network's name for the machine, opened over plain http (test/browser/office-network)
        '--host-resolver-rules=MAP union.lan 127.0.0.1',
      ],
    },
  },
  webServer: {
    // SERVICE_ENTRY and WEB_DIR let two people test their own builds side by side on one machine
    command: `rm -rf ${dataDir} && node ${process.env.SERVICE_ENTRY ?? 'dist/src/main.js'}`,
    url: `http://127.0.0.1:${PORT}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      EMBEDDED_DATA_DIR: `${dataDir}/pglite`,
      PII_KEY_FILE: `${dataDir}/pii.key`,
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      ...(process.env.WEB_DIR && { WEB_DIR: process.env.WEB_DIR }),
      PUBLIC_BASE_URL: `http://127.0.0.1:${PORT}`,
      REMINDER_SWEEP_CRON: 'off',
      REMINDER_DELIVERY_CRON: 'off',
      // the workers' pages count reports per address: a test stands for a worker elsewhere with X-Forwarded-For
      TRUST_PROXY: 'loopback',
    },
  },
});
