import { expect, Page, test } from '@playwright/test';
import { formatYuan, parseYuan } from '../../src/common/money/money';
import { expectNoAxeViolations } from './support/axe';
import { logIn, makeDistrict, makeRoom, openCase, PHONE, screenshots, workersOf } from './support/service';

/** Screenshots at both sizes, then back to the phone the mediator holds. */
async function shots(page: Page, name: string) {
  // from the top: a full-page picture of a page scrolled down draws its sticky title bar halfway
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshots(page, name);
  await page.setViewportSize(PHONE);
}

/** Yuan text → fen, read as a decimal (never through a float), for the test's own sums. */
function fen(text: string): bigint {
  const parsed = parseYuan(text);
  if (!parsed.ok) throw new Error(`not an amount of yuan (${parsed.problem}): ${text}`);
  return parsed.fen;
}
/** Fen as the page shows it: "¥12,000.50". */
const yuan = (fenAmount: bigint) => `¥${formatYuan(fenAmount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

function shanghaiDay(daysFromToday: number): string {
  return new Date(Date.now() + 8 * 3600_000 + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

test.describe('the mediator’s day, on a phone at a building site', () => {
  test.use({ viewport: PHONE });
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let theCase: { id: string; caseNumber: string };
  let workers: Awaited<ReturnType<typeof workersOf>>;

  test.beforeAll(async ({ baseURL }) => {
    district = await makeDistrict(baseURL!);
    await makeRoom(district, '第一调解室');
    theCase = await openCase(baseURL!, district, ['12000.50', '8000.00', '3500.25', '6100.00', '4200.75', '9999.99']);
    workers = await workersOf(baseURL!, district, theCase.id);
    expect(workers).toHaveLength(6);
  });

  test('from intake to the last pay day: verify, confirm, mediate, agree, pay twice, close', async ({ page }) => {
    test.setTimeout(180_000);
    const main = page.getByRole('main');
    const status = main.getByTestId('case-status');
    const nextStep = (label: string) => page.getByRole('button', { name: `下一步: ${label}` });
    const move = async (label: string) => {
      const sheet = page.getByRole('dialog');
      await expect(sheet).toBeVisible();
      await sheet.getByRole('button', { name: '确认' }).click();
      await expect(status).toHaveText(label);
    };

    // his day: the case is among his open cases, with what is still owed
    await logIn(page, district.mediator.username);
    await expect(page).toHaveURL(/\/app\/day$/);
    await expect(page.getByRole('heading', { name: '今日调解', level: 1 })).toBeVisible();
    const caseLink = page.getByRole('link', { name: new RegExp(theCase.caseNumber) });
    await expect(caseLink).toContainText('尚欠 6 人（共 6 人）');
    await expect(caseLink).toContainText('¥43,801.49');
    await expect(page.getByRole('navigation', { name: '其他页面' })).toContainText(/除夕/);
    await expectNoAxeViolations(page);
    await shots(page, 'mediator-day');
    // English and back, remembered for him
    await page.getByRole('button', { name: /English/ }).click();
    await expect(page.getByRole('heading', { name: 'My day' })).toBeVisible();
    await expect(caseLink).toContainText('6 of 6 workers still owed');
    await shots(page, 'mediator-day-english');
    await page.getByRole('button', { name: /中文/ }).click();
    await expect(page.getByRole('heading', { name: '今日调解' })).toBeVisible();

    // the case: received; the next step under the thumb moves it to verifying
    await caseLink.click();
    await expect(page.getByRole('heading', { name: theCase.caseNumber, level: 1 })).toBeVisible();
    await expect(status).toHaveText('已受理');
    await expect(page.getByRole('group', { name: '合计' })).toContainText('6 人');
    await expect(main.getByRole('list', { name: '工人' }).getByRole('listitem')).toHaveCount(6);
    await expect(main.getByRole('link', { name: '电脑版案件页' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: '电脑版案件页' })).toHaveAttribute('href', `/app/cases/${theCase.id}`);
    await nextStep('转为“核实中”').click();
    await expect(page.getByRole('dialog')).toContainText('转为“核实中”？');
    await expectNoAxeViolations(page);
    await move('核实中');
    await expectNoAxeViolations(page);
    await shots(page, 'mediator-case');

    // confirming all six at once: amounts prefilled with what each claimed; one corrected
    await nextStep('确认金额').click();
    await expect(page.getByRole('heading', { name: '确认金额', level: 1 })).toBeVisible();
    const [w0, w1, w2, w3, w4, w5] = workers;
    const corrected = workers.find((worker) => worker.amountClaimed === '6100.00')!;
    const amountOf = (name: string, label = '确认金额（元）') => page.getByLabel(`${name} ${label}`, { exact: true });
    await expect(amountOf(w0.name)).toHaveValue(w0.amountClaimed);
    await expect(page.getByText('已选 6 人')).toBeVisible();
    // none, then the one a search finds, then all again
    await page.getByRole('button', { name: '全不选' }).click();
    await expect(page.getByText('已选 0 人')).toBeVisible();
    await page.getByLabel('按姓名或身份证号查找工人').fill(w2.name);
    await expect(page.getByText(/找到 \d+ 人/)).toBeVisible();
    await page.getByRole('button', { name: /^选中找到的/ }).click();
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${w2.name} `) })).toBeChecked();
    await page.getByLabel('按姓名或身份证号查找工人').fill('');
    await page.getByRole('button', { name: '全选' }).click();
    await expect(page.getByText('已选 6 人')).toBeVisible();
    // an amount the API cannot read comes back in its words, on that worker's line; the rest stays typed
    await amountOf(corrected.name).fill('6000.005');
    await page.getByRole('button', { name: '确认 6 人的金额' }).click();
    const correctedLine = page.locator(`[data-worker="${corrected.name}"]`);
    await expect(correctedLine.locator('.m-error')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('未能确认');
    await expect(amountOf(corrected.name)).toHaveValue('6000.005');
    const another = workers.find((worker) => worker !== corrected)!;
    await expect(amountOf(another.name)).toHaveValue(another.amountClaimed);
    await expectNoAxeViolations(page);
    await shots(page, 'mediator-confirm-refused');
    await amountOf(corrected.name).fill('6000.00');
    await expect(page.getByRole('status').filter({ hasText: '确认合计' })).toContainText('¥43,701.49');
    await page.getByRole('button', { name: '确认 6 人的金额' }).click();
    await expect(page.getByRole('heading', { name: theCase.caseNumber, level: 1 })).toBeVisible();
    await expect(page.getByRole('group', { name: '合计' })).toContainText('¥43,701.49');

    await nextStep('转为“调解中”').click();
    await move('调解中');

    // a session today in the first room (the form offers tomorrow); the same slot again is refused, with the
    // server's reason. Today's, because an outcome can be recorded only once the session's day has come.
    await nextStep('安排调解').click();
    await expect(page.getByLabel('日期')).toHaveValue(shanghaiDay(1));
    await page.getByLabel('日期').fill(shanghaiDay(0));
    await page.getByLabel('调解室').selectOption({ label: '第一调解室' });
    await page.getByRole('button', { name: '安排调解' }).click();
    await expect(page.getByRole('heading', { name: theCase.caseNumber, level: 1 })).toBeVisible();
    await expect(main.getByRole('region', { name: '调解安排' })).toContainText('第一调解室');
    await main.getByRole('link', { name: '安排调解' }).click();
    await page.getByLabel('日期').fill(shanghaiDay(0));
    await page.getByLabel('调解室').selectOption({ label: '第一调解室' });
    await page.getByRole('button', { name: '安排调解' }).click();
    const refusal = page.getByRole('alert');
    await expect(refusal).toContainText('未能安排');
    await expect(refusal).toContainText('在该时段');
    await expect(refusal).toContainText(theCase.caseNumber);
    await expectNoAxeViolations(page);
    await shots(page, 'mediator-schedule-refused');
    await page.getByRole('link', { name: '返回' }).click();

    // today's session is on his day
    await page.goto('/app/day');
    await expect(page.getByRole('region', { name: /^今天/ })).toContainText(theCase.caseNumber);
    await page.getByRole('region', { name: /^今天/ }).getByRole('link', { name: /登记.*调解的结果/ }).click();

    // the outcome; the session ends while he types: he logs in over the page and his notes are still there
    await expect(page.getByRole('heading', { name: '登记调解结果', level: 1 })).toBeVisible();
    await page.getByText('达成协议', { exact: true }).click();
    await page.getByLabel('记录（可不填）').fill('双方同意分两期支付，春节前付清');
    await page.evaluate(
      "localStorage.setItem('wages.session', JSON.stringify({ ...JSON.parse(localStorage.getItem('wages.session')), accessToken: 'ended', refreshToken: 'ended' }))",
    );
    await page.getByRole('button', { name: '登记结果' }).click();
    const relogin = page.getByRole('dialog', { name: '请重新登录' });
    await expect(relogin).toBeVisible();
    await expectNoAxeViolations(page);
    await shots(page, 'mediator-relogin');
    await relogin.getByLabel('用户名').fill(district.mediator.username);
    await relogin.getByLabel('密码').fill('Winter-ledger-Shunyi-2027');
    await relogin.getByRole('button', { name: '登录' }).click();
    await expect(relogin).toBeHidden();
    await expect(page.getByLabel('记录（可不填）')).toHaveValue('双方同意分两期支付，春节前付清');
    await expectNoAxeViolations(page);
    await shots(page, 'mediator-outcome');
    await page.getByRole('button', { name: '登记结果' }).click();
    await expect(page.getByRole('heading', { name: theCase.caseNumber, level: 1 })).toBeVisible();
    await expect(main.getByRole('region', { name: '调解安排' })).toContainText('达成协议');

    // the agreement: what is owed, split evenly into two instalments
    await nextStep('登记调解协议').click();
    await expect(page.getByLabel('第 1 期 金额（元）', { exact: true })).toHaveValue('43701.49');
    await page.getByRole('button', { name: '再加一期' }).click();
    await page.getByRole('button', { name: '按期数平分尚欠总额' }).click();
    await expect(page.getByLabel('第 1 期 金额（元）', { exact: true })).toHaveValue('21850.74');
    await expect(page.getByLabel('第 2 期 金额（元）', { exact: true })).toHaveValue('21850.75');
    await page.getByLabel('第 1 期 到期日', { exact: true }).fill(shanghaiDay(7));
    await page.getByLabel('第 2 期 到期日', { exact: true }).fill(shanghaiDay(14));
    await expect(page.getByRole('status').filter({ hasText: '协议总额' })).toContainText('¥43,701.49');
    await expectNoAxeViolations(page);
    await shots(page, 'mediator-agreement');
    await page.getByRole('button', { name: '登记调解协议' }).click();
    await expect(status).toHaveText('已达成协议');
    await expect(main.getByRole('list', { name: '分期' }).getByRole('listitem')).toHaveCount(2);

    // the first pay day: four of the six; one amount over what he is owed is refused on his line
    await nextStep('登记发放工资').click();
    await expect(page.getByRole('heading', { name: '登记发放工资', level: 1 })).toBeVisible();
    const payAmount = (name: string) => amountOf(name, '发放金额（元）');
    const confirmedOf = (worker: (typeof workers)[number]) => (worker === corrected ? '6000.00' : worker.amountClaimed);
    await page.getByLabel('付款方').selectOption({ label: '总承包单位（先行清偿）' });
    await page.getByLabel('支付方式').selectOption({ label: '转账至工人银行卡' });
    await page.getByRole('button', { name: '全选' }).click();
    // by keyboard: the boxes are reachable without a finger
    for (const worker of [w4, w5]) await page.getByRole('checkbox', { name: new RegExp(`^${worker.name} `) }).press('Space');
    await expect(page.getByText('已选 4 人')).toBeVisible();
    const firstFour = [w0, w1, w2, w3].reduce((sum, worker) => sum + fen(confirmedOf(worker)), 0n);
    await expect(page.getByRole('status').filter({ hasText: '发放合计' })).toContainText(yuan(firstFour));
    await expect(payAmount(w1.name)).toHaveValue(confirmedOf(w1));
    const tooMuch = formatYuan(fen(confirmedOf(w1)) + 1n);
    await payAmount(w1.name).fill(tooMuch);
    await page.getByLabel(`${w1.name} 凭证号（可不填）`).fill('ICBC-20270204-0002');
    await page.getByRole('button', { name: '登记 4 人的发放' }).click();
    const w1Line = page.locator(`[data-worker="${w1.name}"]`);
    await expect(w1Line.locator('.m-error')).toContainText('超过未付金额');
    await expect(page.getByRole('alert')).toContainText('超过该劳动者未付金额');
    await expect(payAmount(w1.name)).toHaveValue(tooMuch);
    await expectNoAxeViolations(page);
    await shots(page, 'mediator-pay-day');
    await payAmount(w1.name).fill(confirmedOf(w1));
    await expect(page.getByRole('status').filter({ hasText: '发放合计' })).toContainText(yuan(firstFour));
    await page.getByRole('button', { name: '登记 4 人的发放' }).click();
    await expect(status).toHaveText('支付中');
    const lastTwo = fen(confirmedOf(w4)) + fen(confirmedOf(w5));
    await expect(main.getByTestId('outstanding')).toHaveText(yuan(lastTwo));

    // closing as paid in full while two are still owed: refused, with the server's reason
    await main.getByRole('button', { name: '转为“已结案”' }).click();
    await page.getByRole('dialog').getByText('全额支付').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    const closeRefused = page.getByRole('dialog').getByRole('alert');
    await expect(closeRefused).toContainText('操作未被接受');
    await expect(closeRefused).toContainText('还有 2 名劳动者');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    // the second pay day: the two left
    await nextStep('登记发放工资').click();
    await expect(page.locator('.m-line')).toHaveCount(2);
    await page.getByLabel('付款方').selectOption({ label: '用人单位' });
    await page.getByLabel('支付方式').selectOption({ label: '现金（本人签收）' });
    await page.getByRole('button', { name: '全选' }).click();
    await expect(page.getByRole('status').filter({ hasText: '发放合计' })).toContainText(yuan(lastTwo));
    await page.getByRole('button', { name: '登记 2 人的发放' }).click();
    await expect(main.getByTestId('outstanding')).toHaveText('¥0.00');

    // closed, paid in full
    await nextStep('转为“已结案”').click();
    await page.getByRole('dialog').getByText('全额支付').click();
    await move('已结案');
    await shots(page, 'mediator-case-closed');

    // the printable agreement is the desk case page's: nothing outstanding there, both instalments paid
    await main.getByRole('link', { name: /打印调解协议书/ }).click();
    await expect(page).toHaveURL(new RegExp(`/app/cases/${theCase.id}$`));
    await expect(page.getByTestId('case-status')).toHaveText('已结案');
    await expect(page.getByRole('group', { name: '合计' })).toContainText('¥0.00');
    await expect(page.getByRole('row').filter({ hasText: '已付清' })).toHaveCount(2);
    // the agreement opens in a tab of its own, to print: the amounts in capital numerals (大写)
    const [agreement] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: '打印调解协议' }).click()]);
    await expect(agreement.locator('body')).toContainText('调解协议');
    await expect(agreement.locator('body')).toContainText(/[壹贰叁肆伍陆柒捌玖拾佰仟万]+/);
    await agreement.close();
  });
});
