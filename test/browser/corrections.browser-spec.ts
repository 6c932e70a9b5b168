import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { addLeader, apiAs, intoMediation, logIn, makeDistrict, ok, openCase, screenshots, shanghaiToday, STAFF_PASSWORD } from './support/service';

/**
 * A payout recorded against the wrong worker, corrected with four eyes in the pages: the mediator asks
 * on the case page, the leader finds it on the dashboard and approves it, and the ledger shows the
 * original struck through beside its reversal and the payout as corrected.
 */
test.describe('correcting a payout (冲正)', () => {
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let leader: { username: string };
  let theCase: { id: string; caseNumber: string };

  test.beforeAll(async ({ baseURL }) => {
    district = await makeDistrict(baseURL!);
    leader = await addLeader(baseURL!, district, '孙主席');

    theCase = await openCase(baseURL!, district, ['6000.00', '4000.00']);
    const claims = await intoMediation(baseURL!, district, theCase.id);
    const mediator = await apiAs(baseURL!, district.mediator.username, STAFF_PASSWORD);
    // 3,000 recorded for the first worker; the bank slip says the second one got it
    await ok(
      await mediator.post(`/cases/${theCase.id}/payouts`, {
        data: { paidOn: shanghaiToday(), payerKind: 'employer', channel: 'bank_transfer', items: [{ claimId: claims[0].id, amount: '3000.00' }] },
      }),
    );
  });

  test('the mediator asks, the leader approves, and the ledger and the balances follow', async ({ page, baseURL }) => {
    const lawyer = await apiAs(baseURL!, district.lawyer.username, STAFF_PASSWORD);
    const [first, second] = ((await ok(await lawyer.get(`/cases/${theCase.id}/claims`))).items as { worker: { name: string } }[]).map((claim) => claim.worker.name);

    await logIn(page, district.mediator.username);
    await page.goto(`/app/cases/${theCase.id}`);
    const payouts = page.locator('.ant-card').filter({ has: page.getByText('支付记录', { exact: true }) });
    await expect(payouts.getByRole('row', { name: new RegExp(`${first}.*3,000\\.00`) })).toBeVisible();
    await payouts.getByRole('button', { name: '申请冲正' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`申请冲正：${shanghaiToday()} 支付给 ${first} 的 3000.00 元`);
    // nothing typed: the reason is asked for before anything is sent
    await dialog.getByRole('button', { name: '申请冲正' }).click();
    await expect(dialog.getByText('冲正原因').last()).toBeVisible();
    // the worker is found by name on the server (a case may have a thousand)
    await dialog.getByLabel('实际收款工人').fill(second);
    await page.locator('.ant-select-item-option', { hasText: second }).click();
    await dialog.getByLabel('冲正原因').fill(`银行回单显示这笔钱付给了${second}`);
    await screenshots(page, 'correction-request');
    await dialog.getByRole('button', { name: '申请冲正' }).click();
    await expect(page.getByText('冲正申请已提交，等待审批')).toBeVisible();
    const request = page.getByTestId('payout-correction');
    await expect(request).toContainText('待审批');
    await expect(request).toContainText(`更正为：${shanghaiToday()} · ${second} · ¥3,000.00`);
    // pending counts nowhere: the first worker still shows 3,000 paid
    await expect(page.getByRole('group', { name: '合计' })).toContainText('¥3,000.00');
    await expectNoAxeViolations(page);

    await page.evaluate('window.localStorage.clear()');
    await logIn(page, leader.username);
    // the leader's home shows what waits for him
    const waiting = page.getByTestId('pending-corrections');
    await expect(waiting).toContainText('1 项冲正等待审批');
    await expect(waiting).toContainText(theCase.caseNumber);
    await screenshots(page, 'correction-pending-dashboard');
    await waiting.getByRole('button', { name: '批准' }).click();
    await expect(page.getByRole('dialog')).toContainText('批准后立即冲销原记录');
    await page.getByRole('dialog').getByLabel('审批意见').fill('已核对银行回单');
    await page.getByRole('dialog').getByRole('button', { name: '批准' }).click();
    await expect(page.getByText('冲正已生效')).toBeVisible();
    await expect(waiting).toHaveCount(0);

    await page.goto(`/app/cases/${theCase.id}`);
    await expect(payouts.getByRole('row', { name: /冲销/ })).toContainText('-¥3,000.00');
    await expect(payouts.getByRole('row', { name: /更正后/ })).toContainText(second);
    await expect(payouts.getByRole('row', { name: /已冲正/ })).toContainText(first);
    await expect(page.getByTestId('payout-correction')).toContainText('已批准');
    await expect(page.getByTestId('payout-correction')).toContainText('已核对银行回单');
    const workersTable = page.locator('.ant-card').filter({ has: page.getByText('工人与金额', { exact: true }) });
    // the first worker paid nothing after all, the second 3,000 of his 4,000
    await expect(workersTable.getByRole('row', { name: new RegExp(first) })).toContainText('¥0.00');
    await expect(workersTable.getByRole('row', { name: new RegExp(second) })).toContainText('¥3,000.00');
    await expect(workersTable.getByRole('row', { name: new RegExp(second) })).toContainText('¥1,000.00');
    await expectNoAxeViolations(page);
    await screenshots(page, 'correction-approved-case');
  });
});
