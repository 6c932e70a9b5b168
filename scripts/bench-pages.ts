/**
 * `npm run bench:pages`: how fast the pages become usable on localhost, in Debian's Chromium, against the
 * built service on a fresh embedded database. Prints, per page, the median and worst of several loads of
 * the time from navigation until the page can be used (its main control is there and enabled), first
 * with an empty browser cache and then with the hashed assets cached, as a returning user has them.
 * The targets of the web issues: interactive in under 1 s; the leaders' dashboard with its charts in
 * under 1.5 s against a city of 10,000 cases (seeded here with `npm run seed` before the service starts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, Page } from 'playwright-core';
import { ServiceProcess } from './bench/service-process';

const RUNS = 7;
const CITY_CASES = 10_000;
const ADMIN_PASSWORD = 'Bench-pages-Shunyi-2027';

async function timeToUsable(page: Page, path: string, ready: (page: Page) => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await page.goto(path, { waitUntil: 'commit' });
  await ready(page);
  return Date.now() - started;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median ${String(sorted[Math.floor(sorted.length / 2)]).padStart(5)} ms   worst ${String(sorted.at(-1)).padStart(5)} ms`;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-pages-'));
  const env = { EMBEDDED_DATA_DIR: join(dataDir, 'pglite'), PII_KEY_FILE: join(dataDir, 'pii.key'), ADMIN_PASSWORD };
  // the first start makes the database, its key and the administrator; the city is added while it is stopped
  await (await ServiceProcess.start(env, 3961)).stop();
  console.log(`Seeding a city of ${CITY_CASES.toLocaleString('en')} cases…`);
  execFileSync('npm', ['run', '--silent', 'seed', '--', '--cases', String(CITY_CASES)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const service = await ServiceProcess.start(env, 3961);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
  try {
    const pages = [
      {
        name: 'login',
        path: '/app/login',
        loggedIn: false,
        ready: (page: Page) => page.getByRole('button', { name: '登录' }).waitFor(),
      },
      {
        name: 'case list',
        path: '/app/cases',
        loggedIn: true,
        // the list has answered: its rows, or the empty table's placeholder, are drawn
        ready: (page: Page) => page.locator('.ant-table-row, .ant-table-placeholder').first().waitFor(),
      },
      ...[
        { name: 'dashboard, the season', path: '/app/overview' },
        { name: 'dashboard, 2020 to today', path: `/app/overview?from=2020-01-01` },
      ].map((dashboard) => ({
        ...dashboard,
        loggedIn: true,
        // the figures and all four charts are drawn
        ready: async (page: Page) => {
          await page.locator('#report-figures').waitFor();
          for (let chart = 0; chart < 4; chart++) await page.locator('.report-charts section').nth(chart).locator('svg path').first().waitFor();
        },
      })),
    ];
    console.log(`Time until usable, ${RUNS} loads each, Chromium on ${service.baseUrl}:`);
    for (const target of pages) {
      for (const cache of ['empty cache', 'assets cached'] as const) {
        const samples: number[] = [];
        const context = await browser.newContext({ baseURL: service.baseUrl, locale: 'zh-CN' });
        const page = await context.newPage();
        if (target.loggedIn) {
          await page.goto('/app/login');
          await page.getByLabel('用户名').fill('admin');
          await page.getByLabel('密码').fill(ADMIN_PASSWORD);
          await page.getByRole('button', { name: '登录' }).click();
          await page.waitForURL((url) => !url.pathname.endsWith('/login'));
        }
        for (let run = 0; run < RUNS; run++) {
          if (cache === 'empty cache') await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
          samples.push(await timeToUsable(page, target.path, target.ready));
        }
        console.log(`  ${target.name.padEnd(26)} ${cache.padEnd(14)} ${summary(samples)}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
