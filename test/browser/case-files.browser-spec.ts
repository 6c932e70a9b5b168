import { expect, test } from '@playwright/test';
import { JPEG_1X1, PNG_1X1, PROGRAM_AS_JPEG } from '../factories/evidence-files';
import { expectNoAxeViolations } from './support/axe';
import { logIn, makeDistrict, openCase, screenshots } from './support/service';

/** Evidence files on the case page: a photo and a scan uploaded, shown as thumbnails; a renamed program refused in words. */
test.describe('evidence files on the case page', () => {
  let district: Awaited<ReturnType<typeof makeDistrict>>;
  let theCase: { id: string; caseNumber: string };

  test.beforeAll(async ({ baseURL }) => {
    district = await makeDistrict(baseURL!);
    theCase = await openCase(baseURL!, district, ['8000.00']);
  });

  test('the lawyer uploads an IOU photo and a wage sheet, and a program named .jpg is refused', async ({ page }) => {
    await logIn(page, district.lawyer.username);
    await page.goto(`/app/cases/${theCase.id}`);
    const card = page.locator('.ant-card').filter({ has: page.getByText('证据材料', { exact: true }) });
    await expect(card).toContainText('还没有证据材料');
    await card.getByLabel('说明（可不填）').fill('包工头手写欠条');
    await card.getByLabel('选择文件并上传').setInputFiles({ name: '欠条.jpg', mimeType: 'image/jpeg', buffer: JPEG_1X1 });
    await expect(page.getByText('已上传 欠条.jpg')).toBeVisible();
    await card.getByRole('combobox', { name: '材料类型' }).click();
    await page.locator('.ant-select-item-option', { hasText: '工资表' }).click();
    await card.getByLabel('选择文件并上传').setInputFiles({ name: '工资表.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await expect(page.getByText('已上传 工资表.png')).toBeVisible();
    const tiles = card.getByTestId('case-file');
    await expect(tiles).toHaveCount(2);
    await expect(tiles.first()).toContainText('工资表');
    await expect(tiles.last()).toContainText('包工头手写欠条');
    // the thumbnails are the photos themselves, fetched with the login
    await expect(tiles.first().locator('img')).toHaveAttribute('src', /^blob:/);
    await expect(tiles.last().locator('img')).toHaveAttribute('src', /^blob:/);

    await card.getByLabel('选择文件并上传').setInputFiles({ name: '欠条2.jpg', mimeType: 'image/jpeg', buffer: PROGRAM_AS_JPEG });
    await expect(card.getByRole('alert')).toContainText('这个文件是一个 Windows 程序');
    await expect(tiles).toHaveCount(2);
    await expectNoAxeViolations(page);
    await screenshots(page, 'case-files');

    // opened in a tab of its own
    const opened = page.waitForEvent('popup');
    await tiles.first().getByRole('button', { name: '打开 工资表.png' }).click();
    const tab = await opened;
    await expect.poll(() => tab.url()).toMatch(/^blob:/);
  });
});
