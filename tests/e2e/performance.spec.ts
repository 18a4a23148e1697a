import { expect, test } from '@playwright/test';
import { MAX_IMAGE_BYTES } from '../support/budgets';
import { scrollToBottom, visitToTheEnd } from './helpers';

/**
 * Budgets of the home page with the shipped content: no layout shift, ≤ 150 KB in all, no image over 60 KiB. (« No JavaScript » is
 * page.spec.ts's, where the page's requests go is privacy.spec.ts's.)
 */

const TOTAL_BUDGET_BYTES = 150 * 1024;

test('nothing moves while the page and its logos load: cumulative layout shift is 0', async ({ page }) => {
  // Layout shifts are recorded from the very first paint, before any logo arrives.
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { __shifts: number[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/');
  await scrollToBottom(page);
  const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
  expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
});

test('the whole page, scrolled to the end, weighs at most 150 KB, and no image more than 60 KiB', async ({ page }) => {
  const { responses } = await visitToTheEnd(page);
  const total = responses.reduce((sum, response) => sum + response.bytes, 0);
  console.log(`${test.info().project.name}: ${responses.length} responses, ${(total / 1024).toFixed(1)} KB`);
  expect(total, responses.map((response) => `${response.bytes} ${response.url}`).join('\n')).toBeLessThanOrEqual(TOTAL_BUDGET_BYTES);

  // Every image downloaded, at most 60 KiB (the same budget as the press-kit build test).
  const images = responses.filter((response) => response.type === 'image');
  expect(images.length, 'images were downloaded').toBeGreaterThan(0);
  expect
    .soft(
      images.filter((image) => image.bytes > MAX_IMAGE_BYTES),
      `images over ${MAX_IMAGE_BYTES} bytes`,
    )
    .toEqual([]);
});
