import { expect, test } from '@playwright/test';

/**
 * A service center opens the product by the machine's name on its own network, over plain http: the
 * pages and the API documentation must load their scripts from there (no upgrade to https, nothing from
 * the internet) and work.
 */
test('the pages and /docs load by a LAN name over plain http', async ({ page, baseURL }) => {
  const lan = baseURL!.replace('127.0.0.1', 'union.lan');
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== 'union.lan') failed.push(`elsewhere: ${request.url()}`);
  });

  await page.goto(`${lan}/app/login`);
  await expect(page.getByRole('heading', { name: '欠薪维权案件管理' })).toBeVisible();
  await expect(page.getByRole('button', { name: '登录' })).toBeEnabled();

  await page.goto(`${lan}/docs`);
  await expect(page.getByText('Wage-arrears dispute tracker').first()).toBeVisible();
  await expect(page.getByText('/cases/{id}/transitions').first()).toBeAttached();
  expect(failed).toEqual([]);
});
