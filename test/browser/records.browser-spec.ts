import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { pdfText } from './support/pdf-text';
import { apiAs, logIn, makeDistrict, openCase, screenshots, shanghaiToday, STAFF_PASSWORD } from './support/service';

/**
 * The employer record (from the employer's name on the case page), the inbox with its channel
 * settings, and the one-page case summary printed to PDF.
 */
test.describe('the employer record, the inbox and the printed case summary', () => {
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let theCase: { id: string; caseNumber: string; employers: { name: string; creditCode: string }[] };

  test.beforeAll(async ({ baseURL }) => {
    district = await makeDistrict(baseURL!);
    const opened = await openCase(baseURL!, district, ['12000.50', '8000.00']);
    const mediator = await apiAs(baseURL!, district.mediator.username, STAFF_PASSWORD);
    const ok = async (response: Awaited<ReturnType<typeof mediator.post>>): Promise<any> => {
      expect(response.status(), await response.text()).toBeLessThan(300);
      return response.status() === 204 ? null : response.json();
    };
    // verified, mediated, agreed in two instalments (today and in a week), the first worker paid today
    await ok(await mediator.post(`/cases/${opened.id}/transitions`, { data: { to: 'verifying' } }));
    const claims = (await ok(await mediator.get(`/cases/${opened.id}/claims`))).items as { id: string; amountClaimed: string }[];
    await ok(await mediator.post(`/cases/${opened.id}/claims/confirmations`, { data: { items: claims.map((claim) => ({ claimId: claim.id, amountConfirmed: claim.amountClaimed })) } }));
    await ok(await mediator.post(`/cases/${opened.id}/transitions`, { data: { to: 'mediating' } }));
    await ok(
      await mediator.post(`/cases/${opened.id}/agreement`, {
        data: { signedOn: shanghaiToday(), schedule: 'total', instalments: [{ dueOn: shanghaiToday(), amount: '12000.50' }, { dueOn: shanghaiToday(7), amount: '8000.00' }] },
      }),
    );
    const first = claims.find((claim) => claim.amountClaimed === '12000.50')!;
    await ok(
      await mediator.post(`/cases/${opened.id}/payouts`, {
        data: { paidOn: shanghaiToday(), payerKind: 'general_contractor', channel: 'bank_transfer', items: [{ claimId: first.id, amount: '12000.50' }] },
      }),
    );
    theCase = await ok(await mediator.get(`/cases/${opened.id}`));
  });

  test('the employer record opens from the employer’s name, with its cases and the joint-punishment test in words', async ({ page }) => {
    const employer = theCase.employers[0];
    await logIn(page, district.lawyer.username);
    await page.goto(`/app/cases/${theCase.id}`);
    await page.getByRole('link', { name: employer.name }).click();
    await expect(page).toHaveURL(new RegExp(`/app/employers/${employer.creditCode}$`));
    await expect(page.getByRole('heading', { name: employer.name })).toBeVisible();
    const totals = page.getByRole('group', { name: '涉及案件合计' });
    await expect(totals).toContainText('1 件');
    await expect(totals).toContainText('¥20,000.50');
    await expect(totals).toContainText('¥8,000.00');
    const row = page.getByRole('row', { name: new RegExp(theCase.caseNumber) });
    await expect(row).toContainText('用人单位');
    await expect(row).toContainText('¥12,000.50');

    // no province chosen: judged by the lowest figures the law allows, and said so
    await expect(page.getByTestId('judged-by')).toContainText('未选省份，按法律允许的最低标准');
    await expect(page.getByTestId('listing-verdict')).toContainText('目前不符合列入名单的条件：两项条件中有 2 项未满足');
    await expect(page.locator('[data-criterion="order_ignored"]')).toContainText('不满足');
    await expect(page.locator('[data-criterion="order_ignored"]')).toContainText('没有记录显示人社部门责令限期支付后逾期未付');
    await expect(page.locator('[data-criterion="criminal_amount"]')).toContainText('未达到拒不支付劳动报酬罪的数额标准');

    // a province whose figures are not entered: the page says so, and who enters them
    await page.getByLabel('按哪个省的标准判断').click();
    await page.keyboard.type('甘肃');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/province=/);
    await expect(page.getByText('甘肃省的刑事立案标准尚未录入')).toBeVisible();
    await expect(page.getByText('管理 → 刑事立案标准')).toBeVisible();

    // entered by the administrator, Beijing's figures judge the record
    const entered = await district.admin.put(`/criminal-thresholds/${encodeURIComponent('北京市')}`, {
      data: { individualAmount: '10000.00', groupAmount: '60000.00', source: '北京市高级人民法院关于拒不支付劳动报酬罪数额标准的通知' },
    });
    expect(entered.status(), await entered.text()).toBe(204);
    await page.goto(`/app/employers/${employer.creditCode}?province=${encodeURIComponent('北京市')}`);
    await expect(page.getByTestId('judged-by')).toContainText('按北京市的标准');
    await expect(page.getByTestId('judged-by')).toContainText('¥10,000.00');
    await expect(page.getByTestId('judged-by')).toContainText('¥60,000.00');
    await expectNoAxeViolations(page);
    await screenshots(page, 'employer-record');

    // the cases as Excel, through the API with the login
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // a row opens its case
    await page.getByRole('link', { name: theCase.caseNumber }).click();
    await expect(page).toHaveURL(new RegExp(`/app/cases/${theCase.id}$`));

    // and from the case list, the employer's name opens its record too
    await page.goto(`/app/cases?q=${encodeURIComponent(theCase.caseNumber)}`);
    await page.getByRole('row', { name: new RegExp(theCase.caseNumber) }).getByRole('link', { name: employer.name }).click();
    await expect(page).toHaveURL(new RegExp(`/app/employers/${employer.creditCode}`));
  });

  test('the inbox: a reminder opens its case, all are marked read and the badge goes; a webhook receives a test', async ({ page }) => {
    // the sweep on the day the second instalment falls due makes a reminder for the lawyer and the mediator
    const deadlines = await (await district.admin.get(`/cases/${theCase.id}/deadlines`)).json();
    const instalment = deadlines.deadlines.find((deadline: { clock: string; state: string }) => deadline.clock === 'instalment' && deadline.state !== 'satisfied');
    const swept = await district.admin.post('/reminders/sweep', { data: { on: instalment.dueOn } });
    expect(swept.status(), await swept.text()).toBe(200);

    await logIn(page, district.lawyer.username);
    await page.goto('/app/inbox');
    const badge = page.getByRole('link', { name: /^提醒: \d+ 条未读$/ });
    await expect(badge).not.toHaveAccessibleName('提醒: 0 条未读');
    await expect(page.getByRole('radio', { name: /未读 [1-9]/ })).toBeChecked();
    const reminder = page.locator('[data-reminder]').filter({ hasText: theCase.caseNumber }).first();
    await expect(reminder).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshots(page, 'inbox');

    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect(page.getByText(/已将 \d+ 条提醒标为已读/)).toBeVisible();
    await expect(page.getByRole('link', { name: '提醒: 0 条未读' })).toBeVisible();
    // nothing unread: the page shows everything, the reminder now read
    await expect(page.getByRole('radio', { name: '未读 0' })).toBeAttached();
    await expect(page.getByRole('radio', { name: '全部' })).toBeChecked();
    const read = page.locator('[data-reminder]').filter({ hasText: theCase.caseNumber }).first();
    await expect(read).toContainText('已读');
    // a reminder opens its case
    await read.getByRole('link', { name: new RegExp(theCase.caseNumber) }).click();
    await expect(page).toHaveURL(new RegExp(`/app/cases/${theCase.id}$`));
    await page.goBack();

    // the webhook: a local receiver gets the test message
    const received: unknown[] = [];
    const server: Server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const webhook = page.getByRole('region', { name: 'Webhook' });
      // a bad address: the server's words at the field, nothing sent
      await webhook.getByLabel('接收地址（URL）').fill('not a url');
      await webhook.getByRole('button', { name: '发送测试' }).click();
      await expect(webhook.locator('.ant-form-item-explain-error')).toBeVisible();
      expect(received).toHaveLength(0);
      await webhook.getByLabel('接收地址（URL）').fill(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
      await webhook.getByRole('button', { name: '发送测试' }).click();
      await expect(webhook.getByText('测试消息已发出，请查收。')).toBeVisible();
      expect(received).toHaveLength(1);
      // the address typed was saved before the test went out
      await expect(webhook.getByTestId('channel-webhook-state')).toHaveText('已开启');
      await expect(page.getByTestId('channel-email-state')).toHaveText('未设置');
      await expectNoAxeViolations(page);
      await screenshots(page, 'inbox-channels');

      // the receiver is gone: the server's words on screen
      await new Promise((resolve) => server.close(resolve));
      await webhook.getByRole('button', { name: '发送测试' }).click();
      await expect(webhook.getByRole('alert')).toBeVisible();
    } finally {
      server.close();
    }
  });

  test('the festival countdown: one reminder of all his owing cases, opening his list of them and each case from its line', async ({ page, baseURL }) => {
    // a second owing case for the same lawyer and mediator, and the sweep of a countdown day (30 days before the 2027 eve)
    const second = await openCase(baseURL!, district, ['3000.00']);
    const swept = await district.admin.post('/reminders/sweep', { data: { on: '2027-01-06' } });
    expect(swept.status(), await swept.text()).toBe(200);

    await logIn(page, district.lawyer.username);
    await page.goto('/app/inbox');
    // one reminder of both cases (the day's others, of the instalment overdue, count down to the eve too)
    const countdowns = page.locator('[data-reminder]').filter({ hasText: '距除夕还有 30 天：您的' });
    await expect(countdowns).toHaveCount(1);
    const countdown = countdowns.first();
    await expect(countdown).toContainText('您的 2 件案件仍欠 2 名劳动者 11,000.00 元');
    await expect(page.locator('[data-reminder]').filter({ hasText: `距除夕还有 30 天：案件 ${second.caseNumber}` })).toHaveCount(0);
    // the most owed first, each line with its link into the application, not an address
    await expect(countdown).toContainText(`${theCase.caseNumber}：1 名劳动者，尚欠 8,000.00 元`);
    await expect(countdown).toContainText(`${second.caseNumber}：1 名劳动者，尚欠 3,000.00 元`);
    await expect(countdown).not.toContainText('http');
    await expectNoAxeViolations(page);
    await screenshots(page, 'inbox-countdown');

    // its title opens his open cases still owing, as lawyer
    await countdown.getByRole('link', { name: /您的 2 件案件/ }).click();
    await expect(page).toHaveURL(new RegExp(`/app/cases\\?lawyerId=${district.lawyer.id}&open=true&owing=true$`));
    await expect(page.getByRole('row', { name: new RegExp(theCase.caseNumber) })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(second.caseNumber) })).toBeVisible();
    // and the line of a case opens it (the reminder, opened, is read now: among all of them)
    await page.goBack();
    await page.getByText('全部', { exact: true }).click();
    await countdowns.first().getByRole('link', { name: '打开' }).first().click();
    await expect(page).toHaveURL(new RegExp(`/app/cases/${theCase.id}$`));
  });

  test('the one-page case summary, printed to PDF', async ({ page }) => {
    await logIn(page, district.lawyer.username);
    await page.goto(`/app/cases/${theCase.id}`);
    await expect(page.getByRole('button', { name: '打印调解协议' })).toBeVisible();
    const [summary] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: '打印案件摘要' }).click()]);
    await expect(summary).toHaveURL(new RegExp(`/app/cases/${theCase.id}/summary$`));
    await expect(summary.getByRole('heading', { name: `案件摘要 · ${theCase.caseNumber}` })).toBeVisible();
    await expect(summary.getByRole('button', { name: '打印' })).toBeEnabled();
    const sheet = summary.locator('article');
    await expect(sheet).toContainText(theCase.employers[0].name);
    await expect(sheet).toContainText('¥20,000.50');
    await expect(sheet).toContainText('¥8,000.00');
    // worker id numbers masked
    await expect(sheet).toContainText(/\d{6}\*{8}[\dX]{4}/);
    await expectNoAxeViolations(summary);
    await screenshots(summary, 'case-summary');

    const pdf = await summary.pdf({ format: 'A4', printBackground: true });
    const printed = pdfText(pdf);
    // one page of A4 portrait (210 × 297 mm in points) that says what the case is
    expect(printed.pages).toBe(1);
    expect(printed.mediaBox[2]).toBeCloseTo(595.92, 1);
    expect(printed.mediaBox[3]).toBeCloseTo(842.88, 1);
    const expected = [
      `案件摘要 · ${theCase.caseNumber}`,
      `用人单位：${theCase.employers[0].name}`,
      '¥20,000.50',
      '¥12,000.50',
      '¥8,000.00',
      '支付中',
      '调解协议分期履行：截止日',
      '已付清 1 期',
      '总承包单位（先行清偿）',
      '身份证号已隐去中间位',
    ];
    for (const words of expected) expect(printed.text).toContain(words.normalize('NFKC'));
    // the id numbers masked, the buttons not on paper
    expect(printed.text).toMatch(/\d{6}\*{8}[\dX]{4}/);
    expect(printed.text).not.toContain('返回案件');
    await summary.emulateMedia({ media: 'print' });
    await expect(summary.getByRole('button', { name: '打印' })).toBeHidden();
    await summary.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? 'test-results/browser/screenshots'}/case-summary-print.png`, fullPage: true });
  });
});
