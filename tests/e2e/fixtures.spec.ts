import { expect, test } from '@playwright/test';
import { cardFor, FIXTURE_URL, loadedLogo } from './helpers';

test('the fixture site: an SVG logo stays SVG, drafts stay out, the call to action shows', async ({ page }) => {
  await page.goto(FIXTURE_URL);
  const card = cardFor(page, 'Collectif Vectoriel');

  await test.step('an SVG logo is served as SVG, in a plain <img>, not a <picture> of rasterized copies', async () => {
    await expect.soft(card.locator('picture')).toHaveCount(0);
    const logo = await loadedLogo(card);
    expect.soft(logo.path, 'the file shown').toMatch(/\.svg$/);
    expect.soft(logo.naturalWidth, `${logo.currentSrc} decoded`).toBeGreaterThan(0);
    expect.soft(logo.alt).toBe('');
  });

  await test.step('a draft is not published: no card, no text', async () => {
    await expect.soft(page.getByText('Brouillon en cours')).toHaveCount(0);
  });

  await test.step('the call to action leads elsewhere than the card, so it is a real link', async () => {
    await expect
      .soft(card.getByRole('link', { name: 'Faire un don', exact: true }))
      .toHaveAttribute('href', 'https://vectoriel.example/don');
  });
});
