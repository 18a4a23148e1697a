import { expect, test } from '@playwright/test';
import { cardFor } from './helpers';
import { SEED } from './seed';

interface Outline {
  style: string;
  width: number;
}

interface FocusStop {
  /** The same number every time the same element gets the focus. */
  key: number;
  name: string;
  href: string | null;
  /** The focused element is a card's main link (inside its h3). */
  isCardLink: boolean;
  /** The focus left the content: the footer, or the page itself. */
  isEnd: boolean;
  /** The focus ring as computed at that moment: on the card (`li:focus-within`) and on the element itself. */
  cardOutline: Outline | null;
  ownOutline: Outline;
}

type Recorder = Window & { focusStops?: FocusStop[] };

const visible = (outline: Outline | null) => outline !== null && outline.style !== 'none' && outline.width >= 2;

test('Tab reaches every card’s link, in visual order, with a visible focus', async ({ page }) => {
  await page.goto('/');

  // Where the cards are drawn: the order a sighted visitor reads them (top to bottom, then left to right).
  const positions = await Promise.all(
    SEED.map(async ({ name }) => {
      const box = await cardFor(page, name).evaluate((card) => {
        const rect = card.getBoundingClientRect();
        return { top: Math.round(rect.top + window.scrollY), left: Math.round(rect.left + window.scrollX) };
      });
      return { name, ...box };
    }),
  );
  const visualOrder = positions
    .sort((a, b) => (Math.abs(a.top - b.top) > 1 ? a.top - b.top : a.left - b.left))
    .map((position) => position.name);

  // Note every element that receives the focus, with its focus ring as drawn at that moment.
  const focusable = await page.evaluate(() => {
    const recorder = window as Recorder;
    recorder.focusStops = [];
    const keys = new WeakMap<Element, number>();
    let nextKey = 0;
    const outline = (element: Element) => {
      const style = getComputedStyle(element);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) || 0 };
    };
    document.addEventListener('focusin', (event) => {
      const element = event.target instanceof Element ? event.target : document.body;
      const card = element.closest('li');
      if (!keys.has(element)) keys.set(element, (nextKey += 1));
      recorder.focusStops?.push({
        key: keys.get(element) ?? -1,
        name: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
        href: element.getAttribute('href'),
        isCardLink: element.matches('h3 a'),
        isEnd: element.closest('footer') !== null || element === document.body,
        cardOutline: card ? outline(card) : null,
        ownOutline: outline(element),
      });
    });
    return document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length;
  });

  // From the top of the page, press Tab once per focusable element, and once more to leave the content.
  for (let presses = 0; presses <= focusable; presses += 1) await page.keyboard.press('Tab');
  const recorded = await page.evaluate(() => (window as Recorder).focusStops ?? []);
  // The content ends at the footer, at the page itself, or when the focus comes back round to the start.
  const end = recorded.findIndex((stop, index) => stop.isEnd || recorded.slice(0, index).some((earlier) => earlier.key === stop.key));
  const stops = end === -1 ? recorded : recorded.slice(0, end);

  // Every seed card's link was reached, in the order the cards are drawn, each with its own address.
  const cardStops = stops.filter((stop) => stop.isCardLink);
  const seedNames = new Set(SEED.map((organisation) => organisation.name));
  expect
    .soft(
      cardStops.map((stop) => stop.name).filter((name) => seedNames.has(name)),
      'card links reached with Tab, compared with the cards in visual order',
    )
    .toEqual(visualOrder);
  for (const { name, url } of SEED) {
    expect.soft(cardStops.find((stop) => stop.name === name)?.href, `href of « ${name} »`).toBe(url);
  }

  // Whenever a card's link had the focus, a ring of at least 2 px showed it (on the card or on the link).
  for (const stop of cardStops) {
    expect
      .soft(
        visible(stop.cardOutline) || visible(stop.ownOutline),
        `focus ring of « ${stop.name} »: card ${JSON.stringify(stop.cardOutline)}, link ${JSON.stringify(stop.ownOutline)}`,
      )
      .toBe(true);
  }
});
