import { chromium, expect, test } from '@playwright/test';
import lighthouse from 'lighthouse';
import { freePort } from '../support/free-port';

/**
 * Lighthouse, mobile preset with its default simulated throttling, on the built home page:
 * performance, accessibility, best practices and SEO must all be 100.
 */

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

test('Lighthouse scores 100 in every category', async ({ launchOptions, baseURL }, testInfo) => {
  // Lighthouse emulates its own phone; the `lighthouse` project runs this once, after the others.
  test.setTimeout(120_000);

  // The same Chromium as the other tests, reachable by Lighthouse through DevTools.
  const port = await freePort();
  const browser = await chromium.launch({
    ...launchOptions,
    args: [...(launchOptions.args ?? []), `--remote-debugging-port=${port}`],
  });
  try {
    const result = await lighthouse(`${baseURL}/`, {
      port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: [...CATEGORIES],
    });
    expect(result, 'Lighthouse returned no result').toBeDefined();
    const lhr = result!.lhr;
    expect(lhr.runtimeError?.message, 'Lighthouse could not load the page').toBeUndefined();
    await testInfo.attach('lighthouse.json', { body: JSON.stringify(lhr, null, 2), contentType: 'application/json' });
    if (process.env['LIGHTHOUSE_REPORT']) await import('node:fs/promises').then((fs) => fs.writeFile(process.env['LIGHTHOUSE_REPORT']!, JSON.stringify(lhr)));

    // Every audit that cost points, listed so a failure says what to fix.
    const failing = CATEGORIES.flatMap((id) => {
      const category = lhr.categories[id];
      return (category?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit && audit.score !== null && audit.score < 1)
        .map((audit) => `${id} › ${audit!.id}: ${audit!.title} (score ${audit!.score}${audit!.displayValue ? `, ${audit!.displayValue}` : ''})`);
    });
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]));
    console.log('Lighthouse', scores, lhr.audits['total-byte-weight']?.displayValue, lhr.audits['largest-contentful-paint']?.displayValue);
    expect(failing, `Lighthouse scores ${JSON.stringify(scores)}; failing audits:\n${failing.join('\n')}`).toEqual([]);
    expect(scores).toEqual({ performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 });
  } finally {
    await browser.close();
  }
});
