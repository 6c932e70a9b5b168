import { Workbook } from 'exceljs';
import { readFile } from 'node:fs/promises';
import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { MoneyParse, fenFromSpreadsheetNumber, parseYuan } from '../../src/common/money/money';
import { expectNoAxeViolations } from './support/axe';
import { apiAs, INITIAL_PASSWORD, logIn, makeDistrict, next, openCase, screenshots, shanghaiToday, STAFF_PASSWORD } from './support/service';

/** The fen of an exact reading, or the test fails naming what could not be read. */
function fenOf(parsed: MoneyParse, what: unknown): bigint {
  if (!parsed.ok) throw new Error(`not an amount of yuan (${parsed.problem}): ${String(what)}`);
  return parsed.fen;
}

/** "¥20,000.50" as the page shows it → fen, read as a decimal (never through a float), to compare exactly. */
const fenOfText = (text: string) => fenOf(parseYuan(text.replace(/[¥,\s]/g, '')), text);

/** A spreadsheet cell of yuan → fen: a number cell as the roster reader reads one (exact to the fen), text as typed. */
const fenOfCell = (value: unknown) => fenOf(typeof value === 'number' ? fenFromSpreadsheetNumber(value) : parseYuan(String(value)), value);

async function ok(response: Awaited<ReturnType<APIRequestContext['post']>>): Promise<any> {
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.status() === 204 ? null : response.json();
}

/** The leader waits for a chart to be drawn (its bars are SVG paths in the chart's colour). */
const bars = (page: Page, chart: string, colour = '#1668dc') => page.getByRole('region', { name: chart }).locator(`svg path[fill="${colour}"]`);

/**
 * The leader's dashboard: the recovered amount before and after a mediator's pay day, the chart that
 * changes with it, a bar that opens exactly its cases, a figure that does too, and the Excel export read
 * back and compared with the page; then a breakdown.
 */
