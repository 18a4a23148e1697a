import { chromium, expect, test } from '@playwright/test';
import lighthouse from 'lighthouse';
import { freePort } from '../support/servers';
import { PAGES } from './helpers';

/**
 * Lighthouse, mobile preset with its default simulated throttling, on the built home page, five runs. The median of the five scores of
 * each category is gated (Lighthouse's advice, docs/variability.md; its own `computeMedianRun` picks the run closest to the median FCP
 * and TTI, which here says nothing of the score). Accessibility, best practices and SEO must be 100. Performance must be at least 95: the
 * goal is 100 (issue 4), but the score is decided by the total blocking time alone, and on this 2-core machine even a minimal page (a
 * title and a paragraph) spends 2–88 ms of the ~95 ms a 100 allows, in Chrome's own tasks stretched by the wait for a core; single runs
 * of the home page score 97–100 (BENCHMARKS.md, « Lighthouse on this machine »). 95 still fails on any real regression: a script, a heavy
 * image, a layout shift. A median below 100 is reported as a warning annotation.
 */

const RUNS = 5;
const MINIMUM_PERFORMANCE = 95;

type LighthouseReport = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

// One site after the other: Lighthouse measures main-thread time, which another run beside it would inflate.
test.describe.configure({ mode: 'serial' });

// Both sites: the fixture site has the parts the shipped one lacks (past supports, reasons, an SVG logo).
for (const site of PAGES) {
  test(`Lighthouse on ${site.label}: 100 in accessibility, best practices and SEO, at least 95 in performance`, async ({
    launchOptions,
  }, testInfo) => {
    // Lighthouse emulates its own phone; the `lighthouse` project runs this once, after the others.
    test.setTimeout(300_000);

    // The same Chromium as the other tests, reachable by Lighthouse through DevTools.
    const port = await freePort();
    const browser = await chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), `--remote-debugging-port=${port}`] });
    try {
      const runs: LighthouseReport[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const result = await lighthouse(site.url, { port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] });
        expect(result, 'Lighthouse returned no result').toBeDefined();
        expect(result!.lhr.runtimeError?.message, 'Lighthouse could not load the page').toBeUndefined();
        runs.push(result!.lhr);
      }
      const scoreOf = (run: LighthouseReport, id: Category) => Math.round((run.categories[id]?.score ?? 0) * 100);
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
      const scores = Object.fromEntries(CATEGORIES.map((id) => [id, median(runs.map((run) => scoreOf(run, id)))]));
      // For each category, the run that scored its median: its audits explain that score.
      const medianRun = (id: Category) => runs.find((run) => scoreOf(run, id) === scores[id]) ?? runs[0]!;
      const lhr = medianRun('performance');
      await testInfo.attach('lighthouse.json', { body: JSON.stringify(lhr, null, 2), contentType: 'application/json' });

      // Every audit that cost points, listed so that a failure says what to fix.
      const failing = CATEGORIES.flatMap((id) => {
        const run = medianRun(id);
        return (run.categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .flatMap((ref) => run.audits[ref.id] ?? [])
          .filter((audit) => audit.score !== null && audit.score < 1)
          .map(
            (audit) => `${id} › ${audit.id}: ${audit.title} (score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''})`,
          );
      });
      const runsTbt = runs.map((run) => `${scoreOf(run, 'performance')} ${run.audits['total-blocking-time']?.displayValue}`);
      console.log('Lighthouse runs (performance, TBT):', runsTbt.join(' | '));
      const [weight, lcp] = ['total-byte-weight', 'largest-contentful-paint'].map((id) => lhr.audits[id]?.displayValue);
      console.log('Lighthouse medians', scores, weight, lcp);
      if ((scores['performance'] ?? 0) < 100) {
        testInfo.annotations.push({
          type: 'warning',
          description: `Lighthouse performance ${scores['performance']} (goal 100):\n${failing.join('\n')}`,
        });
      }
      const message = `Lighthouse scores ${JSON.stringify(scores)}; audits below 1:\n${failing.join('\n')}`;
      expect(scores['performance'], message).toBeGreaterThanOrEqual(MINIMUM_PERFORMANCE);
      expect({ ...scores, performance: 100 }, message).toEqual({ performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 });
    } finally {
      await browser.close();
    }
  });
}
