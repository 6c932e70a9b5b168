import { expect, Request, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import {
  addLawyer,
  apiAs,
  logIn,
  makeDistrict,
  makeServiceCenter,
  next,
  putOnDuty,
  registerEmployer,
  screenshots,
  shanghaiToday,
  STAFF_PASSWORD,
} from './support/service';

test.describe('the on-duty lawyer’s desk', () => {
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let center: { id: string; name: string };
  let employer: { id: string; name: string };

  test.beforeAll(async ({ baseURL }) => {
    district = await makeDistrict(baseURL!);
    center = await makeServiceCenter(district);
    const colleague = await addLawyer(district, '陈律师', '13912345678');
    await putOnDuty(district, center.id, district.lawyer.id);
    await putOnDuty(district, center.id, colleague.id);
    employer = await registerEmployer(baseURL!, district, `北京第${next()}建筑劳务有限公司`);
  });

  test('on duty, two consultations by keyboard, the day’s counts, a refusal in the API’s words, visits and warnings', async ({ page, baseURL }) => {
    const creates: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/consultations') creates.push(request);
    });

    await logIn(page, district.lawyer.username);
    await expect(page).toHaveURL(/\/app\/desk$/);
    await expect(page.getByRole('heading', { name: '律师工作台', level: 1 })).toBeVisible();
    // the lawyer's home shows the service center of his district and who is on duty there today, him among them
    await expect(page.getByLabel('服务中心')).toBeVisible();
    await expect(page.getByText(center.name)).toBeVisible();
    const onDuty = page.getByTestId('on-duty');
    await expect(onDuty).toContainText('王律师本人');
    await expect(onDuty).toContainText('陈律师');
    await expect(onDuty.getByRole('link', { name: '致电 陈律师：13912345678' })).toBeVisible();

    // the first worker stays anonymous: keyboard only, from the field the cursor waits in
    const day = page.getByRole('region', { name: '今日咨询' });
    await expect(day).toContainText('今天还没有登记咨询');
    await expect(page.getByLabel('工人姓名')).toBeFocused();
    await page.keyboard.press('Tab'); // 咨询方式: 来访 stays
    await expect(page.getByRole('radio', { name: '来访' })).toBeFocused();
    await page.keyboard.press('Tab'); // 咨询事项
    await page.keyboard.press('ArrowRight'); // 拖欠工资 → 拖欠劳务费
    await expect(page.getByRole('radio', { name: '拖欠劳务费' })).toBeChecked();
    await page.keyboard.press('Tab'); // 用人单位: not named
    await expect(page.getByLabel('用人单位', { exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('解答意见')).toBeFocused();
    await page.keyboard.type('包工头拖欠两个月劳务费，告知可申请调解，先收集考勤记录和欠条');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // 需要跟进
    await expect(page.getByLabel('需要跟进')).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '保存，接待下一位' })).toBeFocused();
    // the answer to the first save is lost on the way (the API did save it): the lawyer sees so and
    // presses Enter again, twice; the same request carries the same key, and nothing is saved twice
    let loseAnswer = true;
    await page.route('**/consultations', async (route) => {
      if (route.request().method() !== 'POST' || !loseAnswer) return route.fallback();
      loseAnswer = false;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toContainText('无法连接服务器');
    await expect(page.getByLabel('解答意见')).toHaveValue('包工头拖欠两个月劳务费，告知可申请调解，先收集考勤记录和欠条');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(day.getByTestId('consultation')).toHaveCount(1);
    await expect(day.getByTestId('consultation')).toContainText('匿名');
    // the form is empty again, the cursor back in its first field for the next worker
    await expect(page.getByLabel('工人姓名')).toBeFocused();
    await expect(page.getByLabel('解答意见')).toHaveValue('');
    await expect(page.getByLabel('需要跟进')).not.toBeChecked();
    expect(creates).toHaveLength(2);
    const keys = await Promise.all(creates.map((request) => request.headerValue('idempotency-key')));
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    const lawyer = await apiAs(baseURL!, district.lawyer.username, STAFF_PASSWORD);
    expect((await (await lawyer.get('/consultations')).json()).counts.total).toBe(1);

    // the second worker names an employer of the register, picked as he is typed
    await page.keyboard.type('刘师傅');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight'); // 来访 → 12351 热线
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type(employer.name.slice(2, 8));
    await expect(page.getByRole('option', { name: new RegExp(employer.name) })).toBeAttached();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('用人单位', { exact: true })).toHaveValue(employer.name);
    await expect(page.getByText('已从用人单位名录选择')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('解答意见')).toBeFocused();
    await page.keyboard.type('欠薪三个月共 18000 元，建议立案调解');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('用时（分钟）')).toBeFocused();
    await page.keyboard.type('700');
    await page.keyboard.press('Enter');
    // refused: the API's words next to the field, the cursor in it, nothing typed lost
    const duration = page.getByLabel('用时（分钟）');
    await expect(duration).toHaveAccessibleDescription(/不能大于 600/);
    await expect(duration).toBeFocused();
    await expect(page.getByLabel('工人姓名')).toHaveValue('刘师傅');
    await expect(page.getByLabel('用人单位', { exact: true })).toHaveValue(employer.name);
    await expect(page.getByLabel('解答意见')).toHaveValue('欠薪三个月共 18000 元，建议立案调解');
    await expect(page.getByRole('radio', { name: '12351 热线' })).toBeChecked();
    await screenshots(page, 'desk-refused');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await expect(day.getByTestId('consultation')).toHaveCount(2);
    await expect(page.getByLabel('工人姓名')).toBeFocused();

    // the day's list, newest first, and the API's counts
    const newest = day.getByTestId('consultation').first();
    await expect(newest).toContainText('刘师傅');
    await expect(newest).toContainText('拖欠工资');
    await expect(newest).toContainText('12351 热线');
    await expect(newest).toContainText(employer.name);
    const counts = page.getByRole('group', { name: '今日统计' });
    await expect(counts.locator('[data-count="total"]')).toHaveText('2');
    await expect(counts.locator('[data-count="followUp"]')).toHaveText('1');
    await expect(counts.locator('[data-count="openedCases"]')).toHaveText('0');
    await expect(counts.locator('[data-count="byTopic"]')).toContainText('拖欠工资 1');
    await expect(counts.locator('[data-count="byTopic"]')).toContainText('拖欠劳务费 1');
    const logged = (await (await lawyer.get('/consultations')).json()) as { items: { id: string; workerName: string | null; employerId: string | null }[] };
    expect(logged.items.map((item) => [item.workerName, item.employerId])).toEqual([
      [null, null],
      ['刘师傅', employer.id],
    ]);

    // an outreach visit that finds arrears: first dated tomorrow, which the API refuses at the date
    const visit = page.getByRole('region', { name: '登记走访（送法进企业）' });
    await visit.getByLabel('走访日期').fill(shanghaiToday(1));
    await visit.getByLabel('覆盖工人数').fill('120');
    await visit.getByLabel('走访单位').click();
    await page.keyboard.type(employer.name.slice(2, 8));
    await expect(page.getByRole('option', { name: new RegExp(employer.name) })).toBeAttached();
    await page.keyboard.press('Enter');
    await visit.getByLabel('工地或地点').fill('顺义区后沙峪某安置房工地');
    for (const [check, finding] of [['工资表', '不完整'], ['工资专用账户', '没有'], ['工资保证金', '规范'], ['实名制管理', '不完整']]) {
      await visit.getByRole('radiogroup', { name: check }).getByRole('radio', { name: finding }).check();
    }
    await visit.getByLabel('发现欠薪（将生成预警）').check();
    await visit.getByLabel('估计涉及工人数').fill('40');
    await visit.getByLabel('估计欠薪金额（元）').fill('600000');
    await visit.getByLabel('走访情况').fill('分包单位自十月起未发工资，工资表不全');
    await visit.getByRole('button', { name: '保存走访' }).click();
    // (common's DateInput does not pass on the Form.Item's aria-describedby: the error is read from its place under the field)
    await expect(visit.locator('#visit_visitedOn_help')).toHaveText('日期不能晚于今天');
    await expect(visit.getByLabel('走访情况')).toHaveValue('分包单位自十月起未发工资，工资表不全');
    await visit.getByLabel('走访日期').fill(shanghaiToday());
    await visit.getByRole('button', { name: '保存走访' }).click();
    await expect(visit.getByRole('status')).toContainText(`已对“${employer.name}”生成欠薪预警`);
    const warning = page.getByRole('region', { name: '欠薪预警' }).getByTestId('early-warning').filter({ hasText: employer.name });
    await expect(warning).toHaveCount(1);
    await expect(warning.getByTestId('warning-status')).toHaveText('待处理');
    await expect(warning).toContainText('约 40 人');
    await expect(warning).toContainText('¥600,000.00');

    await page.getByLabel('工人姓名').focus();
    await expectNoAxeViolations(page);
    await screenshots(page, 'desk');

    // the same desk in English
    await page.getByRole('button', { name: /English/ }).click();
    await expect(page.getByRole('heading', { name: 'Lawyer’s desk', level: 1 })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Today’s counts' })).toContainText('Consultations');
    await expect(page.getByRole('region', { name: 'Today’s consultations' }).getByTestId('consultation').last()).toContainText('Anonymous');
    await screenshots(page, 'desk-english');
    await page.getByRole('button', { name: /中文/ }).click();
    await expect(page.getByRole('heading', { name: '律师工作台', level: 1 })).toBeVisible();

    // one step from a consultation, or a warning, to the intake page, prefilled there from it
    const liu = logged.items.find((item) => item.workerName === '刘师傅')!;
    await newest.getByRole('button', { name: '转为案件' }).click();
    await expect(page).toHaveURL(new RegExp(`/app/cases/new\\?consultation=${liu.id}$`));
    await page.goBack();
    const [raised] = (await (await lawyer.get('/early-warnings?status=open')).json()) as { id: string }[];
    await warning.getByRole('button', { name: '转为案件' }).click();
    await expect(page).toHaveURL(new RegExp(`/app/cases/new\\?earlyWarning=${raised.id}$`));
  });
});
