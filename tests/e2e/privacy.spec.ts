import { expect, test } from '@playwright/test';
import { PAGES, visitToTheEnd } from './helpers';

/**
 * Private and safe by design: no request to another host, no cookie, a Content Security Policy that the page never violates (no
 * 'unsafe-inline' for scripts), and links that send no referrer. The one place that checks where the page's requests go.
 */

for (const site of PAGES) {
  test(`privacy on ${site.label}: a CSP and a referrer policy, and a visit that stays on the site without a fault`, async ({
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

    // Something was loaded (the recorder works), nothing from elsewhere, no cookie, and no fault of any kind.
    expect(network.requested.length, 'requests recorded').toBeGreaterThan(1);
    expect.soft(network.foreign, 'requests to another host').toEqual([]);
    expect.soft(await context.cookies(), 'cookies').toEqual([]);
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect.soft(violations, 'CSP violations').toEqual([]);
    expect.soft(network.faults, 'failed requests, error statuses, console and page errors').toEqual([]);

    // The policy the page declares: nothing by default, images from the site, styles by hash only, scripts never inline.
    const csp = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives).toMatchObject({
      'default-src': ["'none'"],
      'img-src': ["'self'"],
      'style-src': expect.arrayContaining([expect.stringMatching(/^'sha256-/)]),
    });
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
  });
}
