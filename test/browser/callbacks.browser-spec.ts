import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { addLeader, apiAs, intoMediation, logIn, makeDistrict, ok, openCase, screenshots, shanghaiToday, STAFF_PASSWORD } from './support/service';

/**
 * The callback after closing (回访) in the pages: the mediator records that the worker is not
 * satisfied, the leader finds it on the dashboard and records what he did, and the dashboard gives
 * the callback and satisfaction rates of the period.
 */
test.describe('the callback after closing (回访)', () => {
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let leader: { username: string };
  let theCase: { id: string; caseNumber: string };

  test.beforeAll(async ({ baseURL }) => {
    district = await makeDistrict(baseURL!);
    leader = await addLeader(baseURL!, district, '钱主席');

    theCase = await openCase(baseURL!, district, ['5000.00']);
    const [claim] = await intoMediation(baseURL!, district, theCase.id);
    const mediator = await apiAs(baseURL!, district.mediator.username, STAFF_PASSWORD);
    await ok(
      await mediator.post(`/cases/${theCase.id}/payouts`, {
        data: { paidOn: shanghaiToday(), payerKind: 'employer', channel: 'bank_transfer', items: [{ claimId: claim.id, amount: '5000.00' }] },
      }),
    );
    await ok(await mediator.post(`/cases/${theCase.id}/transitions`, { data: { to: 'closed', outcome: 'paid_in_full' } }));
  });

  test('the mediator records "not satisfied", the leader follows it up, and the rates', async ({ page }) => {
    await logIn(page, district.mediator.username);
    await page.goto(`/app/cases/${theCase.id}`);
    const card = page.locator('.ant-card').filter({ has: page.getByText('结案回访', { exact: true }) });
    await expect(card.getByTestId('callback')).toContainText('待回访');
    await expect(card.getByTestId('callback')).toContainText(`应于 ${shanghaiToday(7)} 前回访 · 回访人：李调解员`);
    await card.getByRole('button', { name: '记录回访' }).click();
    const dialog = page.getByRole('dialog');
    // reached, but how satisfied is not said: asked for before anything is sent
    await dialog.getByRole('button', { name: '记录回访' }).click();
    await expect(dialog.getByText('对处理结果是否满意').last()).toBeVisible();
    await dialog.getByLabel('与谁通话（可不填）').fill('工人本人');
    await dialog.getByText('不满意', { exact: true }).click();
    await dialog.getByLabel('回访记录').fill('加班费没有算进去');
    await screenshots(page, 'callback-record');
    await dialog.getByRole('button', { name: '记录回访' }).click();
    await expect(page.getByText('回访已记录')).toBeVisible();
    await expect(card.getByTestId('callback')).toContainText('不满意');
    await expect(card.getByTestId('callback')).toContainText('回访不满意，待领导跟进');
    await expectNoAxeViolations(page);
    await screenshots(page, 'callback-case');

    await page.evaluate('window.localStorage.clear()');
    await logIn(page, leader.username);
    await page.goto(`/app/overview?from=${shanghaiToday()}&to=${shanghaiToday(10)}`);
    const waiting = page.getByTestId('unsatisfied-callbacks');
    await expect(waiting).toContainText(theCase.caseNumber);
    await expect(waiting).toContainText('加班费没有算进去');
    const rates = page.getByTestId('callback-rates');
    await expect(rates.locator('[data-figure="callback-rate"]')).toHaveText('100.0%');
    await expect(rates.locator('[data-figure="satisfaction-rate"]')).toHaveText('0.0%');
    await expect(rates.getByRole('row', { name: new RegExp(district.organisation.name) })).toBeVisible();
    await rates.getByText('按调解员').click();
    await expect(rates.getByRole('row', { name: /李调解员/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshots(page, 'callback-dashboard');

    await waiting.getByRole('button', { name: '记录跟进' }).click();
    await page.getByRole('dialog').getByLabel('领导跟进情况').fill('已约谈用人单位，三日内补发加班费');
    await page.getByRole('dialog').getByRole('button', { name: '记录跟进' }).click();
    await expect(page.getByText('跟进已记录')).toBeVisible();
    await expect(waiting).toHaveCount(0);
    await page.goto(`/app/cases/${theCase.id}`);
    await expect(page.getByTestId('callback')).toContainText('钱主席');
    await expect(page.getByTestId('callback')).toContainText('已约谈用人单位，三日内补发加班费');
  });
});
