import { expect, Page, request, test } from '@playwright/test';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEIC_HEADER, JPEG_1X1, PNG_1X1 } from '../factories/evidence-files';
import { residentId } from '../factories/identities';
import { expectNoAxeViolations } from './support/axe';
import { apiAs, DESK, INITIAL_PASSWORD, logIn, makeDistrict, next, ok, PHONE, registerEmployer, screenshots, shanghaiToday, STAFF_PASSWORD } from './support/service';
import { reportThroughApi } from './support/worker-reports';

/** Screenshots at both sizes (the phone's checked for sideways scrolling), then back to the worker's phone. */
async function shots(page: Page, name: string) {
  // from the top: a full-page picture of a page scrolled down draws its sticky title bar halfway
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshots(page, name);
  await page.setViewportSize(PHONE);
}

/** An address of the test's own (TEST-NET-1), so no two tests share the per-address limits. */
const ownAddress = () => `192.0.2.${next() % 250}`;

/** The worker's page, from an address of its own: the service trusts the loopback proxy's X-Forwarded-For here. */
async function fromAddress(page: Page, address = ownAddress()) {
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': address });
  return address;
}

interface Report {
  name: string;
  idNumber: string;
  employerName: string;
  siteAddress: string;
  organisationName?: string;
}

/** The first three steps, as a worker fills them on his phone; leaves the form on the photos step. */
async function fillReport(page: Page, report: Report) {
  await page.goto('/app/report');
  await expect(page.getByRole('heading', { name: '网上反映欠薪', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: /第 1 步，共 5 步/ })).toBeVisible();
  await page.getByLabel('姓名（和身份证上一样）').fill(report.name);
  await page.getByLabel('身份证号').fill(report.idNumber);
  await page.getByLabel('手机号').fill('138 0013 8000');
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByRole('heading', { name: /第 2 步，共 5 步/ })).toBeVisible();
  await page.getByLabel('欠您钱的公司，或包工头的名字').fill(report.employerName);
  await page.getByLabel('工程项目名称（可不填）').fill('后沙峪安置房项目');
  await page.getByLabel('工地地址（可不填）').fill(report.siteAddress);
  if (report.organisationName) await page.getByLabel('交给哪个区的工会').selectOption({ label: report.organisationName });
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByRole('heading', { name: /第 3 步，共 5 步/ })).toBeVisible();
  await page.getByLabel('从哪天起没给钱').fill(shanghaiToday(-120));
  await page.getByLabel('干到哪天').fill(shanghaiToday(-5));
  await page.getByLabel('一共欠您多少钱（元）').fill('18600');
  await page.getByLabel('还有几个工友也被欠钱（没有就填 0）').fill('12');
  await page.getByLabel('怎么回事，简单说说（可不填）').fill('干了四个月，包工头说年底一起结，现在找不到人');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { name: /第 4 步，共 5 步/ })).toBeVisible();
}

/** From the photos step: agree and send. */
async function agreeAndSend(page: Page) {
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { name: /第 5 步，共 5 步/ })).toBeVisible();
  await page.getByText('我看过了，同意工会这样使用我的信息').click();
  await page.getByRole('button', { name: '提交' }).click();
}

/** A report sent through the public API from the given address, as reportThroughApi sends one from an address of its own. */
async function reportFrom(baseURL: string, address: string, organisationId: string) {
  const worker = await request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': address } });
  const challenge = await (await worker.get('/public/challenge')).json();
  const solution = await solveChallenge({ challenge, deriveKey });
  return ok(
    await worker.post('/public/reports', {
      data: {
        proof: { challenge, solution },
        name: '赵小军',
        idNumber: residentId(70_000 + next()),
        mobile: '13900139000',
        employerName: '北京某某建筑劳务有限公司',
        organisationId,
        periodStart: shanghaiToday(-60),
        periodEnd: shanghaiToday(-1),
        amountOwed: '9000.00',
        coWorkers: 3,
        consent: true,
      },
    }),
  );
}

