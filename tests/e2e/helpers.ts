import { expect, type Locator, type Page } from '@playwright/test';
import { FIXTURE_BASE, FIXTURE_PORT, SITE_PORT } from '../../playwright.config';

/** The shipped site (also the config's baseURL) and the site built from `tests/fixtures/organisations`. */
export const SITE_URL = `http://localhost:${SITE_PORT}/`;
export const FIXTURE_URL = `http://localhost:${FIXTURE_PORT}${FIXTURE_BASE}`;

/** Both built sites, for the checks that must hold at the root and under a sub-path (`BASE_PATH`). */
export const SITES = [
  { label: 'the shipped site, at the root', url: SITE_URL },
  // SVG logo, very long name and description, a draft: see tests/fixtures/organisations.
  { label: 'the fixture site, under a sub-path', url: FIXTURE_URL },
] as const;

/** Both sites and the English page: the checks every page must pass (axe, Lighthouse, privacy, layout), in each language. */
export const PAGES = [...SITES, { label: 'the English page', url: `${SITE_URL}en/` }] as const;

export { MAX_IMAGE_BYTES } from '../support/budgets';

/** The card (list item) whose level-3 heading is exactly `name`. */
export function cardFor(page: Page, name: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

/** Every card on the page, in document order. */
export function allCards(page: Page): Locator {
  return page.getByRole('main').getByRole('listitem');
}

/**
 * Scrolls down one screen at a time, letting the browser render after each step so that every lazy
 * image on the way gets a chance to start loading, then waits until every image has finished.
 */
export async function scrollToBottom(page: Page): Promise<void> {
  for (let step = 0; step < 200; step += 1) {
    const atBottom = await page.evaluate(async () => {
      // `behavior: 'instant'` overrides the page's `scroll-behavior: smooth`.
      window.scrollBy({ top: Math.max(1, window.innerHeight * 0.75), behavior: 'instant' });
      // Two animation frames: layout, lazy-load intersection checks and paint have run.
      await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      return Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1;
    });
    if (atBottom) break;
  }
  await waitForImages(page);
}

/** Waits until every `<img>` of the document has finished loading (or failed). */
async function waitForImages(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          Array.from(document.images)
            .filter((img) => !img.complete)
            .map((img) => img.src),
        ),
      {
        message: 'images still loading',
      },
    )
    .toEqual([]);
}

export interface NetworkLog {
  /** Every URL requested, in order. */
  readonly requested: string[];
  /** Requests to another origin than the page's own (they are aborted: the network is closed anyway). */
  readonly foreign: string[];
  /** `requestfailed` events, as « url → error ». */
  readonly failed: string[];
  /** Responses with a status ≥ 400, as « status url ». */
  readonly badStatus: string[];
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  /** Waits until no request is in flight. */
  settled(): Promise<void>;
  /** Every response received so far: its address, its resource type (`document`, `image`, `script`…) and its size. */
  responses(): Promise<ResponseSize[]>;
}

interface ResponseSize {
  url: string;
  type: string;
  bytes: number;
}

/**
 * Records what the page does on the network and in its console, from now on.
 * `origin` is the page's own origin: anything else is recorded as foreign and aborted.
 */
export async function collectNetwork(page: Page, origin: string): Promise<NetworkLog> {
  const requested: string[] = [];
  const foreign: string[] = [];
  const failed: string[] = [];
  const badStatus: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const responses: Promise<ResponseSize>[] = [];
  const pending = new Set<unknown>();

  await page.route(
    (url) => /^(https?|wss?):$/.test(url.protocol) && url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  );
  page.on('request', (request) => {
    pending.add(request);
    requested.push(request.url());
    const url = new URL(request.url());
    // `data:` and `blob:` addresses never reach a host.
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) foreign.push(request.url());
  });
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => {
    pending.delete(request);
    failed.push(`${request.url()} → ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) badStatus.push(`${response.status()} ${response.url()}`);
    const type = response.request().resourceType();
    // A body the browser no longer holds (a redirect, a page left) counts as empty.
    responses.push(
      response
        .body()
        .then((body) => ({ url: response.url(), type, bytes: body.length }))
        .catch(() => ({ url: response.url(), type, bytes: 0 })),
    );
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));

  return {
    requested,
    foreign,
    failed,
    badStatus,
    consoleErrors,
    pageErrors,
    async settled() {
      await expect.poll(() => pending.size, { message: 'requests still in flight' }).toBe(0);
    },
    responses: () => Promise.all(responses),
  };
}

/**
 * A visit read to the end: the network recorded from the first byte (see `collectNetwork`), the page loaded,
 * scrolled to the bottom so every lazy logo loads, and nothing left in flight.
 */
export async function visitToTheEnd(page: Page, url = '/'): Promise<NetworkLog> {
  const network = await collectNetwork(page, new URL(url, SITE_URL).origin);
  await page.goto(url);
  await scrollToBottom(page);
  await network.settled();
  return network;
}

/** What a visitor's browser did with a logo: the facts the tests check. */
export interface LogoFacts {
  parentTag: string;
  sourceTypes: string[];
  alt: string | null;
  widthAttribute: string | null;
  heightAttribute: string | null;
  loading: string | null;
  fetchPriority: string | null;
  complete: boolean;
  naturalWidth: number;
  currentSrc: string;
  cssWidth: number;
  cssHeight: number;
}

/**
 * The logo of a card, scrolled into view (logos may be lazy) and loaded: what the browser did with it.
 * A broken file ends the wait too (its `naturalWidth` stays 0).
 */
export async function loadedLogo(card: Locator): Promise<LogoFacts> {
  const img = card.locator('img');
  await expect(img, 'a card has exactly one image: its logo').toHaveCount(1);
  await img.scrollIntoViewIfNeeded();
  return img.evaluate(async (element) => {
    const image = element as HTMLImageElement;
    if (!image.complete) {
      await new Promise((resolve) => {
        image.addEventListener('load', resolve, { once: true });
        image.addEventListener('error', resolve, { once: true });
      });
    }
    await image.decode().catch(() => undefined);
    const parent = image.parentElement;
    const box = image.getBoundingClientRect();
    return {
      parentTag: parent?.tagName.toLowerCase() ?? '',
      sourceTypes:
        parent?.tagName === 'PICTURE'
          ? Array.from(parent.querySelectorAll(':scope > source')).map((source) => source.getAttribute('type') ?? '')
          : [],
      alt: image.getAttribute('alt'),
      widthAttribute: image.getAttribute('width'),
      heightAttribute: image.getAttribute('height'),
      loading: image.getAttribute('loading'),
      fetchPriority: image.getAttribute('fetchpriority'),
      complete: image.complete,
      naturalWidth: image.naturalWidth,
      currentSrc: image.currentSrc,
      cssWidth: box.width,
      cssHeight: box.height,
    };
  });
}

/** The path of an address, without its origin or query: `/_astro/blast.abc.avif`. */
export function pathOf(address: string): string {
  return new URL(address).pathname;
}
