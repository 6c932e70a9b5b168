import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { ADMIN_PASSWORD } from '../../playwright.config';
import { expectNoAxeViolations } from './support/axe';
import { addLawyer, apiAs, DESK, INITIAL_PASSWORD, logIn, makeDistrict, next, openCase, PHONE, putOnDuty, screenshots, shanghaiToday, STAFF_PASSWORD } from './support/service';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
/** A duty cell as the page names it: "<center> 1月5日 周二：…". */
const dutyCell = (page: Page, center: string, day: string) => {
  const [, month, date] = day.split('-').map(Number);
  return page.getByRole('button', { name: new RegExp(`^${center} ${month}月${date}日 周${WEEKDAYS[weekdayOf(day)]}：`) });
};
/** Ticks (or unticks) lawyers in a duty cell's list, then closes it. */
async function pick(page: Page, center: string, day: string, names: string[]) {
  await dutyCell(page, center, day).click();
  const list = page.locator('.ant-popover:visible');
  for (const name of names) await list.getByRole('checkbox', { name }).click();
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
}

test.describe('administration: the rules — duty roster, holidays, season, reminder rules, thresholds', () => {
  test.describe.configure({ mode: 'serial' });
  let admin: { id: string; username: string };
  let adminApi: APIRequestContext;
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let centers: { id: string; name: string }[];
  const n = next();
  // next month, so every day of it is ahead
  const today = shanghaiToday();
  const nextMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1)).toISOString().slice(0, 7);
  const day = (date: number) => `${nextMonth}-${String(date).padStart(2, '0')}`;
  const comingYear = Number(today.slice(0, 4)) + 1;

  test.beforeAll(async ({ baseURL }) => {
    // an administrator of this suite's own, so the audit trail's entries are told apart by who made them
    const first = await apiAs(baseURL!, 'admin', ADMIN_PASSWORD);
    const [city] = await (await first.get('/organisations')).json();
    const created = await first.post('/users', {
      data: { username: `rules.admin.${n}`, displayName: `孙管理员${n}`, roles: ['admin'], organisationId: city.id, password: INITIAL_PASSWORD },
    });
    expect(created.status(), await created.text()).toBe(201);
    admin = await created.json();
    const own = await apiAs(baseURL!, admin.username, INITIAL_PASSWORD);
    expect((await own.post('/auth/password', { data: { currentPassword: INITIAL_PASSWORD, newPassword: STAFF_PASSWORD } })).status()).toBe(204);
    adminApi = await apiAs(baseURL!, admin.username, STAFF_PASSWORD);
    district = await makeDistrict(baseURL!);
    await addLawyer(district, '陈律师', '13912345678');
    centers = [];
    for (const name of ['东区服务站', '西区服务站']) {
      const center = await district.admin.post('/organisations', {
        data: { code: `FW${next()}`, name: `${district.organisation.name}${name}`, kind: 'service_center', parentId: district.organisation.id },
      });
      expect(center.status(), await center.text()).toBe(201);
      centers.push(await center.json());
    }
    // 王律师 already on the west center's roster on the 5th (saved earlier)
    await putOnDuty(district, centers[1].id, district.lawyer.id, day(5));
    // a case still owing, for the festival countdown to remind its lawyer and mediator of
    await openCase(baseURL!, district, ['12000.50']);
  });

  test('the duty roster: a month in the grid, a clash shown at its cell and fixed, saved at once, there after a reload', async ({ page }) => {
    const [east, west] = centers;
    await logIn(page, admin.username);
    await page.goto(`/app/admin/duty?month=${nextMonth}`);
    await expect(page.getByRole('heading', { name: '值班表', level: 1 })).toBeVisible();
    await expect(page.getByLabel('月份')).toHaveValue(nextMonth);
    await expect(dutyCell(page, east.name, day(5))).toBeVisible();

    await expect(dutyCell(page, west.name, day(5))).toHaveAccessibleName(/王律师$/);
    // 王律师 wanted at the east center on the 5th too: the API will refuse it
    await pick(page, east.name, day(5), ['王律师', '陈律师']);
    await pick(page, east.name, day(6), ['王律师']);
    await pick(page, east.name, day(7), ['陈律师']);
    await pick(page, west.name, day(6), ['陈律师']);
    await expect(page.getByRole('status').filter({ hasText: '2 个服务站有未保存的修改' })).toBeVisible();
    await expect(dutyCell(page, east.name, day(5))).toHaveAccessibleName(/王律师、陈律师；已修改/);

    // leaving with unsaved changes asks first
    await page.getByRole('link', { name: '节假日' }).click();
    const leave = page.getByRole('dialog', { name: '值班表还没有保存' });
    await expect(leave).toBeVisible();
    await leave.getByRole('button', { name: '留在本页' }).click();
    await expect(page).toHaveURL(/\/admin\/duty/);

    // the month is saved whole or not at all: refused, nothing saved, the clash at its cell in the API's words
    // (both centers are sent, east first: the west cell's 王律师 clashes with the east cell's)
    await page.getByRole('button', { name: '保存本月值班表' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '有 1 处冲突' })).toBeVisible();
    const clash = dutyCell(page, west.name, day(5));
    await expect(clash).toContainText(`王律师：该律师 ${day(5)} 已在"${east.name}"值班`);
    await expect(page.getByRole('status').filter({ hasText: '2 个服务站有未保存的修改' })).toBeVisible();
    await expect(dutyCell(page, east.name, day(7))).toHaveAccessibleName(/陈律师；已修改$/);
    await screenshots(page, 'admin-duty-clash');

    // fixed by moving him: off the west center that day; both months then save
    await pick(page, west.name, day(5), ['王律师']);
    await page.getByRole('button', { name: '保存本月值班表' }).click();
    await expect(page.getByText('值班表已保存')).toBeVisible();
    await expect(clash).not.toContainText('该律师');
    await expect(page.getByRole('button', { name: '保存本月值班表' })).toBeDisabled();

    await page.reload();
    await expect(dutyCell(page, east.name, day(5))).toHaveAccessibleName(/王律师、陈律师$/);
    await expect(dutyCell(page, east.name, day(6))).toHaveAccessibleName(/王律师$/);
    await expect(dutyCell(page, east.name, day(7))).toHaveAccessibleName(/陈律师$/);
    await expect(dutyCell(page, west.name, day(5))).toHaveAccessibleName(/无人值班$/);
    await expect(dutyCell(page, west.name, day(6))).toHaveAccessibleName(/陈律师$/);
    await expectNoAxeViolations(page);
    await screenshots(page, 'admin-duty');
  });

  test("the coming year's holidays entered on the calendar: the banner goes", async ({ page }) => {
    await logIn(page, admin.username);
    await page.goto('/app/admin/holidays');
    const banner = page.getByTestId('holidays-missing');
    await expect(banner).toContainText(`${comingYear} 年的放假安排还没有录入`);
    await expect(page.getByTestId('holidays-status')).toContainText('国务院尚未公布');
    const dayButton = (date: string) => page.getByRole('button', { name: new RegExp(`^${date} 星期`) });
    // a weekday of October made a day off; the first Sunday of October a make-up working day (two clicks)
    const october = Array.from({ length: 31 }, (_, i) => `${comingYear}-10-${String(i + 1).padStart(2, '0')}`);
    const weekday = october.find((date) => date >= `${comingYear}-10-08` && weekdayOf(date) === 5)!;
    const sunday = october.find((date) => date >= `${comingYear}-10-09` && weekdayOf(date) === 0)!;
    await dayButton(weekday).click();
    await expect(dayButton(weekday)).toHaveAccessibleName(/：放假$/);
    await dayButton(sunday).click();
    await dayButton(sunday).click();
    await expect(dayButton(sunday)).toHaveAccessibleName(/：调休上班$/);
    await expect(page.getByLabel('依据（通知名称）')).toHaveValue(`国务院办公厅关于${comingYear}年部分节假日安排的通知`);
    await expectNoAxeViolations(page);
    await screenshots(page, 'admin-holidays');

    await page.getByRole('button', { name: `保存 ${comingYear} 年安排` }).click();
    await expect(page.getByText('节假日安排已保存')).toBeVisible();
    await expect(banner).toHaveCount(0);
    await expect(page.getByTestId('holidays-status')).toContainText(`已录入，依据：国务院办公厅关于${comingYear}年部分节假日安排的通知`);
    const saved = await (await adminApi.get(`/holidays/${comingYear}`)).json();
    expect(saved).toMatchObject({ provisional: false, covered: true });
    expect(saved.daysOff).toContain(weekday);
    expect(saved.makeUpWorkdays).toEqual([sunday]);
  });

  test('the season: a target added', async ({ page }) => {
    const season = await (await adminApi.get('/season')).json();
    await logIn(page, admin.username);
    await page.goto('/app/admin/season');
    await expect(page.getByRole('heading', { name: '专项行动与目标', level: 1 })).toBeVisible();
    await expect(page.getByLabel('开始日期')).toHaveValue(season.startsOn);
    await page.getByRole('button', { name: '添加目标' }).click();
    await page.getByLabel('目标 1', { exact: true }).fill('元旦前核实案件清零');
    await page.getByLabel('目标 1 日期').fill(`${season.festivalYear}-01-01`);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('专项行动设置已保存')).toBeVisible();
    const settings = await (await adminApi.get(`/seasons/${season.festivalYear}`)).json();
    expect(settings.targets).toEqual([{ name: '元旦前核实案件清零', on: `${season.festivalYear}-01-01`, appliesTo: 'verified_cases' }]);
    await expectNoAxeViolations(page);
    await screenshots(page, 'admin-season');
  });

  test('a reminder rule changed, and a day previewed: who would be reminded of which case, how urgently', async ({ page }) => {
    const season = await (await adminApi.get('/season')).json();
    await logIn(page, admin.username);
    await page.goto('/app/admin/reminder-rules');
    const festival = page.getByRole('group', { name: /^春节倒计时/ });
    await expect(festival).toContainText('收件人：承办律师和调解员');
    const days = festival.getByLabel('除夕前几天提醒');
    await expect(days).toHaveValue('30, 14, 7, 3, 1');
    await days.fill('60，30，14 7 3.5');
    await page.getByRole('button', { name: '保存：春节倒计时' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '请填写整数天数' })).toBeVisible();
    await days.fill('60，30，14，7，3，1');
    await page.getByRole('button', { name: '保存：春节倒计时' }).click();
    await expect(page.getByText('已保存“春节倒计时”')).toBeVisible();
    await expect(days).toHaveValue('60, 30, 14, 7, 3, 1');

    // two weeks before the eve the countdown reminds the case's lawyer and mediator
    const eve = new Date(`${season.eve}T00:00:00Z`);
    const previewDay = new Date(eve.getTime() - 14 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('#preview-day').fill(previewDay);
    await page.getByRole('button', { name: '预览' }).click();
    const preview = page.getByTestId('reminder-preview');
    await expect(preview).toContainText(`${previewDay} 将发出`);
    const countdown = preview.getByRole('row').filter({ hasText: '春节倒计时' });
    await expect(countdown.filter({ hasText: '王律师' }).first()).toBeVisible();
    await expect(countdown.filter({ hasText: '李调解员' }).first()).toBeVisible();
    await expect(countdown.first().getByRole('link', { name: '查看案件' })).toBeVisible();
    // how many of each kind, as the API counts them (a busy day lists only the most pressing)
    const counted = await (await adminApi.get(`/reminders/preview?on=${previewDay}`)).json();
    const countdowns = counted.byKind.find((row: { kind: string }) => row.kind === 'festival_countdown').count;
    await expect(page.getByTestId('reminder-preview-kinds')).toContainText(`春节倒计时 ${countdowns}`);
    await expectNoAxeViolations(page);
    await screenshots(page, 'admin-reminder-rules');
    // on a phone the preview's table fits the screen: the link to the case is reached without scrolling sideways
    await page.setViewportSize(PHONE);
    await expect(countdown.first().getByRole('link', { name: '查看案件' })).toBeVisible();
    const box = page.locator('[data-testid="reminder-preview"] .plain-table-box');
    expect(await box.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize(DESK);
  });

  test("a province's thresholds entered, with a figure outside the national range refused in the API's words", async ({ page }) => {
    await logIn(page, admin.username);
    await page.goto('/app/admin/thresholds?province=河南省');
    await expect(page.getByRole('heading', { name: '河南省的数额标准' })).toBeVisible();
    await expect(page.getByRole('row', { name: /河南省/ })).toContainText('未录入');
    await page.getByLabel('拖欠一名劳动者三个月以上工资，数额达到（元）').fill('25000');
    await page.getByLabel('拖欠十名以上劳动者工资，数额达到（元）').fill('60000.5');
    await page.getByLabel('依据文件').fill('河南省高级人民法院关于拒不支付劳动报酬罪数额标准的通知');
    await page.getByLabel('发布日期').fill('2014-06-20');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.locator('.ant-form-item-explain-error').filter({ hasText: '5000.00 - 20000.00' })).toBeVisible();
    await expect(page.getByLabel('依据文件')).toHaveValue('河南省高级人民法院关于拒不支付劳动报酬罪数额标准的通知');
    await page.getByLabel('拖欠一名劳动者三个月以上工资，数额达到（元）').fill('8000');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存河南省的数额标准')).toBeVisible();
    const row = page.getByRole('row', { name: /河南省/ });
    await expect(row).toContainText('¥8,000.00');
    await expect(row).toContainText('¥60,000.50');
    await expect(row).toContainText('河南省高级人民法院关于拒不支付劳动报酬罪数额标准的通知（2014-06-20）');
    await expectNoAxeViolations(page);
    await screenshots(page, 'admin-thresholds');
  });

  test('every change is in the audit trail, by this administrator', async ({ page }) => {
    const entries = async (query: string) => {
      const answer = await adminApi.get(`/audit?actorId=${admin.id}&pageSize=200&${query}`);
      expect(answer.status(), await answer.text()).toBe(200);
      return (await answer.json()).items as { action: string; entityId: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
    };
    const shifts = await entries('entityType=duty_shifts&action=insert');
    const onDuty = shifts.map((entry) => `${entry.after?.organisation_id} ${entry.after?.day} ${entry.after?.lawyer_id}`);
    expect(onDuty).toEqual(
      expect.arrayContaining([`${centers[0].id} ${day(5)} ${district.lawyer.id}`, `${centers[1].id} ${day(6)} ${(await lawyerNamed('陈律师')).id}`]),
    );
    // the move: his west shift of the 5th taken off by this administrator
    const removed = (await entries('entityType=duty_shifts&action=delete')).map((entry) => `${entry.before?.organisation_id} ${entry.before?.day}`);
    expect(removed).toContain(`${centers[1].id} ${day(5)}`);
    expect((await entries(`entityType=holiday_years&entityId=${comingYear}`)).length).toBeGreaterThan(0);
    expect((await entries('entityType=reminder_rules&entityId=festival_countdown')).map((entry) => entry.after?.days_before)).toContainEqual([60, 30, 14, 7, 3, 1]);
    expect((await entries(`entityType=criminal_thresholds&entityId=${encodeURIComponent('河南省')}`)).length).toBe(1);

    // and as the administrator finds them on the audit page: the rule's days before and after, the year's holidays
    await logIn(page, admin.username);
    await page.goto(`/app/admin/audit?actorId=${admin.id}&entityType=reminder_rules&entityId=festival_countdown`);
    await page.getByRole('button', { name: '详情' }).first().click();
    const days = page.getByRole('dialog').locator('tr[data-changed="true"]').filter({ hasText: /days_before|天/ });
    await expect(days.first()).toContainText('60');
    await page.keyboard.press('Escape');
    await page.goto(`/app/admin/audit?actorId=${admin.id}&entityType=holiday_years&entityId=${comingYear}`);
    await expect(page.getByRole('button', { name: '详情' }).first()).toBeVisible();
  });

  async function lawyerNamed(displayName: string): Promise<{ id: string }> {
    const lawyers = (await (await adminApi.get(`/users?role=lawyer&organisationId=${district.organisation.id}`)).json()).items;
    return lawyers.find((lawyer: { displayName: string }) => lawyer.displayName === displayName);
  }
});
