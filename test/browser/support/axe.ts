import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';

/** axe (WCAG 2 A and AA) finds nothing on the page as it is now; a failure names each rule and element. */
export async function expectNoAxeViolations(page: Page) {
  // an alert still fading in has, for a moment, too little contrast: judge the page at rest, once the
  // passing notices (antd's messages, antd-mobile's toasts, animated in script) have gone; an animation
  // that never ends (a spinner, a focus ring's pulse) is not waited for
  await expect(page.locator('.ant-message-notice, .adm-toast-mask')).toHaveCount(0, { timeout: 8000 });
  await page.evaluate(
    `Promise.all(document.getAnimations()
      .filter((animation) => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity)
      .map((animation) => animation.finished.catch(() => null)))`,
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}
