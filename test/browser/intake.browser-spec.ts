import { expect, test } from '@playwright/test';
import { apiAs, logIn, makeDistrict, next, rosterCsv, rosterRows, screenshots, STAFF_PASSWORD, withWrongCheckCharacter } from './support/service';
import { creditCode, residentId, workerName } from '../factories/identities';
import { expectNoAxeViolations } from './support/axe';

test('the lawyer opens a case from a consultation with three workers typed and a 50-row roster', async ({ page, baseURL }) => {
  const district = await makeDistrict(baseURL!);
  const lawyer = await apiAs(baseURL!, district.lawyer.username, STAFF_PASSWORD);
  const n = next();
  const employer = await (
    await lawyer.post('/employers', { data: { name: `北京第${n}建筑劳务有限公司`, creditCode: creditCode(n), kind: 'labour_subcontractor', industry: 'construction' } })
  ).json();
  const consultation = await lawyer.post('/consultations', {
    data: {
      organisationId: district.organisation.id, channel: 'walk_in', topic: 'unpaid_wages', workerName: '王建国', employerId: employer.id,
      advice: '收集考勤与工资表，申请调解', durationMinutes: 20, followUpNeeded: true,
    },
  });
  expect(consultation.status(), await consultation.text()).toBe(201);
  const { id: consultationId } = await consultation.json();

  // from the lawyer's desk: the day's consultation, opened as a case in one step
  await logIn(page, district.lawyer.username);
  await expect(page).toHaveURL(/\/app\/desk$/);
  const day = page.getByRole('region', { name: '今日咨询' });
  await expect(day.getByTestId('consultation')).toContainText('王建国');
  await day.getByTestId('consultation').getByRole('button', { name: '转为案件' }).click();
  await expect(page).toHaveURL(new RegExp(`/app/cases/new\\?consultation=${consultationId}$`));
  await expect(page.getByText('由咨询转为案件')).toBeVisible();
  await page.getByLabel('案情摘要').fill('劳务公司拖欠 53 名工人 10 月工资');

  const typed = [
    { name: workerName(n * 7), idNumber: residentId(n * 7), amount: '12000.50' },
    { name: workerName(n * 7 + 1), idNumber: residentId(n * 7 + 1), amount: '8000' },
    { name: workerName(n * 7 + 2), idNumber: residentId(n * 7 + 2), amount: '3500.25' },
  ];
  for (const [i, worker] of typed.entries()) {
    if (i > 0) await page.getByRole('button', { name: '添加工人' }).click();
    const row = page.getByRole('group', { name: `工人及其诉求 ${i + 1}` });
    await row.getByLabel('姓名').fill(worker.name);
    await row.getByLabel('身份证号').fill(worker.idNumber);
    await row.getByLabel('主张金额（元）').fill(worker.amount);
  }
  await expect(page.getByTestId('intake-total')).toHaveText('共 3 名工人，主张合计 ¥23,500.75');

  // a roster with one bad row: refused whole, the row named by its line in the file
  const roster = rosterRows(50);
  const bad = roster.map((row, i) => (i === 26 ? { ...row, idNumber: withWrongCheckCharacter(row.idNumber) } : row));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '上传工人名单（Excel 或 CSV）' }).click();
  await (await chooser).setFiles({ name: '工资表.csv', mimeType: 'text/csv', buffer: rosterCsv(bad) });
  const problems = page.getByTestId('roster-problems');
  await expect(problems).toContainText('第 28 行');
  await expect(problems).toContainText('身份证号校验位不对');
  await expect(page.getByLabel('案情摘要')).toHaveValue('劳务公司拖欠 53 名工人 10 月工资');
  await expect(page.getByRole('group', { name: '工人及其诉求 3' }).getByLabel('主张金额（元）')).toHaveValue('3500.25');
  await expectNoAxeViolations(page);
  await screenshots(page, 'intake-roster-error');

  // the corrected file is uploaded again; the typed workers and the summary are still there
  const fixedChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '上传工人名单（Excel 或 CSV）' }).click();
  await (await fixedChooser).setFiles({ name: '工资表-改.csv', mimeType: 'text/csv', buffer: rosterCsv(roster) });
  await expect(page.getByText(/已读取 工资表-改\.csv：50 名工人/)).toBeVisible();
  await expect(problems).toHaveCount(0);
  const rosterTotal = roster.reduce((sum, row) => sum + BigInt(row.amountClaimed.replace('.', '')), 0n);
  const expected = rosterTotal + 2_350_075n;
  const yuan = `${expected / 100n}.${String(expected % 100n).padStart(2, '0')}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  await expect(page.getByTestId('intake-total')).toHaveText(`共 53 名工人，主张合计 ¥${yuan}`);
  await screenshots(page, 'intake');

  await page.getByRole('button', { name: '受理立案' }).click();
  await expect(page).toHaveURL(/\/app\/cases\/[0-9a-f-]{36}$/);
  const totals = page.getByRole('group', { name: '合计' });
  await expect(totals).toContainText('53 人');
  await expect(totals).toContainText(`¥${yuan}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/-2026-\d{5}$/);

  // back on the desk, the consultation now leads to its case
  await page.goto('/app/desk');
  await expect(day.getByTestId('consultation').getByRole('link', { name: '查看案件' })).toBeVisible();
});
