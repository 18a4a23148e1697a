import { expect, test } from '@playwright/test';
import { collectNetwork, FIXTURE_URL, PAGES, visitToTheEnd } from './helpers';

/**
 * Private and safe by design: no request to another host, no cookie, a Content Security Policy that the page never violates (no
 * 'unsafe-inline' for scripts), and links that send no referrer. The one place that checks where the page's requests go.
 */

for (const site of PAGES) {
  test.describe(`privacy on ${site.label}`, () => {
    test('a visit to the end stays on the site, without a fault: no other host, no cookie, no CSP violation, no failed request, no error', async ({
      page,
      context,
    }) => {
      // Violations are reported by the browser as events (and console errors, checked below with the other faults).
      await page.addInitScript(() => {
        const violations: string[] = [];
        (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
        document.addEventListener('securitypolicyviolation', (event) =>
          violations.push(`${event.violatedDirective} blocked ${event.blockedURI}`),
        );
      });

      // Every request, response, console message and page error from the first byte, scrolled to the end so every lazy logo loads.
      const network = await visitToTheEnd(page, site.url);

      // Something was loaded (the recorder works), nothing from elsewhere, and no fault of any kind.
      expect(network.requested.length, 'requests recorded').toBeGreaterThan(1);
      expect.soft(network.foreign, 'requests to another host').toEqual([]);
      expect.soft(await context.cookies(), 'cookies').toEqual([]);
      expect
        .soft(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations), 'CSP violations')
        .toEqual([]);
      expect.soft(network.faults, 'failed requests, error statuses, console and page errors').toEqual([]);
    });

    test('the page declares its CSP and referrer policy', async ({ page }) => {
      await page.goto(site.url);
      const csp = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .filter((parts) => parts[0])
          .map(([name, ...values]) => [name!, values]),
      );
      expect(directives.get('default-src')).toEqual(["'none'"]);
      expect(directives.get('img-src')).toEqual(["'self'"]);
      // Styles by hash only; scripts never inline.
      expect(directives.get('style-src')?.some((value) => value.startsWith("'sha256-"))).toBe(true);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
    });
  });
}

test('an SVG logo opened on its own (« open image in new tab ») runs nothing and fetches nothing', async ({ page }) => {
  // The fixture site has a vector logo, published as the file itself.
  await page.goto(FIXTURE_URL);
  const svgUrl = await page
    .locator('img[src$=".svg"]')
    .first()
    .evaluate((img: HTMLImageElement) => img.src);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const network = await collectNetwork(page, new URL(svgUrl).origin);

  // Opened as a document of the site's origin, where a script in it would run.
  const response = await page.goto(svgUrl);
  await network.settled();
  expect(response?.headers()['content-type']).toBe('image/svg+xml');
  expect(network.requested, 'requests made by the SVG document').toEqual([svgUrl]);
  expect(network.faults).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => document.querySelectorAll('script, foreignObject, [onload], [onclick]').length)).toBe(0);
});
