import { expect, test } from '@playwright/test';
import { allCards, PAGES } from './helpers';

const WIDTHS = [320, 390, 768, 1440, 2560];

// Both sites: the fixture one has a very long name and description.
for (const site of PAGES) {
  test(`nothing overflows horizontally on ${site.label}, from 320 to 2560 px`, async ({ page }) => {
    await page.goto(site.url);
    const cards = allCards(page);
    await expect(cards.first()).toBeVisible();

    for (const width of WIDTHS) {
      // Resize the window to this width.
      await page.setViewportSize({ width, height: 900 });

      // Measure the page and every card.
      const layout = await cards.evaluateAll((items) => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        innerWidth: window.innerWidth,
        cards: items.map((card) => {
          const rect = card.getBoundingClientRect();
          return {
            name: card.querySelector('h3')?.textContent?.trim() ?? '?',
            left: rect.left,
            right: rect.right,
            width: rect.width,
            contentWidth: card.scrollWidth,
            innerWidth: card.clientWidth,
          };
        }),
      }));

      // The page itself does not scroll sideways.
      expect.soft(layout.scrollWidth, `${width}px: page width vs window`).toBeLessThanOrEqual(layout.innerWidth);
      expect.soft(layout.scrollWidth, `${width}px: page width vs layout viewport`).toBeLessThanOrEqual(layout.clientWidth);

      // Every card fits in the window, and nothing inside a card is wider than the card (and clipped).
      expect(layout.cards.length).toBeGreaterThan(0);
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
