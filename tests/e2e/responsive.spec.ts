import { expect, test } from '@playwright/test';
import { allCards, PAGES } from './helpers';

// Every page: the fixture one has a very long name and description.
for (const site of PAGES) {
  test(`nothing overflows horizontally on ${site.label}, from 320 to 2560 px`, async ({ page }) => {
    await page.goto(site.url);
    const cards = allCards(page);
    await expect(cards.first()).toBeVisible();

    for (const width of [320, 390, 768, 1440, 2560]) {
      await page.setViewportSize({ width, height: 900 });
      const layout = await cards.evaluateAll((items) => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        cards: items.map((card) => {
          const { left, right, width } = card.getBoundingClientRect();
          const name = card.querySelector('h3')?.textContent?.trim() ?? '?';
          return { name, left, right, width, contentWidth: card.scrollWidth, innerWidth: card.clientWidth };
        }),
      }));

      // The page itself does not scroll sideways (the layout viewport is the window without its scroll bar).
      expect.soft(layout.scrollWidth, `${width}px: page width vs layout viewport`).toBeLessThanOrEqual(layout.clientWidth);

      // Every card fits in the window, and nothing inside a card is wider than the card (and clipped).
      for (const card of layout.cards) {
        const label = `${width}px: « ${card.name} »`;
        expect.soft(card.width, `${label} is wider than the window`).toBeLessThanOrEqual(layout.clientWidth);
        expect.soft(card.left, `${label} starts left of the window`).toBeGreaterThanOrEqual(0);
        expect.soft(card.right, `${label} ends right of the window`).toBeLessThanOrEqual(layout.clientWidth + 0.5);
        expect.soft(card.contentWidth, `${label} has content wider than itself`).toBeLessThanOrEqual(card.innerWidth);
      }
    }
  });
}
