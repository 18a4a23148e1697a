import { expect, test } from '@playwright/test';
import { cardFor, FIXTURE_URL, loadedLogo, pathOf } from './helpers';

test('the fixture site: an SVG logo stays SVG, drafts stay out, « Soutenu depuis » and the call to action show', async ({ page }) => {
  await page.goto(FIXTURE_URL);
  const card = cardFor(page, 'Collectif Vectoriel');
  await expect(card, 'the « Collectif Vectoriel » card').toHaveCount(1);

  await test.step('an SVG logo is served as SVG, in a plain <img>', async () => {
    // Its logo is a bare <img>, not a <picture> of rasterized copies.
    await expect.soft(card.locator('picture')).toHaveCount(0);
    const logo = await loadedLogo(card);
    expect.soft(logo.parentTag).not.toBe('picture');

    // The SVG file itself was loaded.
    expect.soft(pathOf(logo.currentSrc), 'the file shown').toMatch(/\.svg$/);
    expect.soft(logo.naturalWidth, `${logo.currentSrc} decoded`).toBeGreaterThan(0);
    expect.soft(logo.alt).toBe('');
  });

  await test.step('a draft is not published', async () => {
    // « Brouillon en cours » is nowhere: no card, no text.
    await expect.soft(cardFor(page, 'Brouillon en cours')).toHaveCount(0);
    await expect.soft(page.getByText('Brouillon en cours')).toHaveCount(0);
  });

  await test.step('« Soutenu depuis » with a machine-readable date', async () => {
    const since = card.getByText('Soutenu depuis');
    await expect.soft(since).toBeVisible();
    await expect.soft(since.locator('time')).toHaveAttribute('datetime', '2023-09-15');
  });

  await test.step('the call to action leads elsewhere than the card, so it is a real link', async () => {
    const cta = card.getByRole('link', { name: 'Faire un don', exact: true });
    await expect.soft(cta).toBeVisible();
    await expect.soft(cta).toHaveAttribute('href', 'https://vectoriel.example/don');
  });
});
