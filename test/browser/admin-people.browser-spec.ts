import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { ADMIN_PASSWORD } from '../../playwright.config';
import { licenceNumber } from '../factories/identities';
import { expectNoAxeViolations } from './support/axe';
import { apiAs, INITIAL_PASSWORD, logIn, makeDistrict, next, openCase, screenshots, STAFF_PASSWORD } from './support/service';

/**
 * Administration of people: the administrator sets up an organisation under the city, moves a district
 * (with its case) under it, creates a lawyer with two roles there, resets a password, deactivates a
 * user, and finds every one of these changes in the audit trail with the record before and after.
 */
test.describe('administration: organisations, users and the audit trail', () => {
  let admin: { id: string; username: string };
  let adminApi: APIRequestContext;
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let theCase: { id: string; caseNumber: string };
  let city: { id: string; name: string };
  const n = next();
  const newOrganisation = { name: `昌平区总工会${n}`, code: `CP${n}` };
  const lawyer = { displayName: `陈律师${n}`, username: `chen.lawyer.${n}` };

  test.beforeAll(async ({ baseURL }) => {
    // an administrator of this test's own: the first one keeps its password for the other suites
    const first = await apiAs(baseURL!, 'admin', ADMIN_PASSWORD);
    [city] = await (await first.get('/organisations')).json();
    const created = await first.post('/users', {
      data: { username: `people.admin.${n}`, displayName: `周管理员${n}`, roles: ['admin'], organisationId: city.id, password: INITIAL_PASSWORD },
    });
    expect(created.status(), await created.text()).toBe(201);
    admin = await created.json();
    const own = await apiAs(baseURL!, admin.username, INITIAL_PASSWORD);
    expect((await own.post('/auth/password', { data: { currentPassword: INITIAL_PASSWORD, newPassword: STAFF_PASSWORD } })).status()).toBe(204);
    adminApi = await apiAs(baseURL!, admin.username, STAFF_PASSWORD);
    district = await makeDistrict(baseURL!);
    theCase = await openCase(baseURL!, district, ['5000.00', '3000.00']);
  });

  test('organisations: a new one under the city, a district moved under it with its case, a move under its own refused', async ({ page }) => {
    await logIn(page, admin.username);
    await page.goto('/app/admin/organisations');
    await expect(page.getByRole('heading', { name: '组织机构', level: 1 })).toBeVisible();
    const cityRow = page.getByRole('row', { name: new RegExp(city.name) }).first();
    await cityRow.getByRole('button', { name: '新建下级' }).click();
    const create = page.getByRole('dialog');
    await create.getByLabel('名称').fill(newOrganisation.name);
    // no code: the API's words appear at the field, and the name typed stays
    await create.getByRole('button', { name: '建立' }).click();
    await expect(create.locator('.ant-form-item-explain-error').first()).toBeVisible();
    await expect(create.getByLabel('名称')).toHaveValue(newOrganisation.name);
    await create.getByLabel('代码').fill(newOrganisation.code.toLowerCase());
    await expect(create.getByLabel('代码')).toHaveValue(newOrganisation.code);
    await create.getByLabel('所在区县').fill('昌平区');
    await expectNoAxeViolations(page);
    await create.getByRole('button', { name: '建立' }).click();
    await expect(create).toBeHidden();
    await expect(page.getByRole('row', { name: new RegExp(newOrganisation.name) })).toBeVisible();
    const organisations: { id: string; name: string; parentId: string }[] = await (await adminApi.get('/organisations')).json();
    const created = organisations.find((organisation) => organisation.name === newOrganisation.name)!;
    expect(created.parentId).toBe(city.id);

    // the district (and its case) moves under the new organisation
    await page.getByRole('row', { name: new RegExp(district.organisation.name) }).getByRole('button', { name: '移动' }).click();
    const move = page.getByRole('dialog');
    await expect(move.getByText('案件、用户和统计数字都随之归入新的上级机构')).toBeVisible();
    await pickOrganisation(page, move, '新的上级机构', newOrganisation.name);
    await move.getByRole('button', { name: '移动' }).click();
    await expect(move).toBeHidden();
    const movedRow = page.getByRole('row', { name: new RegExp(district.organisation.name) });
    await expect(movedRow).toHaveClass(/ant-table-row-level-2/);
    expect((await (await adminApi.get(`/organisations/${district.organisation.id}`)).json()).parentId).toBe(created.id);

    // the new organisation under the district, now its own child: refused in the API's words, at the field
    await page.getByRole('row', { name: new RegExp(newOrganisation.name) }).getByRole('button', { name: '移动' }).click();
    await pickOrganisation(page, move, '新的上级机构', district.organisation.name);
    await move.getByRole('button', { name: '移动' }).click();
    await expect(move.locator('.ant-form-item-explain-error')).toHaveText('组织不能隶属于自己的下级');
    await expectNoAxeViolations(page);
    await screenshots(page, 'admin-organisations-move-refused');
    await move.getByRole('button', { name: '取消' }).click();
    await expectNoAxeViolations(page);
    await screenshots(page, 'admin-organisations');

    // the figures follow: the new organisation's report and case list count the moved district's case
    const summary = await (await adminApi.get(`/reports/summary?organisationId=${created.id}`)).json();
    expect(summary.casesOpened).toBe(1);
    await page.goto(`/app/cases?organisationId=${created.id}`);
    await expect(page.getByRole('row', { name: new RegExp(theCase.caseNumber) })).toBeVisible();
    await expect(page.getByText('共 1 件')).toBeVisible();
  });

  test('users: a lawyer with two roles, a password reset, a user deactivated', async ({ page, baseURL }) => {
    await logIn(page, admin.username);
    await page.goto('/app/admin/users');
    await expect(page.getByRole('heading', { name: '用户', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: '新建用户' }).click();
    const create = page.getByRole('dialog');
    await create.getByLabel('姓名').fill(lawyer.displayName);
    await create.getByLabel('用户名').fill(lawyer.username);
    await create.getByRole('checkbox', { name: '值班律师' }).check();
    await create.getByRole('checkbox', { name: '调解员' }).check();
    await pickOrganisation(page, create, '所属机构', newOrganisation.name);
    await create.getByLabel('初始密码').fill('123456');
    await create.getByLabel('执业证号').fill('1234');
    await create.getByLabel('所在律师事务所').fill('北京市昌平律师事务所');
    await create.getByRole('button', { name: '建立' }).click();
    // the API's rules, in its words, next to their fields; nothing typed is lost
    await expect(create.locator('.ant-form-item-explain-error')).toHaveText('律师执业证号应为17位数字');
    await expect(create.getByLabel('所在律师事务所')).toHaveValue('北京市昌平律师事务所');
    await expectNoAxeViolations(page);
    await screenshots(page, 'admin-users-create-refused');
    await create.getByLabel('执业证号').fill(licenceNumber(n));
    await create.getByRole('button', { name: '建立' }).click();
    // the password rule is the one the API applies to every password
    await expect(create.locator('.ant-form-item-explain-error', { hasText: '密码至少 10 位' })).toBeVisible();
    // the corrected licence number is no longer marked wrong
    await expect(create.locator('.ant-form-item-explain-error', { hasText: '律师执业证号' })).toHaveCount(0);
    await create.getByLabel('初始密码').fill(INITIAL_PASSWORD);
    await create.getByRole('button', { name: '建立' }).click();
    await expect(create).toBeHidden();
    const row = page.getByRole('row', { name: new RegExp(lawyer.displayName) });
    await expect(row).toContainText('值班律师');
    await expect(row).toContainText('调解员');

    // his practice and the employers he declared having acted for (none yet), in the edit dialog
    await row.getByRole('button', { name: '修改' }).click();
    await expect(page.getByRole('dialog').getByLabel('执业证号')).toHaveValue(licenceNumber(n));
    await expect(page.getByRole('dialog').getByText('未申报')).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    // a search by name finds him alone
    await page.getByLabel('按姓名或用户名查找').fill(lawyer.username);
    await expect(page.getByText('共 1 人')).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshots(page, 'admin-users');
    await page.getByLabel('按姓名或用户名查找').fill('');

    // a reset: the old sessions end, and the new password must be replaced at the next login
    await row.getByRole('button', { name: '重置密码' }).click();
    const reset = page.getByRole('dialog');
    await expect(reset.getByText('下次登录时须用新密码登录并改成自己的密码')).toBeVisible();
    await reset.getByLabel('新的初始密码').fill('Reset-by-admin-Changping-31');
    await reset.getByRole('button', { name: '重置' }).click();
    await expect(reset).toBeHidden();
    const login = await (await page.request.post(`${baseURL}/auth/login`, { data: { username: lawyer.username, password: 'Reset-by-admin-Changping-31' } })).json();
    expect(login.user.mustChangePassword).toBe(true);

    // the clerk deactivated: marked so, and unable to log in
    const clerkRow = page.getByRole('row', { name: new RegExp(district.clerk.username) });
    await clerkRow.getByRole('button', { name: '停用' }).click();
    const deactivate = page.getByRole('dialog');
    await expect(deactivate.getByText('停用后该用户不能再登录')).toBeVisible();
    await deactivate.getByRole('button', { name: '停用' }).click();
    await expect(deactivate).toBeHidden();
    await expect(clerkRow).toContainText('已停用');
    const refused = await page.request.post(`${baseURL}/auth/login`, { data: { username: district.clerk.username, password: INITIAL_PASSWORD } });
    expect(refused.status()).toBe(403);
  });

  test('the audit trail: each change found, with before and after side by side', async ({ page }) => {
    await logIn(page, admin.username);
    await page.goto('/app/admin/audit');
    await expect(page.getByRole('heading', { name: '操作记录', level: 1 })).toBeVisible();
    // everything this administrator did, newest first
    await page.getByLabel('操作人').click();
    await page.getByLabel('操作人').fill(admin.username);
    await page.locator('.ant-select-item-option', { hasText: admin.username }).click();
    await expect(page).toHaveURL(new RegExp(`actorId=${admin.id}`));
    await expectNoAxeViolations(page);
    await screenshots(page, 'admin-audit');

    // the move: the district's parent changed
    await page.goto(`/app/admin/audit?entityType=organisations&entityId=${district.organisation.id}&action=update`);
    await page.getByRole('row', { name: /上级机构/ }).first().getByRole('button', { name: '详情' }).click();
    const panel = page.getByRole('dialog');
    await expect(panel.getByText('操作详情')).toBeVisible();
    const parentRow = panel.locator('tr[data-changed="true"]', { hasText: '上级机构' });
    await expect(parentRow).toContainText('已改');
    await expect(parentRow).toContainText(city.id);
    await expectNoAxeViolations(page);
    await screenshots(page, 'admin-audit-entry');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();

    // the organisation created, the lawyer created, his password reset, the clerk deactivated
    const created: { id: string; name: string }[] = await (await adminApi.get('/organisations')).json();
    const organisation = created.find((item) => item.name === newOrganisation.name)!;
    await page.goto(`/app/admin/audit?entityType=organisations&entityId=${organisation.id}&action=insert`);
    await page.getByRole('button', { name: '详情' }).first().click();
    await expect(page.getByRole('dialog').locator('tr', { hasText: '名称' }).first()).toContainText(newOrganisation.name);

    const users: { items: { id: string; username: string }[] } = await (await adminApi.get('/users?pageSize=200')).json();
    const lawyerId = users.items.find((user) => user.username === lawyer.username)!.id;
    await page.goto(`/app/admin/audit?entityType=users&entityId=${lawyerId}`);
    await expect(page.getByRole('row', { name: /新建/ })).toHaveCount(1);
    await page.getByRole('row', { name: /密码/ }).first().getByRole('button', { name: '详情' }).click();
    await expect(page.getByRole('dialog').locator('tr[data-changed="true"]', { hasText: 'password_hash' })).toBeVisible();

    await page.goto(`/app/admin/audit?entityType=users&entityId=${district.clerk.id}&action=update`);
    await page.getByRole('row', { name: /在用/ }).first().getByRole('button', { name: '详情' }).click();
    const active = page.getByRole('dialog').locator('tr[data-changed="true"]', { hasText: '在用' });
    await expect(active).toContainText('true');
    await expect(active).toContainText('false');
  });
});

/** Picks an organisation in a dialog's organisation select, found by typing part of its name. */
async function pickOrganisation(page: Page, dialog: ReturnType<Page['getByRole']>, label: string, name: string) {
  await dialog.getByLabel(label).click();
  await dialog.getByLabel(label).fill(name);
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
}
