import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PAGES } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Both sites: the fixture site has what the shipped one lacks (a past section, a reason, an SVG logo…).
for (const site of PAGES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no WCAG 2.2 AA violation in ${colorScheme} mode on ${site.label}`, async ({ page }) => {
      // The visitor's system prefers this colour scheme.
      await page.emulateMedia({ colorScheme });
      await page.goto(site.url);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');

      // Run axe on the whole page with the WCAG 2.0/2.1/2.2 A and AA rules.
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();

      // None: on failure, list each rule, the elements and what is wrong with them.
      const violations = results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary })),
      }));
      expect(violations, `axe violations in ${colorScheme} mode`).toEqual([]);
    });
  }
}
