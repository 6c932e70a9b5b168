import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { apiAs, INITIAL_PASSWORD, logIn, makeDistrict, openCase, screenshots, STAFF_PASSWORD, workersOf } from './support/service';

test.describe('the case list and the case page', () => {
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let theCase: { id: string; caseNumber: string };

  test.beforeAll(async ({ baseURL }) => {
    district = await makeDistrict(baseURL!);
    theCase = await openCase(baseURL!, district, ['12000.50', '8000.00', '3500.25']);
  });

  test('the login page and the intake clerk’s case list, filtered in the address', async ({ page, baseURL }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/app\/login$/);
    await expect(page.getByRole('heading', { name: '欠薪维权案件管理' })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshots(page, 'login');

    // a first login with the password the administrator set asks for one of the user's own
    await logIn(page, district.clerk.username, INITIAL_PASSWORD);
    await expect(page).toHaveURL(/\/app\/password$/);
    await expect(page.getByText('管理员为您设置了初始密码')).toBeVisible();
    await page.getByLabel('当前密码').fill(INITIAL_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('123456');
    await page.getByLabel('再次输入新密码').fill('123456');
    await page.getByRole('button', { name: '保存' }).click();
    // the policy is the server's: its words appear next to the field
    await expect(page.locator('#newPassword_help, .ant-form-item-explain-error').first()).toBeVisible();
    await screenshots(page, 'first-login-password');
    await page.getByLabel('新密码', { exact: true }).fill(STAFF_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page).toHaveURL(/\/app\/login$/);
    await logIn(page, district.clerk.username);
    await expect(page).toHaveURL(/\/app\/cases$/);
    const row = page.getByRole('row', { name: new RegExp(theCase.caseNumber) });
    await expect(row).toContainText('¥23,500.75');
    await expect(row).toContainText('已受理');

    await page.getByLabel('案件编号、工人姓名或用人单位').fill(theCase.caseNumber);
    await page.getByLabel('案件编号、工人姓名或用人单位').press('Enter');
    await expect(page).toHaveURL(new RegExp(`q=${theCase.caseNumber}`));
    await expect(page.getByText('共 1 件')).toBeVisible();
    // the filtered list is an address: opened again (bookmarked, sent to a colleague) it shows the same
    await page.reload();
    await expect(page.getByText('共 1 件')).toBeVisible();
    await expect(page.getByLabel('案件编号、工人姓名或用人单位')).toHaveValue(theCase.caseNumber);
    await expectNoAxeViolations(page);
    await screenshots(page, 'case-list');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/^案件清单_\d{4}-\d{2}-\d{2}\.xlsx$/);

    // two characters of a worker's name, a given name alone, find the case too (issue 17: they are looked
    // up in the cases' own pieces of names)
    const [firstWorker] = await workersOf(baseURL!, district, theCase.id);
    const givenName = [...firstWorker.name].slice(-2).join('');
    await page.getByLabel('案件编号、工人姓名或用人单位').fill(givenName);
    await page.getByLabel('案件编号、工人姓名或用人单位').press('Enter');
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(givenName)}`));
    await expect(page.getByRole('row', { name: new RegExp(theCase.caseNumber) })).toBeVisible();

    // filters the server refuses (a period ending before it starts; a search too broad, alike) are said in
    // its words above an empty list, not left under the list found before
    await page.goto('/app/cases?intakeFrom=2026-12-01&intakeTo=2026-11-01');
    await expect(page.getByRole('alert')).toContainText('结束日期早于开始日期');
    await expect(page.getByRole('row', { name: new RegExp(theCase.caseNumber) })).toHaveCount(0);
    await screenshots(page, 'case-list-refused');
    await page.getByRole('button', { name: '重置' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('row', { name: new RegExp(theCase.caseNumber) })).toBeVisible();
  });

  test('the case page: totals, a refused move with the server’s reason, a stale edit, and English', async ({ page, baseURL }) => {
    await logIn(page, district.mediator.username);
    await page.goto(`/app/cases/${theCase.id}`);
    await expect(page.getByRole('heading', { name: theCase.caseNumber })).toBeVisible();
    const totals = page.getByRole('group', { name: '合计' });
    await expect(totals).toContainText('3 人');
    await expect(totals).toContainText('¥23,500.75');
    await expect(page.getByRole('row', { name: /12,000\.50/ })).toBeVisible();

    // only the moves the status machine allows from here
    const steps = page.getByLabel('下一步');
    await expect(steps.getByRole('button')).toHaveText(['转为“核实中”', '转为“已移送”', '转为“已撤回”', '转为“不予受理”']);
    // a move is recorded with the day it happened (today unless said); a day before the case was opened is
    // refused by the server, in words, at the field
    const dialog = page.getByRole('dialog');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const dayBefore = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    await steps.getByRole('button', { name: '转为“核实中”' }).click();
    await expect(dialog.getByLabel('发生日期')).toHaveValue(today);
    await dialog.getByLabel('发生日期').fill(dayBefore);
    await dialog.getByRole('button', { name: '确认' }).click();
    await expect(dialog).toContainText(`日期不能早于案件受理日 ${today}`);
    // the field's message fades in: judge its contrast once it is there
    await expect(dialog.locator('.ant-form-item-explain-error')).toHaveCSS('opacity', '1');
    await expectNoAxeViolations(page);
    await screenshots(page, 'case-page-move-day-refused');
    await dialog.getByLabel('发生日期').fill(today);
    await dialog.getByRole('button', { name: '确认' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('case-status')).toHaveText('核实中');
    await steps.getByRole('button', { name: '转为“调解中”' }).click();
    await expect(dialog.getByLabel('发生日期')).toHaveValue(today);
    await dialog.getByRole('button', { name: '确认' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('case-status')).toHaveText('调解中');
    // agreed is not a choice: recording the agreement is the move
    await expect(steps.getByRole('button', { name: '转为“已达成协议”' })).toHaveCount(0);
    await expect(steps.getByRole('button', { name: '转为“支付中”' })).toBeVisible();
    // the timeline says on which day each move happened
    await expect(page.getByText(`${today}`).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshots(page, 'case-page');

    // a stale edit: the lawyer saves the summary while the mediator is typing his
    await page.getByRole('button', { name: '修改案情' }).click();
    await page.getByLabel('案情').fill('园林公司拖欠三名工人工资，已核实考勤');
    const lawyer = await apiAs(baseURL!, district.lawyer.username, STAFF_PASSWORD);
    const current = await (await lawyer.get(`/cases/${theCase.id}`)).json();
    expect((await lawyer.patch(`/cases/${theCase.id}`, { data: { summary: '律师补充：工资表已收到', version: current.version } })).status()).toBe(200);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('其他人已修改了这条记录');
    await expect(page.getByTestId('stale-current')).toHaveText('律师补充：工资表已收到');
    await expect(page.getByLabel('案情')).toHaveValue('园林公司拖欠三名工人工资，已核实考勤');
    await screenshots(page, 'case-page-stale-edit');
    await page.getByRole('button', { name: '用我的修改覆盖' }).click();
    await expect(page.getByRole('button', { name: '修改案情' })).toBeVisible();
    await expect(page.getByText('园林公司拖欠三名工人工资，已核实考勤')).toBeVisible();
    expect((await (await lawyer.get(`/cases/${theCase.id}`)).json()).summary).toBe('园林公司拖欠三名工人工资，已核实考勤');

    // English, remembered for this user
    await page.getByRole('button', { name: /English/ }).click();
    await expect(page.getByRole('group', { name: 'Totals' })).toContainText('3 workers');
    await expect(page.getByTestId('case-status')).toHaveText('Mediating');
    await page.reload();
    await expect(page.getByRole('group', { name: 'Totals' })).toBeVisible();
    await screenshots(page, 'case-page-english');
    await page.getByRole('button', { name: /中文/ }).click();
    await expect(page.getByRole('group', { name: '合计' })).toBeVisible();
  });

  test('a reminder’s link opens the case after logging in; the token renews unseen; a session that ended asks for the password over the page', async ({ page, baseURL }) => {
    // a reminder's link, opened while logged out, lands on the case after the login
    await page.goto(`/app/cases/${theCase.id}`);
    await expect(page).toHaveURL(/\/app\/login$/);
    await page.getByLabel('用户名').fill(district.mediator.username);
    await page.getByLabel('密码').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(new RegExp(`/app/cases/${theCase.id}$`));
    await expect(page.getByRole('heading', { name: theCase.caseNumber })).toBeVisible();

    // an access token the server no longer takes is renewed with the refresh token, and the page goes on
    const stored = () => page.evaluate<{ accessToken: string; refreshToken: string }>("JSON.parse(localStorage.getItem('wages.session'))");
    const before = await stored();
    await page.evaluate(`localStorage.setItem('wages.session', JSON.stringify({ ...JSON.parse(localStorage.getItem('wages.session')), accessToken: 'no-longer-valid' }))`);
    await page.getByLabel('按姓名搜索工人').fill('不存在的名字');
    await expect(page.getByText('没有符合条件的工人')).toBeVisible();
    expect((await stored()).refreshToken).not.toBe(before.refreshToken);
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // the session ends (as after 12 hours): the next action asks for the password over the page
    await page.getByRole('button', { name: '修改案情' }).click();
    await page.getByLabel('案情').fill('调解员现场核实：三名工人均在场');
    const ended = await fetch(`${baseURL}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${(await stored()).accessToken}` } });
    expect(ended.status).toBe(204);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const relogin = page.getByRole('dialog', { name: '请重新登录' });
    await expect(relogin).toBeVisible();
    await expect(page.getByLabel('案情')).toHaveValue('调解员现场核实：三名工人均在场');
    await screenshots(page, 'relogin-over-page');
    await relogin.getByLabel('用户名').fill(district.mediator.username);
    await relogin.getByLabel('密码').fill(STAFF_PASSWORD);
    await relogin.getByRole('button', { name: '登录' }).click();
    await expect(relogin).toHaveCount(0);
    // what was typed is still there: saving now goes through
    await expect(page.getByLabel('案情')).toHaveValue('调解员现场核实：三名工人均在场');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByRole('button', { name: '修改案情' })).toBeVisible();
    await expect(page.getByText('调解员现场核实：三名工人均在场')).toBeVisible();
  });
});