test.describe('the workers’ own channel, on a phone', () => {
  test.use({ viewport: PHONE });
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  /** The place the district stands for, unique to this run's district, as a site address names it. */
  let place: string;
  let photoDir: string;

  test.beforeAll(async ({ baseURL }) => {
    district = await makeDistrict(baseURL!);
    // the clerk chose his own password (the first-login page is the case list suite's)
    const firstLogin = await apiAs(baseURL!, district.clerk.username, INITIAL_PASSWORD);
    await ok(await firstLogin.post('/auth/password', { data: { currentPassword: INITIAL_PASSWORD, newPassword: STAFF_PASSWORD } }));
    place = `顺义区${next()}镇`;
    await ok(await district.admin.patch(`/organisations/${district.organisation.id}`, { data: { district: place } }));
    // photos as a phone's gallery holds them: files with names
    photoDir = mkdtempSync(join(tmpdir(), 'worker-photos-'));
    writeFileSync(join(photoDir, '欠条.jpg'), JPEG_1X1);
    writeFileSync(join(photoDir, '工资表截图.png'), PNG_1X1);
    // an iPhone photo Chromium cannot draw, so it cannot be made smaller: over 5 MB as it is
    writeFileSync(join(photoDir, 'IMG_0001.HEIC'), Buffer.concat([HEIC_HEADER, Buffer.alloc(6 * 1024 * 1024, 7)]));
  });

  test('a worker reports with two photos, sees his own pay on the way, and rates the closed case', async ({ page, browser, baseURL }) => {
    test.setTimeout(240_000);
    await fromAddress(page);
    // the proof of work is solved in Web Workers while he types, not on the page's own thread
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const idNumber = residentId(70_000 + next());
    // the company that owes him, as the union's register has it (the clerk will find it by the name he typed)
    const employerName = `北京第${next()}建筑劳务有限公司`;
    await registerEmployer(baseURL!, district, employerName);
    await fillReport(page, { name: '刘德胜', idNumber, employerName, siteAddress: `${place}安泰大街 9 号工地` });

    // the site address chose the district; he could change it on the step before
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByRole('button', { name: '上一步' }).click();
    await expect(page.getByLabel('交给哪个区的工会')).toHaveValue(district.organisation.id);
    await expect(page.getByText(`按工地地址选好了“${district.organisation.name}”，不对可以改`)).toBeVisible();
    await expectNoAxeViolations(page);
    await shots(page, 'worker-report-employer');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByLabel('一共欠您多少钱（元）')).toHaveValue('18600');
    await page.getByRole('button', { name: '下一步' }).click();

    // two photos from the gallery, as thumbnails he can remove
    const picker = page.getByLabel('拍照或选照片');
    await picker.setInputFiles([join(photoDir, '欠条.jpg'), join(photoDir, '工资表截图.png')]);
    const thumbnails = page.getByRole('list', { name: /已选 2 张/ }).getByRole('listitem');
    await expect(thumbnails).toHaveCount(2);
    await expect(thumbnails.first().getByRole('img', { name: '第 1 张照片' })).toHaveAttribute('src', /^blob:/);
    await expect(page.getByRole('button', { name: '删除第 2 张照片' })).toBeVisible();
    await expectNoAxeViolations(page);
    await shots(page, 'worker-report-photos');

    // the consent in plain words, then the receipt
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByText('身份证号加密保存。')).toBeVisible();
    await expectNoAxeViolations(page);
    await shots(page, 'worker-report-consent');
    await page.getByText('我看过了，同意工会这样使用我的信息').click();

    // a proof of work the API refuses (as a tampered or expired one): its words, a fresh one solved, and he sends again
    let reports = 0;
    await page.route('**/public/reports', async (route) => {
      reports += 1;
      if (reports > 1) return route.continue();
      const body = route.request().postDataJSON();
      await route.continue({ postData: JSON.stringify({ ...body, proof: { ...body.proof, solution: { ...body.proof.solution, derivedKey: '00' } } }) });
    });
    // his first photo's connection drops; the second goes through
    let releasePhoto!: () => void;
    const photoHeld = new Promise<void>((resolve) => (releasePhoto = resolve));
    let photos = 0;
    await page.route('**/public/reports/*/photos', async (route) => {
      photos += 1;
      if (photos > 1) return route.continue();
      await photoHeld;
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByRole('alert')).toContainText('页面的安全验证没有通过或已过期，请稍等几秒再提交一次（所填内容不会丢失）', { timeout: 30_000 });
    await expect(page.getByRole('heading', { name: /第 5 步，共 5 步/ })).toBeVisible();
    expect(workers.some((url) => url.includes('proof-of-work.worker'))).toBe(true);
    await page.getByRole('button', { name: '提交' }).click();

    // the report is in; the photos go up one by one
    await expect(page.getByRole('heading', { name: '反映已送到工会，正在上传照片' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('已上传 0 张，共 2 张')).toBeVisible();
    await expectNoAxeViolations(page);
    await shots(page, 'worker-report-uploading');
    releasePhoto();
    await expect(page.getByRole('heading', { name: '工会已收到您的反映' })).toBeVisible();
    const failed = page.getByRole('alert');
    await expect(failed).toContainText('第 1 张照片没传上去');
    await expect(failed).toContainText('无法连接服务器');
    await expect(page.getByText('照片：已上传 1 张')).toBeVisible();
    await shots(page, 'worker-receipt-photo-failed');
    await page.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(reports).toBe(2);
    expect(photos).toBe(3);
    await page.unrouteAll();

    const receiptNumber = (await page.getByTestId('receipt-number').innerText()).trim();
    const lookupCode = (await page.getByTestId('lookup-code').innerText()).trim();
    expect(receiptNumber).toMatch(/^[1-9]\d{3} \d{4} \d{4}$/);
    expect(lookupCode).toMatch(/^[A-Z2-9]{4} [A-Z2-9]{4}$/);
    await expect(page.getByText('照片：已上传 2 张')).toBeVisible();
    await expect(page.getByText(district.organisation.name, { exact: true })).toBeVisible();
    await expect(page.getByText(/^请在 \d{4}年\d{1,2}月\d{1,2}日 前等待工会联系$/)).toBeVisible();
    // the receipt as a picture to keep: pressed and held on a phone, or saved by the link
    const picture = page.getByRole('img', { name: `回执图片：回执号 ${receiptNumber}，查询码 ${lookupCode}` });
    await expect(picture).toHaveAttribute('src', /^blob:/);
    // drawn at twice the size shown, sharp on a phone's screen
    await expect.poll(() => picture.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1440);
    await expect(page.getByText('长按图片，保存到手机相册')).toBeVisible();
    const save = page.getByRole('link', { name: '保存图片' });
    await expect(save).toHaveAttribute('download', `欠薪反映回执-${receiptNumber.replace(/ /g, '')}.png`);
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    expect(download.suggestedFilename()).toBe(`欠薪反映回执-${receiptNumber.replace(/ /g, '')}.png`);
    await expectNoAxeViolations(page);
    await shots(page, 'worker-receipt');
    // a reload keeps the receipt: the code is shown only once
    await page.reload();
    await expect(page.getByTestId('lookup-code')).toHaveText(lookupCode);

    // straight to his report, both numbers filled in: waiting for the union
    await page.getByRole('button', { name: '查看办理进度' }).click();
    await expect(page.getByRole('heading', { name: '查询办理进度', level: 1 })).toBeVisible();
    await expect(page.getByLabel('回执号', { exact: true })).toHaveValue(receiptNumber);
    await expect(page.getByLabel('查询码', { exact: true })).toHaveValue(lookupCode);
    await expect(page.getByTestId('stage')).toHaveText('工会已收到您的反映，正在安排人处理。');
    await expect(page.getByText('刘*胜')).toBeVisible();

    // the district's intake clerk, at his desk, takes it from 网上反映 into a new case with the registered employer
    const clerk = await apiAs(baseURL!, district.clerk.username, STAFF_PASSWORD);
    const queue = await ok(await clerk.get('/worker-reports?pageSize=200'));
    const report = queue.items.find((item: { receiptNumber: string }) => item.receiptNumber === receiptNumber.replace(/ /g, ''));
    expect(report).toMatchObject({ workerName: '刘德胜', photoCount: 2, amountOwed: '18600.00', coWorkers: 12 });
    const clerkContext = await browser.newContext({ viewport: DESK, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL });
    const desk = await clerkContext.newPage();
    await logIn(desk, district.clerk.username);
    await desk.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '网上反映' }).click();
    const receipt = receiptNumber.replace(/ /g, '');
    await desk.getByRole('link', { name: `查看反映 ${receipt}` }).click();
    const drawer = desk.getByRole('dialog', { name: `网上反映 ${receipt}` });
    await expect(drawer).toContainText('工人上传的照片（2 张）');
    await drawer.getByRole('button', { name: '立案', exact: true }).click();
    const accept = desk.getByRole('dialog', { name: '立案：刘德胜 的反映' });
    await accept.getByRole('button', { name: `用这家：${employerName}` }).click();
    await accept.getByRole('combobox', { name: '调解员' }).click();
    await desk.locator('.ant-select-item-option', { hasText: '李调解员' }).click();
    await accept.getByRole('button', { name: '立案', exact: true }).click();
    await expect(desk).toHaveURL(/\/app\/cases\/[0-9a-f-]{36}$/);
    await expect(desk.getByRole('heading', { level: 1 })).toHaveText(/^SY\d+-\d{4}-\d{5}$/);
    const theCase = { id: /\/cases\/([0-9a-f-]{36})$/.exec(desk.url())![1], caseNumber: (await desk.getByRole('heading', { level: 1 }).textContent())! };
    await expect(desk.getByRole('row', { name: /刘德胜/ })).toContainText('¥18,600.00');
    await clerkContext.close();

    // the mediator confirms, schedules a session and records a first pay day on his phone
    const mediator = await apiAs(baseURL!, district.mediator.username, STAFF_PASSWORD);
    const caseUrl = `/cases/${theCase.id}`;
    await ok(await mediator.post(`${caseUrl}/transitions`, { data: { to: 'verifying' } }));
    const [claim] = (await ok(await mediator.get(`${caseUrl}/claims`))).items;
    await ok(await mediator.post(`${caseUrl}/claims/confirmations`, { data: { items: [{ claimId: claim.id, amountConfirmed: '18600.00' }] } }));
    await ok(await mediator.post(`${caseUrl}/transitions`, { data: { to: 'mediating' } }));
    const sessionDay = shanghaiToday(3);
    const session = await ok(
      await mediator.post(`${caseUrl}/sessions`, { data: { startsAt: `${sessionDay}T09:30:00+08:00`, endsAt: `${sessionDay}T11:00:00+08:00`, place: '顺义区职工服务中心二楼' } }),
    );
    const mediatorContext = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL });
    const phone = await mediatorContext.newPage();
    await logIn(phone, district.mediator.username);
    await phone.goto(`/app/day/cases/${theCase.id}/pay-day`);
    await expect(phone.getByRole('heading', { name: '登记发放工资', level: 1 })).toBeVisible();
    await phone.getByLabel('付款方').selectOption({ label: '用人单位' });
    await phone.getByLabel('支付方式').selectOption({ label: '转账至工人银行卡' });
    await phone.getByRole('button', { name: '全选' }).click();
    await phone.getByLabel('刘德胜 发放金额（元）', { exact: true }).fill('9300.00');
    await phone.getByRole('button', { name: '登记 1 人的发放' }).click();
    await expect(phone.getByTestId('case-status')).toHaveText('支付中');
    await mediatorContext.close();

    // he sees his own money, the next session and who handles it
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByTestId('stage')).toHaveText('正在付款，欠您的钱会陆续付给您。');
    const money = page.getByRole('region', { name: '您的工资' });
    await expect(money).toContainText('¥18,600.00');
    await expect(page.getByTestId('paid')).toHaveText('¥9,300.00');
    await expect(page.getByTestId('outstanding')).toHaveText('¥9,300.00');
    const upcoming = page.getByRole('region', { name: '下次调解' });
    await expect(upcoming).toContainText('09:30');
    await expect(upcoming).toContainText('顺义区职工服务中心二楼');
    await expect(page.getByRole('region', { name: '您的反映' })).toContainText(theCase.caseNumber);
    await expect(page.getByRole('button', { name: '满意', exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await shots(page, 'worker-follow-paying');

    // paid in full and closed (through the API): he rates it, in three big buttons and his own words
    await ok(await mediator.post(`${caseUrl}/payouts`, { data: { paidOn: shanghaiToday(), payerKind: 'employer', channel: 'bank_transfer', items: [{ claimId: claim.id, amount: '9300.00' }] } }));
    await ok(await mediator.post(`${caseUrl}/sessions/${session.id}/cancel`, { data: {} }));
    await ok(await mediator.post(`${caseUrl}/transitions`, { data: { to: 'closed', outcome: 'paid_in_full' } }));
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByTestId('stage')).toHaveText('这件事已经办完了。');
    await expect(page.getByTestId('outstanding')).toHaveText('¥0.00');
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect(page.getByRole('alert')).toContainText('请选一个');
    await page.getByRole('button', { name: '基本满意' }).click();
    await expect(page.getByRole('button', { name: '基本满意' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByLabel('还想说点什么（可不填）').fill('钱到了，就是拖得久了点');
    await expectNoAxeViolations(page);
    await shots(page, 'worker-follow-rate');
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect(page.getByText('谢谢您的评价！')).toBeVisible();
    await expect(page.getByText('您的评价：基本满意')).toBeVisible();
    await expectNoAxeViolations(page);
    await shots(page, 'worker-follow-rated');
    // the rating answered the case's callback
    const [callback] = await ok(await mediator.get(`${caseUrl}/callbacks`));
    expect(callback).toMatchObject({ status: 'answered', answeredOnline: true, satisfaction: 'basically_satisfied' });
  });

  test('a wrong code and a guessed receipt number get the same answer, which tells nothing', async ({ page, baseURL }) => {
    await fromAddress(page);
    const real = await reportThroughApi(baseURL!, district.organisation.id);
    await page.goto('/app/report/follow');
    await page.getByLabel('回执号', { exact: true }).fill(real.receiptNumber);
    await page.getByLabel('查询码', { exact: true }).fill('abcd-2345');
    await page.getByRole('button', { name: '查询' }).click();
    const refusal = page.getByRole('alert');
    await expect(refusal).toContainText('回执号或查询码不对，请对照回执图片重新输入');
    const wrongCode = await refusal.innerText();
    await expect(page.getByRole('region', { name: '办理进度' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await shots(page, 'worker-follow-refused');

    await page.getByLabel('回执号', { exact: true }).fill('1000 0000 0001');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(refusal).toBeVisible();
    expect(await refusal.innerText()).toBe(wrongCode);
    await expect(page.getByRole('region', { name: '办理进度' })).toHaveCount(0);
  });

  test('a flood from one address is stopped at the sixth report, in the API’s words, with nothing typed lost', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const address = await fromAddress(page);
    for (let n = 0; n < 5; n++) await reportFrom(baseURL!, address, district.organisation.id);
    await fillReport(page, { name: '孙建国', idNumber: residentId(70_000 + next()), employerName: '北京某某建筑劳务有限公司', siteAddress: '工地', organisationName: district.organisation.name });
    await agreeAndSend(page);
    const refusal = page.getByRole('alert');
    await expect(refusal).toContainText('从这个网络一天内提交的反映已达 5 条', { timeout: 30_000 });
    await expect(refusal).toContainText('没有提交成功');
    await expect(page.getByRole('heading', { name: /第 5 步，共 5 步/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await shots(page, 'worker-report-flood');
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByRole('button', { name: '上一步' }).click();
    await expect(page.getByLabel('一共欠您多少钱（元）')).toHaveValue('18600');
  });

  test('a photo too large to send is refused at the picker', async ({ page }) => {
    await fromAddress(page);
    await fillReport(page, { name: '周建华', idNumber: residentId(70_000 + next()), employerName: '北京某某建筑劳务有限公司', siteAddress: `${place}安泰大街` });
    await page.getByLabel('拍照或选照片').setInputFiles([join(photoDir, 'IMG_0001.HEIC'), join(photoDir, '欠条.jpg')]);
    await expect(page.getByRole('alert')).toContainText('“IMG_0001.HEIC”太大了（超过 5 MB），传不上去');
    const thumbnails = page.getByRole('list', { name: /已选 1 张/ }).getByRole('listitem');
    await expect(thumbnails).toHaveCount(1);
    await expect(thumbnails.getByRole('img', { name: '第 1 张照片' })).toBeVisible();
    await expectNoAxeViolations(page);
    await shots(page, 'worker-report-photo-too-large');
    // in English too, what was said and what was picked stay
    await page.getByRole('button', { name: /English/ }).click();
    await expect(page.getByRole('heading', { name: /Step 4 of 5/ })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('“IMG_0001.HEIC” is too large (over 5 MB) to send');
    await expect(page.getByRole('list', { name: '1 chosen, at most 6' }).getByRole('listitem')).toHaveCount(1);
    await expectNoAxeViolations(page);
    await shots(page, 'worker-report-photos-english');
    await page.getByRole('button', { name: /中文/ }).click();
    await expect(page.getByRole('heading', { name: /第 4 步，共 5 步/ })).toBeVisible();
  });

  test('a script in a name is refused at the name, in the API’s words, and no report is made', async ({ page, baseURL }) => {
    await fromAddress(page);
    // nothing typed into the form may ever run: a script that did would open this dialog
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const clerk = await apiAs(baseURL!, district.clerk.username, STAFF_PASSWORD);
    const before = (await ok(await clerk.get('/worker-reports?status=all&pageSize=200'))).total;
    const idNumber = residentId(70_000 + next());
    await fillReport(page, { name: '<script>alert(1)</script>', idNumber, employerName: '北京某某建筑劳务有限公司', siteAddress: `${place}安泰大街` });
    await agreeAndSend(page);

    // back on the first step, the API's words under the name; everything else as he typed it
    await expect(page.getByRole('heading', { name: /第 1 步，共 5 步/ })).toBeVisible({ timeout: 30_000 });
    const name = page.getByLabel('姓名（和身份证上一样）');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#name-error')).toContainText('请填写身份证上的姓名：只能是汉字或字母，少数民族姓名可用“·”');
    await expect(name).toHaveValue('<script>alert(1)</script>');
    await expect(page.getByLabel('身份证号')).toHaveValue(idNumber);
    await expectNoAxeViolations(page);
    await shots(page, 'worker-report-name-refused');
    expect((await ok(await clerk.get('/worker-reports?status=all&pageSize=200'))).total).toBe(before);

    // corrected, it goes; the answer is lost on the way, and sent again it makes no second report
    await name.fill('周建华');
    await expect(page.locator('#name-error')).toHaveCount(0);
    for (let step = 0; step < 4; step++) await page.getByRole('button', { name: '下一步' }).click();
    let sends = 0;
    await page.route('**/public/reports', async (route) => {
      sends += 1;
      if (sends > 1) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByRole('alert')).toContainText('无法连接服务器', { timeout: 30_000 });
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByRole('heading', { name: '工会已收到您的反映' })).toBeVisible({ timeout: 30_000 });
    expect(sends).toBe(2);
    expect((await ok(await clerk.get('/worker-reports?status=all&pageSize=200'))).total).toBe(before + 1);
    expect(dialogs).toEqual([]);
  });
});