test.describe('the leaders’ dashboard and the breakdowns', () => {
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let leader: { username: string };
  let mediator: APIRequestContext;
  let paid: { id: string; caseNumber: string; employers: { name: string; creditCode: string }[] };
  let owing: { id: string; caseNumber: string };
  let secondWorker: { id: string; amountClaimed: string };

  test.beforeAll(async ({ baseURL }) => {
    district = await makeDistrict(baseURL!);
    const n = next();
    leader = await ok(
      await district.admin.post('/users', {
        data: { username: `leader.${n}`, displayName: '周主席', roles: ['leader'], organisationId: district.organisation.id, password: INITIAL_PASSWORD },
      }),
    );
    const own = await apiAs(baseURL!, leader.username, INITIAL_PASSWORD);
    await ok(await own.post('/auth/password', { data: { currentPassword: INITIAL_PASSWORD, newPassword: STAFF_PASSWORD } }));

    // one case agreed and half paid today; another just opened, still owing all of it
    const opened = await openCase(baseURL!, district, ['12000.50', '8000.00']);
    owing = await openCase(baseURL!, district, ['3000.00']);
    mediator = await apiAs(baseURL!, district.mediator.username, STAFF_PASSWORD);
    await ok(await mediator.post(`/cases/${opened.id}/transitions`, { data: { to: 'verifying' } }));
    const claims = (await ok(await mediator.get(`/cases/${opened.id}/claims`))).items as { id: string; amountClaimed: string }[];
    await ok(await mediator.post(`/cases/${opened.id}/claims/confirmations`, { data: { items: claims.map((claim) => ({ claimId: claim.id, amountConfirmed: claim.amountClaimed })) } }));
    await ok(await mediator.post(`/cases/${opened.id}/transitions`, { data: { to: 'mediating' } }));
    await ok(await mediator.post(`/cases/${opened.id}/agreement`, { data: { signedOn: shanghaiToday(), schedule: 'total', instalments: [{ dueOn: shanghaiToday(), amount: '20000.50' }] } }));
    const first = claims.find((claim) => claim.amountClaimed === '12000.50')!;
    secondWorker = claims.find((claim) => claim.amountClaimed === '8000.00')!;
    await ok(
      await mediator.post(`/cases/${opened.id}/payouts`, {
        data: { paidOn: shanghaiToday(), payerKind: 'general_contractor', channel: 'bank_transfer', items: [{ claimId: first.id, amount: '12000.50' }] },
      }),
    );
    paid = await ok(await mediator.get(`/cases/${opened.id}`));
  });

  test('the recovered amount and its chart change after a pay day; a bar and a figure open exactly their cases; the export agrees', async ({ page }) => {
    const month = shanghaiToday().slice(0, 7);
    await logIn(page, leader.username);
    // the leader's home is the dashboard
    await expect(page).toHaveURL(/\/app\/overview$/);
    await expect(page.getByRole('heading', { name: '数据概览' })).toBeVisible();
    await expect(page.getByText(/距除夕还有 \d+ 天|今天是除夕|除夕已过/).first()).toBeVisible();
    const figure = (label: string) => page.locator('.report-figure').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');
    await expect(figure('已追回金额')).toContainText('¥12,000.50');
    await expect(figure('受理案件')).toContainText('2 件');
    await expect(figure('在办案件尚欠')).toContainText('¥11,000.00');
    const byMonth = page.getByRole('region', { name: '每月到账金额' }).getByRole('img', { name: /^每月到账金额：/ });
    await expect(byMonth).toHaveAttribute('aria-label', `每月到账金额：${month} ¥12,000.50`);
    await expect(bars(page, '每月到账金额')).toHaveCount(1);

    // the mediator records the second worker's pay day
    await ok(
      await mediator.post(`/cases/${paid.id}/payouts`, {
        data: { paidOn: shanghaiToday(), payerKind: 'general_contractor', channel: 'bank_transfer', items: [{ claimId: secondWorker.id, amount: '8000.00' }] },
      }),
    );
    await page.reload();
    await expect(figure('已追回金额')).toContainText('¥20,000.50');
    await expect(figure('在办案件尚欠')).toContainText('¥3,000.00');
    await expect(byMonth).toHaveAttribute('aria-label', `每月到账金额：${month} ¥20,000.50`);
    await expect(bars(page, '每月到账金额')).toHaveCount(1);
    for (const chart of ['节前尚欠（按单位）', '重点欠薪单位', '各单位办结率']) {
      await expect(page.getByRole('region', { name: chart }).getByRole('img', { name: new RegExp(`^${chart}：`) }).locator('svg')).toBeVisible();
    }
    await expectNoAxeViolations(page);
    await screenshots(page, 'dashboard');

    // the month's bar opens exactly the cases paid that month
    await bars(page, '每月到账金额').first().click();
    await expect(page).toHaveURL(new RegExp(`/app/cases\\?paidFrom=${month}-01&paidTo=`));
    await expect(page.getByText('共 1 件')).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(paid.caseNumber) })).toBeVisible();
    await expect(page.getByText(/筛选：支付日期/)).toBeVisible();
    await page.goBack();

    // "still unpaid in open cases" opens the one case still owing, its filters shown as tags
    await figure('在办案件尚欠').getByRole('link').click();
    await expect(page).toHaveURL(/open=true&owing=true/);
    await expect(page.getByText('共 1 件')).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(owing.caseNumber) })).toBeVisible();
    await expect(page.getByText('筛选：尚有欠款')).toBeVisible();
    await page.getByRole('button', { name: '去掉筛选“尚有欠款”' }).click();
    await expect(page).not.toHaveURL(/owing=/);
    await expect(page.getByText('共 2 件')).toBeVisible();
    await page.goBack();
    await page.goBack();

    // the month chart's data downloads as Excel; its figures are the page's
    const chart = page.getByRole('region', { name: '每月到账金额' });
    await chart.getByText('查看数据表').click();
    const shownPaid = await chart.getByRole('row', { name: new RegExp(month) }).getByRole('cell').nth(1).innerText();
    expect(fenOfText(shownPaid)).toBe(2_000_050n);
    const download = page.waitForEvent('download');
    await chart.getByRole('button', { name: '导出 Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^分月统计_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new Workbook();
    await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const headings = (sheet.getRow(1).values as unknown[]).map(String);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((candidate) => candidate.getCell(headings.indexOf('月份')).value === month)!;
    expect(fenOfCell(row.getCell(headings.indexOf('期内支付金额（元）')).value)).toBe(fenOfText(shownPaid));
    expect(fenOfCell(row.getCell(headings.indexOf('追回金额（元）')).value)).toBe(fenOfText('¥20,000.50'));
    expect(Number(row.getCell(headings.indexOf('受理案件数')).value)).toBe(Number(await chart.getByRole('row', { name: new RegExp(month) }).getByRole('cell').nth(2).innerText()));
  });

  test('a breakdown by employer: every number opens its cases, the name opens the employer’s record', async ({ page }) => {
    await logIn(page, leader.username);
    await page.goto('/app/breakdowns/employer');
    await expect(page.getByRole('link', { name: '按用人单位' })).toHaveClass(/active/);
    const employer = paid.employers[0];
    const row = page.getByRole('row', { name: new RegExp(employer.name) });
    await expect(row).toContainText('¥20,000.50');
    // employers are not counted: the pager says which rows these are and that none follow (each case has its own employer)
    await expect(page.getByText('第 1–2 家，已到最后')).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshots(page, 'breakdowns-employer');
    // a page of one: the pager offers the next page because more follow, and the last says so
    await page.goto('/app/breakdowns/employer?pageSize=1');
    await expect(page.getByText('第 1–1 家，后面还有')).toBeVisible();
    await page.getByTitle('下一页').click();
    await expect(page.getByText('第 2–2 家，已到最后')).toBeVisible();
    await expect(page.getByTitle('下一页')).toHaveAttribute('aria-disabled', 'true');
    await page.goto('/app/breakdowns/employer');

    // the period and organisation travel with the tabs; the number opens that employer's cases
    await row.getByRole('link', { name: '1', exact: true }).first().click();
    await expect(page).toHaveURL(/directEmployerId=/);
    await expect(page.getByText('共 1 件')).toBeVisible();
    await expect(page.getByText(`筛选：直接用人单位 ${employer.name}`)).toBeVisible();
    await page.goBack();
    await page.getByRole('link', { name: employer.name }).click();
    await expect(page).toHaveURL(new RegExp(`/app/employers/${employer.creditCode}$`));
  });
});
