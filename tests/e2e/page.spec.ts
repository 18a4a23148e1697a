import { expect, test } from '@playwright/test';
import { allCards, collectNetwork, scrollToBottom, SITE_URL, visitToTheEnd } from './helpers';

test.describe('the page', () => {
  test('is a French page titled « Je soutiens », with one h1 and a working table of contents', async ({ page }) => {
    // Open the page as a visitor would.
    await page.goto('/');

    // French, titled « Je soutiens », a single main heading.
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveTitle('Je soutiens');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

    // The categories navigation lists in-page links, one per section of the page.
    const navLinks = page.getByRole('navigation', { name: 'Catégories' }).getByRole('link');
    const hrefs = await navLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length, 'the navigation has links').toBeGreaterThan(0);
    await expect(page.getByRole('main').getByRole('region')).toHaveCount(hrefs.length);

    for (const href of hrefs) {
      // Each link points inside the page…
      expect(href, 'a navigation link is an in-page link').toMatch(/^#./);
      const id = decodeURIComponent(href.slice(1));
      const target = page.locator(`[id="${id}"]`);
      await expect(target, `exactly one element has the id of ${href}`).toHaveCount(1);

      // …to a heading…
      const tag = await target.evaluate((element) => element.tagName.toLowerCase());
      expect(tag, `${href} targets a heading`).toMatch(/^h[2-6]$/);

      // …that names a section of the page (its region is labelled by that heading).
      const label = (await target.innerText()).trim();
      const region = page.getByRole('region', { name: label, exact: true });
      await expect(region, `one section is named « ${label} »`).toHaveCount(1);
      await expect(region).toHaveAttribute('aria-labelledby', id);
      await expect(region.locator(`[id="${id}"]`)).toHaveCount(1);
    }
  });

  test('ships no JavaScript at all', async ({ page }) => {
    const network = await collectNetwork(page, new URL(SITE_URL).origin);

    // The raw HTML the server sends: no executable <script>, inline or external. The only <script>
    // is the JSON-LD data block for search engines (schema.org), which browsers never execute.
    const response = await page.goto('/');
    expect(response?.ok(), 'the page is served').toBe(true);
    const html = (await response?.text()) ?? '';
    expect(html).toContain('<html');
    expect.soft(html.match(/<script\b[^>]*>/gi) ?? [], 'script tags in the served HTML').toEqual(['<script type="application/ld+json">']);

    // The live DOM agrees: no <script>, no inline event handler (onclick=…), no javascript: address.
    await expect.soft(page.locator('script:not([type="application/ld+json"])'), 'executable <script> elements in the DOM').toHaveCount(0);
    const handlers = await page.evaluate(() =>
      Array.from(document.querySelectorAll('*')).flatMap((element) =>
        Array.from(element.attributes)
          .filter((attribute) => /^on/i.test(attribute.name))
          .map((attribute) => `<${element.localName} ${attribute.name}>`),
      ),
    );
    expect.soft(handlers, 'inline event handlers').toEqual([]);
    await expect.soft(page.locator('[href^="javascript:" i], [src^="javascript:" i]')).toHaveCount(0);

    // Read to the end, every lazy logo loaded: not one script was downloaded on the way.
    await scrollToBottom(page);
    await network.settled();
    const scripts = (await network.responses()).filter((received) => received.type === 'script');
    expect.soft(scripts, 'scripts downloaded').toEqual([]);
  });

  test('loads and scrolls to the end without a failed request, an error status or a console error', async ({ page }) => {
    // Record every request, response, console message and page error from the first byte, and read the page to
    // the bottom so every lazy logo loads.
    const network = await visitToTheEnd(page);

    // Something was loaded (the recorder works), and no failure of any kind (each list is checked, so one
    // failure does not hide the others).
    expect(network.requested.length, 'requests recorded').toBeGreaterThan(1);
    expect.soft(network.failed, 'failed requests').toEqual([]);
    expect.soft(network.badStatus, 'responses with status ≥ 400').toEqual([]);
    expect.soft(network.consoleErrors, 'console errors').toEqual([]);
    expect.soft(network.pageErrors, 'page errors').toEqual([]);
  });

  test('loads the first three logos at once, with a high priority, and the others lazily', async ({ page }) => {
    // The logos of the cards, in page order.
    await page.goto('/');
    const logos = allCards(page).locator('img');
    const attributes = await logos.evaluateAll((images) =>
      images.map((img) => ({
        src: img.getAttribute('src'),
        loading: img.getAttribute('loading'),
        fetchpriority: img.getAttribute('fetchpriority'),
      })),
    );
    expect(attributes.length, 'more than three cards').toBeGreaterThan(3);

    // The first row: eager and high priority.
    for (const logo of attributes.slice(0, 3)) {
      expect.soft(logo, `first-row logo ${logo.src}`).toMatchObject({ loading: 'eager', fetchpriority: 'high' });
    }

    // Everything below: lazy, and never competing with the first row.
    for (const logo of attributes.slice(3)) {
      expect.soft(logo.loading, `loading of ${logo.src}`).toBe('lazy');
      expect.soft(logo.fetchpriority, `fetchpriority of ${logo.src}`).not.toBe('high');
    }
  });
});
