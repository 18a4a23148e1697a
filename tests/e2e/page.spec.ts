import { expect, test } from '@playwright/test';
import { allCards, SITES, visitToTheEnd } from './helpers';

test.describe('the page', () => {
  for (const site of SITES) {
    test(`is a French page titled « Je soutiens », with one h1 and a table of contents that leads to each section and counts its cards, on ${site.label}`, async ({
      page,
    }) => {
      await page.goto(site.url);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(page).toHaveTitle('Je soutiens');
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

      // The categories navigation lists in-page links, one per section of the page (the past supports' included).
      const links = await page
        .getByRole('navigation', { name: 'Catégories' })
        .getByRole('link')
        .evaluateAll((links) =>
          links.map((link) => ({ href: link.getAttribute('href') ?? '', count: link.querySelector('.count')?.textContent })),
        );
      expect(links.length, 'the navigation has links').toBeGreaterThan(0);
      await expect(page.getByRole('main').getByRole('region')).toHaveCount(links.length);

      for (const { href, count } of links) {
        // Each link points inside the page, to a heading…
        expect(href, 'a navigation link is an in-page link').toMatch(/^#./);
        const id = decodeURIComponent(href.slice(1));
        const target = page.locator(`[id="${id}"]`);
        await expect(target, `exactly one element has the id of ${href}`).toHaveCount(1);
        expect(await target.evaluate((element) => element.tagName), `${href} targets a heading`).toMatch(/^H[2-6]$/);

        // …that names a section of the page (its region is labelled by that heading, inside it), whose cards it counts.
        const region = page.getByRole('region', { name: (await target.innerText()).trim(), exact: true });
        await expect(region, `one section is named by ${href}`).toHaveAttribute('aria-labelledby', id);
        await expect(region.locator(`[id="${id}"]`)).toHaveCount(1);
        await expect(region.getByRole('heading', { level: 3 }), `the cards ${href} counts`).toHaveCount(Number(count));
      }
    });
  }

  test('ships no JavaScript at all', async ({ page }) => {
    // Read to the end, every lazy logo loaded, every response recorded from the first byte.
    const { response, responses } = await visitToTheEnd(page);

    // The raw HTML the server sends: no executable <script>, inline or external. The only <script>
    // is the JSON-LD data block for search engines (schema.org), which browsers never execute.
    expect(response?.ok(), 'the page is served').toBe(true);
    const html = (await response?.text()) ?? '';
    expect.soft(html.match(/<script\b[^>]*>/gi) ?? [], 'script tags in the served HTML').toEqual(['<script type="application/ld+json">']);

    // The live DOM agrees: no <script>, no inline event handler (onclick=…), no javascript: address.
    await expect.soft(page.locator('script:not([type="application/ld+json"])'), 'executable <script> elements in the DOM').toHaveCount(0);
    await expect.soft(page.locator('xpath=//*[@*[starts-with(name(), "on")]]'), 'elements with inline event handlers').toHaveCount(0);
    await expect.soft(page.locator('[href^="javascript:" i], [src^="javascript:" i]')).toHaveCount(0);

    // Not one script was downloaded on the way.
    const scripts = responses.filter((received) => received.type === 'script');
    expect.soft(scripts, 'scripts downloaded').toEqual([]);
  });

  test('loads the first three logos at once, with a high priority, and the others lazily', async ({ page }) => {
    await page.goto('/');
    const logos = await allCards(page)
      .locator('img')
      .evaluateAll((images) =>
        images.map((img) => Object.fromEntries(['src', 'loading', 'fetchpriority'].map((name) => [name, img.getAttribute(name)]))),
      );
    expect(logos.length, 'more than three cards').toBeGreaterThan(3);
    // The first row, eager and high priority; everything below lazy, never competing with it.
    for (const [index, logo] of logos.entries()) {
      expect
        .soft(logo, `logo ${index + 1}, ${logo.src}`)
        .toMatchObject(index < 3 ? { loading: 'eager', fetchpriority: 'high' } : { loading: 'lazy' });
      if (index >= 3) expect.soft(logo.fetchpriority, `fetchpriority of ${logo.src}`).not.toBe('high');
    }
  });
});
