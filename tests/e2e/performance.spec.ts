import { expect, test } from '@playwright/test';
import { collectNetwork, scrollToBottom, SITE_URL } from './helpers';

/** Budgets of the home page with the shipped content: no layout shift, ≤ 150 KB in all, no JavaScript. */

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

test('the whole page, scrolled to the end, weighs at most 150 KB and has no script', async ({ page }) => {
  const network = await collectNetwork(page, new URL(SITE_URL).origin);
  const sizes: Promise<{ url: string; type: string; bytes: number }>[] = [];
  page.on('response', (response) =>
    sizes.push(
      response
        .body()
        .then((body) => ({ url: response.url(), type: response.request().resourceType(), bytes: body.length }))
        .catch(() => ({ url: response.url(), type: response.request().resourceType(), bytes: 0 })),
    ),
  );
  await page.goto('/');
  await scrollToBottom(page);
  await network.settled();
  const responses = await Promise.all(sizes);
  const total = responses.reduce((sum, response) => sum + response.bytes, 0);
  console.log(`${test.info().project.name}: ${responses.length} responses, ${(total / 1024).toFixed(1)} KB`);
  expect(responses.filter((response) => response.type === 'script')).toEqual([]);
  expect(total, responses.map((response) => `${response.bytes} ${response.url}`).join('\n')).toBeLessThanOrEqual(TOTAL_BUDGET_BYTES);
});
