import { expect, request, test } from '@playwright/test';
import { JPEG_1X1, PNG_1X1 } from '../factories/evidence-files';
import { ADMIN_PASSWORD } from '../../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { apiAs, DESK, INITIAL_PASSWORD, intoMediation, logIn, makeDistrict, next, ok, PHONE, registerEmployer, screenshots, shanghaiToday, STAFF_PASSWORD } from './support/service';
import { reportThroughApi } from './support/worker-reports';

/**
 * The union's side of the workers' own channel: a district's intake clerk takes the reports workers
 * sent online — one accepted into a new case (his claim and photos carried over), one joined to that
 * case, one declined with a reason — and an administrator sets how many days a report may wait.
 */
test.describe("the union's queue of workers' online reports", () => {
  // the worker's rating needs the case the first test opened
  test.describe.configure({ mode: 'serial' });
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let employerName: string;
  const workers = [
    { name: '王建军', amount: '18600.00', shown: '¥18,600.00' },
    { name: '李国强', amount: '9200.50', shown: '¥9,200.50' },
    { name: '张明', amount: '3000.00', shown: '¥3,000.00' },
  ];
  let receipts: string[];
  let lookupCodes: string[];
  let acceptedCaseId: string;

  test.beforeAll(async ({ baseURL }) => {
    district = await makeDistrict(baseURL!);
    // the clerk chose his own password (the first-login page is the case list suite's)
    const clerk = await apiAs(baseURL!, district.clerk.username, INITIAL_PASSWORD);
    await ok(await clerk.post('/auth/password', { data: { currentPassword: INITIAL_PASSWORD, newPassword: STAFF_PASSWORD } }));
    // the employer the workers name, as the register has it
    employerName = `北京第${next()}建筑劳务有限公司`;
    await registerEmployer(baseURL!, district, employerName);
    receipts = [];
    lookupCodes = [];
    for (const [i, worker] of workers.entries()) {
      const sent = await reportThroughApi(baseURL!, district.organisation.id, { name: worker.name, amountOwed: worker.amount, employerName, coWorkers: 12 - i });
      if (i === 0) {
        await sent.addPhoto(PNG_1X1, 'image/png');
        await sent.addPhoto(JPEG_1X1, 'image/jpeg');
      }
      receipts.push(sent.receiptNumber);
      lookupCodes.push(sent.lookupCode);
    }
  });

  test('the clerk accepts one report into a case with its photos, joins another to it, declines the third', async ({ page, baseURL }) => {
    // three reports handled, each step looked at by axe and photographed at two widths: long on a busy machine
    test.setTimeout(180_000);
    await logIn(page, district.clerk.username);
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '网上反映' }).click();
    await expect(page).toHaveURL(/\/app\/online-reports$/);
    await expect(page.getByRole('heading', { level: 1, name: '网上反映' })).toBeVisible();
    await expect(page.getByRole('radio', { name: '待处理' })).toBeChecked();
    // the waiting reports, the oldest first
    const rows = page.getByRole('row').filter({ hasText: employerName });
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText(receipts[0]);
    await expect(rows.nth(0)).toContainText('王建军');
    await expect(rows.nth(0)).toContainText('138****8000');
    await expect(rows.nth(0)).toContainText('¥18,600.00');
    await expect(rows.nth(0)).toContainText('12 人');
    await expect(rows.nth(0)).toContainText('2 张');
    await expect(rows.nth(0)).toContainText('待处理');
    await expect(rows.nth(2)).toContainText(receipts[2]);
    await expectNoAxeViolations(page);
    // on a phone the table becomes cards that fit the screen (screenshots() fails on a page wider than it)
    await screenshots(page, 'online-reports');
    await page.setViewportSize(PHONE);
    await expect(page.getByTestId('report-card')).toHaveCount(3);
    await expect(page.getByTestId('report-card').first()).toContainText('¥18,600.00');
    await page.setViewportSize(DESK);

    // his report opened: what he typed, and his two photos as thumbnails fetched with the login
    await rows.nth(0).getByRole('link', { name: `查看反映 ${receipts[0]}` }).click();
    await expect(page).toHaveURL(/\?report=[0-9a-f-]{36}$/);
    const drawer = page.getByRole('dialog', { name: `网上反映 ${receipts[0]}` });
    await expect(drawer).toContainText('王建军');
    await expect(drawer).toContainText('后沙峪安置房项目');
    await expect(drawer).toContainText('2026-08-01 至 2026-11-30');
    await expect(drawer).toContainText('干了四个月，包工头说年底一起结，现在找不到人');
    await expect(drawer).toContainText('工人上传的照片（2 张）');
    const thumbnails = drawer.getByTestId('report-photo').locator('img');
    await expect(thumbnails).toHaveCount(2);
    for (const thumbnail of await thumbnails.all()) {
      await expect(thumbnail).toHaveAttribute('src', /^blob:/);
      await expect.poll(() => thumbnail.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
    }
    // a photo opens in a tab of its own
    const opened = page.waitForEvent('popup');
    await drawer.getByRole('button', { name: '在新标签页打开第 1 张照片' }).click();
    const tab = await opened;
    await expect.poll(() => tab.url()).toMatch(/^blob:/);
    await tab.close();
    // the address opens the same report (the overdue reminder links so), over the list
    await page.reload();
    await expect(drawer).toContainText('工人上传的照片（2 张）');
    await expectNoAxeViolations(page);
    await screenshots(page, 'online-report');

    // 立案: the registered employer among those of similar names, and the district's mediator
    await drawer.getByRole('button', { name: '立案', exact: true }).click();
    const accept = page.getByRole('dialog', { name: '立案：王建军 的反映' });
    await expect(accept).toContainText(`工人填写的单位：${employerName}`);
    await expect(accept).toContainText('18,600.00 元（2026-08-01 至 2026-11-30）和 2 张照片');
    // the organisation he sent it to, which is the clerk's own
    await expect(accept).toContainText(district.organisation.name);
    await accept.getByRole('button', { name: `用这家：${employerName}` }).click();
    await expect(accept.getByText('已选', { exact: true })).toBeVisible();
    await accept.getByRole('combobox', { name: '调解员' }).click();
    await page.locator('.ant-select-item-option', { hasText: '李调解员' }).click();
    await expectNoAxeViolations(page);
    await screenshots(page, 'online-report-accept');
    await accept.getByRole('button', { name: '立案', exact: true }).click();

    // the new case: his claim, and his photos among the evidence files
    await expect(page).toHaveURL(/\/app\/cases\/[0-9a-f-]{36}$/);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/^SY\d+-\d{4}-\d{5}$/);
    const caseNumber = (await heading.textContent())!;
    acceptedCaseId = /\/cases\/([0-9a-f-]{36})$/.exec(page.url())![1];
    await expect(page.getByRole('row', { name: /王建军/ })).toContainText('¥18,600.00');
    await expect(page.getByText('李调解员').first()).toBeVisible();
    const files = page.getByTestId('case-file');
    await expect(files).toHaveCount(2);
    await expect(files.nth(0)).toContainText(`网上反映${receipts[0]}`);
    await expect(files.nth(1)).toContainText(`网上反映${receipts[0]}`);
    await expect(files.locator('img')).toHaveCount(2);

    // 并入已有案件: the open cases of the employer he named are offered
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '网上反映' }).click();
    await expect(rows).toHaveCount(2);
    await rows.filter({ hasText: receipts[1] }).getByRole('link', { name: `查看反映 ${receipts[1]}` }).click();
    const second = page.getByRole('dialog', { name: `网上反映 ${receipts[1]}` });
    await expect(second).toContainText('工人没有上传照片');
    await second.getByRole('button', { name: '并入已有案件' }).click();
    const join = page.getByRole('dialog', { name: '并入已有案件：李国强 的反映' });
    await expect(join.getByLabel('案件编号、工人姓名或单位名称')).toHaveValue(employerName);
    await join.getByRole('radio', { name: new RegExp(caseNumber) }).check();
    await expectNoAxeViolations(page);
    await screenshots(page, 'online-report-join');
    await join.getByRole('button', { name: '并入所选案件' }).click();
    await expect(page.getByText(`已并入 ${caseNumber}`)).toBeVisible();
    const outcome = second.getByTestId('report-outcome');
    await expect(outcome.getByRole('link', { name: caseNumber })).toBeVisible();
    await expect(outcome).toContainText('赵受理员 于');
    await expect(second).toContainText('已并案');

    // 不予受理, from the report's own address: the reason he will read
    await page.goto(`/app/online-reports?report=${await reportId(baseURL!, district, receipts[2])}`);
    const third = page.getByRole('dialog', { name: `网上反映 ${receipts[2]}` });
    await third.getByRole('button', { name: '不予受理' }).click();
    const decline = page.getByRole('dialog', { name: '不予受理：张明 的反映' });
    await expect(decline).toContainText('工人用回执号查询进度时会看到这段理由');
    await decline.getByLabel('理由（工人会看到）').fill('');
    await decline.getByRole('button', { name: '不予受理' }).click();
    await expect(decline).toContainText('请写明理由，至少 2 个字');
    const reason = '您反映的是工程款纠纷，不属于拖欠工资，请向区住建委反映。';
    await decline.getByLabel('理由（工人会看到）').fill(reason);
    await decline.getByRole('button', { name: '不予受理' }).click();
    await expect(page.getByText('已不予受理，工人查询时会看到理由')).toBeVisible();
    await expect(third.getByTestId('report-outcome')).toContainText(reason);
    await screenshots(page, 'online-report-declined');

    // 已处理: all three, each with how it was handled
    await page.locator('.ant-drawer-close').click();
    await expect(page).toHaveURL(/\/app\/online-reports$/);
    await expect(rows).toHaveCount(0);
    await page.locator('.ant-segmented-item', { hasText: '已处理' }).click();
    await expect(page.getByRole('radio', { name: '已处理' })).toBeChecked();
    await expect(page).toHaveURL(/tab=handled/);
    const handled = page.getByRole('row').filter({ hasText: employerName });
    await expect(handled).toHaveCount(3);
    await expect(handled.filter({ hasText: receipts[0] })).toContainText('已立案');
    await expect(handled.filter({ hasText: receipts[1] })).toContainText('已并案');
    await expect(handled.filter({ hasText: receipts[2] })).toContainText('不予受理');
    await expectNoAxeViolations(page);
    await screenshots(page, 'online-reports-handled');
  });

  test('his case concluded, the worker rates it online: the case page and the queue show his own words', async ({ page, baseURL }) => {
    const claims = await intoMediation(baseURL!, district, acceptedCaseId);
    const mediator = await apiAs(baseURL!, district.mediator.username, STAFF_PASSWORD);
    await ok(
      await mediator.post(`/cases/${acceptedCaseId}/payouts`, {
        data: { paidOn: shanghaiToday(), payerKind: 'employer', channel: 'bank_transfer', items: claims.map((claim) => ({ claimId: claim.id, amount: claim.amountClaimed })) },
      }),
    );
    await ok(await mediator.post(`/cases/${acceptedCaseId}/transitions`, { data: { to: 'closed', outcome: 'paid_in_full' } }));
    const worker = await request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': `203.0.113.${next() % 250}` } });
    await ok(await worker.post('/public/rating', { data: { receiptNumber: receipts[0], lookupCode: lookupCodes[0], satisfaction: 'satisfied', comment: '钱都拿到了，谢谢工会' } }));

    await logIn(page, district.clerk.username);
    await page.goto(`/app/cases/${acceptedCaseId}`);
    const callback = page.locator('.ant-card').filter({ has: page.getByText('结案回访', { exact: true }) }).getByTestId('callback');
    await expect(callback).toContainText(`${shanghaiToday()} 工人网上评价`);
    await expect(callback).toContainText('满意');
    await expect(callback).toContainText('钱都拿到了，谢谢工会');

    await page.goto(`/app/online-reports?tab=handled&report=${await reportId(baseURL!, district, receipts[0])}`);
    const outcome = page.getByRole('dialog', { name: `网上反映 ${receipts[0]}` }).getByTestId('report-outcome');
    await expect(outcome).toContainText('工人的评价');
    await expect(outcome).toContainText('满意钱都拿到了，谢谢工会');
    await expect(outcome.getByRole('link')).toContainText(/-\d{4}-\d{5}/);
    await expectNoAxeViolations(page);
    await screenshots(page, 'online-report-rated');
  });

  test('two take the same report: the second is told it has been handled, and sees by whom', async ({ page, baseURL }) => {
    const sent = await reportThroughApi(baseURL!, district.organisation.id, { name: '刘洋', employerName: '北京某某物业服务有限公司', amountOwed: '4500.00' });
    const id = await reportId(baseURL!, district, sent.receiptNumber);
    await logIn(page, district.clerk.username);
    await page.goto(`/app/online-reports?report=${id}`);
    const drawer = page.getByRole('dialog', { name: `网上反映 ${sent.receiptNumber}` });
    await drawer.getByRole('button', { name: '不予受理' }).click();
    const decline = page.getByRole('dialog', { name: '不予受理：刘洋 的反映' });
    await decline.getByLabel('理由（工人会看到）').fill('物业费纠纷，请向街道反映');
    // meanwhile the district's lawyer took it into a case of his own
    const lawyer = await apiAs(baseURL!, district.lawyer.username, STAFF_PASSWORD);
    const employer = await registerEmployer(baseURL!, district, `北京第${next()}物业服务有限公司`);
    await ok(await lawyer.post(`/worker-reports/${id}/case`, { data: { organisationId: district.organisation.id, employers: [{ employerId: employer.id, role: 'employer' }] } }));
    await decline.getByRole('button', { name: '不予受理' }).click();
    await expect(page.getByText('这条反映刚由其他人处理了，页面已刷新。')).toBeVisible();
    await expect(decline).toHaveCount(0);
    await expect(drawer.getByTestId('report-outcome')).toContainText('王律师 于');
    await expect(drawer).toContainText('已立案');
  });

  test('a report waiting past its days is flagged red, with the days it is overdue', async ({ page, baseURL }) => {
    const sent = await reportThroughApi(baseURL!, district.organisation.id, { name: '陈刚', employerName: '北京某某餐饮管理有限公司', amountOwed: '6200.00' });
    // the service's clock cannot be moved in these tests: its answer is aged six days on the way (sent six days ago,
    // three days to handle it); the server's own counting is test/worker-reports.e2e-spec.ts's
    await page.route(/\/worker-reports\?/, async (route) => {
      const response = await route.fetch();
      const queue = await response.json();
      for (const report of queue.items) {
        if (report.receiptNumber === sent.receiptNumber) Object.assign(report, { overdue: true, submittedOn: shanghaiToday(-6), handleByOn: shanghaiToday(-3) });
      }
      await route.fulfill({ response, json: queue });
    });
    await logIn(page, district.clerk.username);
    await page.goto('/app/online-reports');
    const row = page.getByRole('row').filter({ hasText: sent.receiptNumber });
    await expect(row).toContainText('超期 3 天');
    await expect(row).toContainText(shanghaiToday(-3));
    await expectNoAxeViolations(page);
    await screenshots(page, 'online-reports-overdue');
    await page.setViewportSize(PHONE);
    await expect(page.getByTestId('report-card').filter({ hasText: sent.receiptNumber })).toContainText('超期 3 天');
    await page.setViewportSize(DESK);
  });

  test('an administrator sets the days a report may wait, beside the overdue reminder’s rule', async ({ page, baseURL }) => {
    const first = await apiAs(baseURL!, 'admin', ADMIN_PASSWORD);
    const [city] = await (await first.get('/organisations')).json();
    const n = next();
    const admin = await ok(
      await first.post('/users', { data: { username: `reports.admin.${n}`, displayName: `钱管理员${n}`, roles: ['admin'], organisationId: city.id, password: INITIAL_PASSWORD } }),
    );
    const own = await apiAs(baseURL!, admin.username, INITIAL_PASSWORD);
    await ok(await own.post('/auth/password', { data: { currentPassword: INITIAL_PASSWORD, newPassword: STAFF_PASSWORD } }));

    await logIn(page, admin.username);
    await page.goto('/app/admin/reminder-rules');
    const rule = page.getByRole('group', { name: /^网上反映超期未处理/ });
    await expect(rule).toContainText('收件人：受理人员和承办律师');
    await expect(rule.getByLabel('超期后第几天提醒（不填为每天，直到处理）')).toHaveValue('');
    const days = page.getByRole('textbox', { name: '网上反映须在几天内处理' });
    // the days as they stand (3 until an administrator sets others)
    await expect(days).toHaveValue('3');
    await days.fill('31');
    await page.getByRole('button', { name: '保存：网上反映须在几天内处理' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /30/ })).toBeVisible();
    await days.fill('5');
    await page.getByRole('button', { name: '保存：网上反映须在几天内处理' }).click();
    await expect(page.getByText('已保存：网上反映须在 5 天内处理')).toBeVisible();
    await expect(days).toHaveValue('5');
    await expectNoAxeViolations(page);
    await screenshots(page, 'online-reports-days');

    // the clerk's queue counts the days so
    const clerk = await apiAs(baseURL!, district.clerk.username, STAFF_PASSWORD);
    expect(await ok(await clerk.get('/worker-report-policy'))).toEqual({ daysToHandle: 5 });
  });
});

/** A report's id, as the clerk's queue lists it, by its receipt number. */
async function reportId(baseURL: string, district: Awaited<ReturnType<typeof makeDistrict>>, receiptNumber: string): Promise<string> {
  const clerk = await apiAs(baseURL, district.clerk.username, STAFF_PASSWORD);
  const queue = await ok(await clerk.get('/worker-reports?status=all&pageSize=100'));
  return queue.items.find((report: { receiptNumber: string }) => report.receiptNumber === receiptNumber).id;
}
