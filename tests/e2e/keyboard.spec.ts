import { expect, test } from '@playwright/test';
import { cardFor } from './helpers';
import { SEED } from './seed';

interface Outline {
  style: string;
  width: number;
}

/** An element that got the focus; `key` is the same every time the same element gets it. */
interface FocusStop {
  key: number;
  name: string;
  href: string | null;
  isCardLink: boolean;
  /** The focus left the content: the footer, or the page itself. */
  isEnd: boolean;
  /** The focus ring as computed at that moment: on the card (`li:focus-within`) and on the element itself. */
  outlines: (Outline | null)[];
}

type Recorder = Window & { focusStops?: FocusStop[] };

test('Tab reaches every card’s link, in visual order, with a visible focus', async ({ page }) => {
  await page.goto('/');

  // Where the cards are drawn: the order a sighted visitor reads them (top to bottom, then left to right).
  const positions = await Promise.all(SEED.map(async ({ name }) => ({ name, ...(await cardFor(page, name).boundingBox())! })));
  const visualOrder = positions.sort((a, b) => (Math.abs(a.y - b.y) > 1 ? a.y - b.y : a.x - b.x)).map((position) => position.name);

  // Note every element that receives the focus, with its focus ring as drawn at that moment.
  const focusable = await page.evaluate(() => {
    const recorder = window as Recorder;
    recorder.focusStops = [];
    const keys = new WeakMap<Element, number>();
    let nextKey = 0;
    const outline = (element: Element | null) => {
      if (!element) return null;
      const style = getComputedStyle(element);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) || 0 };
    };
    document.addEventListener('focusin', (event) => {
      const element = event.target instanceof Element ? event.target : document.body;
      if (!keys.has(element)) keys.set(element, (nextKey += 1));
      recorder.focusStops?.push({
        key: keys.get(element) ?? -1,
        name: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
        href: element.getAttribute('href'),
        isCardLink: element.matches('h3 a'),
        isEnd: element.closest('footer') !== null || element === document.body,
        outlines: [outline(element.closest('li')), outline(element)],
      });
    });
    return document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length;
  });

  // From the top of the page, press Tab once per focusable element, and once more to leave the content.
  for (let presses = 0; presses <= focusable; presses += 1) await page.keyboard.press('Tab');
  const recorded = await page.evaluate(() => (window as Recorder).focusStops ?? []);
  // The content ends at the footer, at the page itself, or when the focus comes back round to the start.
  const end = recorded.findIndex((stop, index) => stop.isEnd || recorded.slice(0, index).some((earlier) => earlier.key === stop.key));
  const cardStops = (end === -1 ? recorded : recorded.slice(0, end)).filter((stop) => stop.isCardLink);

  // Every seed card's link was reached, in the order the cards are drawn, each with its own address.
  const seedNames = new Set<string>(visualOrder);
  expect
    .soft(
      cardStops.map((stop) => stop.name).filter((name) => seedNames.has(name)),
      'card links reached with Tab, compared with the cards in visual order',
    )
    .toEqual(visualOrder);
  for (const { name, url } of SEED) expect.soft(cardStops.find((stop) => stop.name === name)?.href, `href of « ${name} »`).toBe(url);

  // Whenever a card's link had the focus, a ring of at least 2 px showed it (on the card or on the link).
  for (const stop of cardStops) {
    const visible = stop.outlines.some((outline) => outline !== null && outline.style !== 'none' && outline.width >= 2);
    expect.soft(visible, `focus ring of « ${stop.name} »: card, link ${JSON.stringify(stop.outlines)}`).toBe(true);
  }
});
