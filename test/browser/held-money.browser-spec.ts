import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { addLeader, apiAs, DESK, intoMediation, logIn, makeDistrict, ok, openCase, PHONE, screenshots, STAFF_PASSWORD } from './support/service';

/**
 * Money held for workers not reached (代管) in the pages: the mediator records on his phone a pay day
 * paid into the union's account, the leader sees it on the page of money held, and the mediator
 * hands one worker's share over from the case page.
 */
test.describe('money held for workers (代管)', () => {
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let leader: { username: string };
  let theCase: { id: string; caseNumber: string };

  test.beforeAll(async ({ baseURL }) => {
    district = await makeDistrict(baseURL!);
    leader = await addLeader(baseURL!, district, '吴主席');
    theCase = await openCase(baseURL!, district, ['4000.00', '3000.00']);
    await intoMediation(baseURL!, district, theCase.id);
  });

  test('a pay day held in the union’s account, listed for the leader, and handed over', async ({ page, baseURL }) => {
    const lawyer = await apiAs(baseURL!, district.lawyer.username, STAFF_PASSWORD);
    const [first, second] = ((await ok(await lawyer.get(`/cases/${theCase.id}/claims`))).items as { worker: { name: string } }[]).map((claim) => claim.worker.name);

    await page.setViewportSize(PHONE);
    await logIn(page, district.mediator.username);
    await page.goto(`/app/day/cases/${theCase.id}/pay-day`);
    await page.getByLabel('付款方').selectOption({ label: '用人单位' });
    await page.getByLabel('支付方式').selectOption({ label: '转账至工人银行卡' });
    await page.getByLabel('钱款去向').selectOption({ label: '付入工会账户代管（工人暂未联系上）' });
    await page.getByRole('button', { name: '全选' }).click();
    await page.getByRole('button', { name: '登记 2 人的发放' }).click();
    await expect(page.getByTestId('outstanding')).toHaveText('¥0.00');

    await page.setViewportSize(DESK);
    await page.evaluate('window.localStorage.clear()');
    await logIn(page, leader.username);
    // the dashboard tells the money recovered but still held apart
    await expect(page.getByText('其中代管中 ¥7,000.00')).toBeVisible();
    await page.goto('/app/held-money');
    const byOrganisation = page.getByRole('region', { name: '按单位和代管时长' });
    await expect(byOrganisation.getByRole('row', { name: new RegExp(district.organisation.name) })).toContainText('¥7,000.00');
    const items = page.getByRole('region', { name: '代管明细（代管最久的在前）' });
    await expect(items.getByRole('row', { name: new RegExp(first) })).toContainText('¥4,000.00');
    await expect(items.getByRole('row', { name: new RegExp(second) })).toContainText('0 天');
    await expectNoAxeViolations(page);
    // on a phone the leader's links run past the screen's edge: the page he is on is scrolled into sight
    await page.setViewportSize(PHONE);
    await page.goto('/');
    await page.goto('/app/held-money');
    const nav = page.getByRole('navigation', { name: '主菜单' });
    await expect(nav.getByRole('link', { name: '代管款项' })).toBeVisible();
    // within the strip of links the header shows, not scrolled off under the bell
    const shown = async () => {
      const [strip, link] = await Promise.all([nav.boundingBox(), nav.getByRole('link', { name: '代管款项' }).boundingBox()]);
      return link!.x >= strip!.x - 1 && link!.x + link!.width <= strip!.x + strip!.width + 1;
    };
    await expect.poll(shown).toBe(true);
    await page.setViewportSize(DESK);
    await screenshots(page, 'held-money');

    await page.evaluate('window.localStorage.clear()');
    await logIn(page, district.mediator.username);
    await page.goto(`/app/cases/${theCase.id}`);
    const payouts = page.locator('.ant-card').filter({ has: page.getByText('支付记录', { exact: true }) });
    const row = payouts.getByRole('row', { name: new RegExp(first) });
    await expect(row).toContainText('工会代管');
    await row.getByRole('button', { name: '移交工人' }).click();
    await expect(page.getByRole('dialog')).toContainText(`把代管的 4000.00 元移交给 ${first}`);
    await page.getByRole('dialog').getByLabel('签收单或回单编号（可不填）').fill('签收单 0021');
    await page.getByRole('dialog').getByRole('button', { name: '移交工人' }).click();
    await expect(page.getByText('已记录移交')).toBeVisible();
    await expect(row).toContainText('已移交');
    await expect(payouts.getByRole('row', { name: new RegExp(second) })).toContainText('工会代管');
    await expectNoAxeViolations(page);
    await screenshots(page, 'held-money-case');

    await page.evaluate('window.localStorage.clear()');
    await logIn(page, leader.username);
    await page.goto('/app/held-money');
    await expect(byOrganisation.getByRole('row', { name: new RegExp(district.organisation.name) })).toContainText('¥3,000.00');
    await expect(items.getByRole('row', { name: new RegExp(first) })).toHaveCount(0);
  });
});
