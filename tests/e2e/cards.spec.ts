import { expect, test } from '@playwright/test';
import { cardFor, loadedLogo, SEED } from './helpers';

test('every seed organisation has a card with its exact name, its exact link and its logo', async ({ page }) => {
  await page.goto('/');

  for (const { name, url } of SEED) {
    await test.step(`« ${name} » → ${url}`, async () => {
      // One card (list item) whose level-3 heading is the organisation's name.
      const card = cardFor(page, name);
      const cards = await card.count();
      expect.soft(cards, `cards named « ${name} »`).toBe(1);
      if (cards !== 1) return;

      // The heading holds the card's one main link: the exact name, the exact address.
      const heading = card.getByRole('heading', { level: 3 });
      await expect.soft(heading.getByRole('link'), `links in the heading of « ${name} »`).toHaveCount(1);
      await expect.soft(heading.getByRole('link', { name, exact: true }), `main link of « ${name} »`).toHaveAttribute('href', url);
      // No other link on the page carries the organisation's name.
      await expect.soft(page.getByRole('link', { name, exact: true }), `links named « ${name} »`).toHaveCount(1);

      // The logo, once scrolled into view (it may be lazy), has loaded in a modern format, chosen from a
      // <picture> offering AVIF and WebP.
      const logo = await loadedLogo(card);
      const label = `logo of « ${name} » (${logo.currentSrc})`;
      expect.soft(logo.naturalWidth, `${label}: decoded`).toBeGreaterThan(0);
      expect.soft(logo.path, `${label}: format`).toMatch(/\.(avif|webp)$/);
      expect.soft(logo.sourceTypes, `${label}: <source> types`).toEqual(expect.arrayContaining(['image/avif', 'image/webp']));

      // Decorative (the name says it all), and its box is reserved before it loads: no layout shift.
      expect.soft(logo.alt, `${label}: alt`).toBe('');
      expect.soft(Number(logo.width), `${label}: width attribute vs rendered width`).toBeCloseTo(logo.cssWidth, 0);
      expect.soft(Number(logo.height), `${label}: height attribute vs rendered height`).toBeCloseTo(logo.cssHeight, 0);
    });
  }
});

test.describe('clicking', () => {
  // The network is closed: answer for the organisations' sites.
  test.beforeEach(async ({ page }) => {
    for (const site of ['https://www.blast-info.fr/**', 'https://www.youtube.com/**', 'https://fr.ulule.com/**'])
      await page.route(site, (route) => route.fulfill({ body: 'ok', contentType: 'text/plain' }));
    await page.goto('/');
  });

  test('the logo area of a card follows the card’s link', async ({ page }) => {
    // Find the middle of the BLAST logo, away from the name.
    const card = cardFor(page, 'BLAST');
    await loadedLogo(card);
    const [cardBox, logoBox, nameBox] = await Promise.all([
      card.boundingBox(),
      card.locator('img').boundingBox(),
      card.getByRole('heading', { level: 3 }).boundingBox(),
    ]);
    if (!cardBox || !logoBox || !nameBox) throw new Error('the BLAST card is not laid out');
    const position = { x: logoBox.x + logoBox.width / 2 - cardBox.x, y: logoBox.y + logoBox.height / 2 - cardBox.y };
    expect(cardBox.y + position.y, 'the click lands above the name').toBeLessThan(nameBox.y);

    // Click there: the browser goes to BLAST.
    await card.click({ position });
    await expect(page).toHaveURL('https://www.blast-info.fr/');
  });

  test('a link inside a description leads to its own address, not the card’s', async ({ page }) => {
    // SOCIETER's description mentions « Mes Chers Contemporains » with a link.
    const youtube = 'https://www.youtube.com/playlist?list=PLGSaf5hn5IaY7CObyjKyMH-Jeom0mMyo_';
    const link = cardFor(page, 'SOCIETER').getByRole('link', { name: 'Mes Chers Contemporains' });
    await expect(link).toHaveAttribute('href', youtube);

    // Clicking it opens the playlist (a short timeout: if the card's link covers it, Playwright says so).
    await link.click({ timeout: 10_000 });
    await expect(page).toHaveURL(youtube);
  });
});
