import { expect, test } from '@playwright/test';
import { cardFor, SEED } from './helpers';

test('Tab reaches every card’s link, in visual order, with a visible focus', async ({ page }) => {
  await page.goto('/');

  // Where the cards are drawn: the order a sighted visitor reads them (top to bottom, then left to right).
  const positions = await Promise.all(SEED.map(async ({ name }) => ({ name, ...(await cardFor(page, name).boundingBox())! })));
  const visualOrder = positions.sort((a, b) => (Math.abs(a.y - b.y) > 1 ? a.y - b.y : a.x - b.x)).map((position) => position.name);

  // From the top of the page, press Tab until the focus leaves the content (for the footer or the page itself) or
  // comes back round to an element it had; note each card link it reaches, with its focus ring as drawn then.
  const focusable = await page.locator('a[href], button, input, select, textarea, [tabindex]').count();
  const cardStops: { name: string; rings: string[] }[] = [];
  for (let presses = 0; presses <= focusable; presses += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement ?? document.body;
      const seen = element.hasAttribute('data-test-focused');
      element.setAttribute('data-test-focused', '');
      const ring = (target: Element | null) =>
        target ? `${getComputedStyle(target).outlineStyle} ${getComputedStyle(target).outlineWidth}` : 'none';
      return {
        name: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
        isEnd: seen || element.closest('footer') !== null || element === document.body,
        isCardLink: element.matches('h3 a'),
        // On the card (`li:focus-within`) and on the element itself.
        rings: [ring(element.closest('li')), ring(element)],
      };
    });
    if (stop.isEnd) break;
    if (stop.isCardLink) cardStops.push(stop);
  }

  // Every seed card's link was reached, in the order the cards are drawn.
  const seedNames = new Set<string>(visualOrder);
  const reached = cardStops.map((stop) => stop.name).filter((name) => seedNames.has(name));
  expect.soft(reached, 'card links reached with Tab, compared with the cards in visual order').toEqual(visualOrder);

  // Whenever a card's link had the focus, a ring of at least 2 px showed it (on the card or on the link).
  for (const { name, rings } of cardStops) {
    const visible = rings.some((ring) => !ring.startsWith('none') && Number.parseFloat(ring.split(' ')[1] ?? '') >= 2);
    expect.soft(visible, `focus ring of « ${name} »: card, link ${JSON.stringify(rings)}`).toBe(true);
  }
});
