import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
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

/**
 * The organisations the owner supports, each with its card's exact heading and link, written down here on purpose rather than read from
 * `src/content/organisations/`: a content file that drifts from this list (a renamed card, a changed address, a deleted entry) must make
 * the browser tests fail.
 */
export const SEED = [
  { name: 'SOCIETER', url: 'https://fr.ulule.com/societer-usul/' },
  { name: 'SPARK', url: 'https://www.kisskissbankbank.com/fr/projects/spark-nouveau-media-culturel-independant' },
  { name: 'BACKSEAT', url: 'https://www.kisskissbankbank.com/fr/projects/backseat' },
  { name: 'BLAST', url: 'https://www.blast-info.fr/' },
  { name: 'Le Média', url: 'https://www.lemediatv.fr/' },
  { name: 'Fonds pour une presse libre', url: 'https://fondspresselibre.org/' },
  { name: 'La Croix-Rouge', url: 'https://www.croix-rouge.fr/' },
  { name: 'Handicap International', url: 'https://www.handicap-international.fr/' },
  { name: 'Framasoft', url: 'https://fr.wikipedia.org/wiki/Framasoft' },
  { name: 'La Quadrature du Net', url: 'https://www.laquadrature.net/' },
] as const;

/** Fetches an address of the site and checks it answers 200 with the expected type. */
export async function expectResolves(request: APIRequestContext, address: string, type: RegExp): Promise<string> {
  const response = await request.get(address);
  expect(response.status(), `${address} should answer 200`).toBe(200);
  expect(response.headers()['content-type'] ?? '', `${address} content type`).toMatch(type);
  return response.text();
}

export function cardFor(page: Page, name: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

export function allCards(page: Page): Locator {
  return page.getByRole('main').getByRole('listitem');
}

/**
 * Scrolls down one screen at a time, letting the browser render after each step so that every lazy image on the way gets a chance to
 * start loading, then waits until every image has finished (or failed).
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
  const loading = () => page.evaluate(() => Array.from(document.images, (img) => (img.complete ? '' : img.src)).filter(Boolean));
  await expect.poll(loading, { message: 'images still loading' }).toEqual([]);
}

/**
 * A visit read to the end (every lazy logo loaded, nothing left in flight), with what the page did on the network and in its console
 * from the first byte. A request to another origin than the page's is recorded as foreign and aborted (the network is closed anyway).
 */
export async function visitToTheEnd(page: Page, url = '/') {
  const origin = new URL(url, SITE_URL).origin;
  const requested: string[] = [];
  const foreign: string[] = [];
  /** Failed requests, responses with a status ≥ 400, console errors and page errors, each said as such. */
  const faults: string[] = [];
  /** Every response: its address, its resource type (`document`, `image`, `script`…) and its size. */
  const responses: Promise<{ url: string; type: string; bytes: number }>[] = [];
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
    faults.push(`failed request: ${request.url()} → ${request.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) faults.push(`status ${response.status()}: ${response.url()}`);
    const [url, type] = [response.url(), response.request().resourceType()];
    // A body the browser no longer holds (a redirect, a page left) counts as empty.
    responses.push(
      response.body().then(
        (body) => ({ url, type, bytes: body.length }),
        () => ({ url, type, bytes: 0 }),
      ),
    );
  });
  page.on('console', (message) => {
    if (message.type() === 'error') faults.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => faults.push(`page error: ${error.message}`));

  const response = await page.goto(url);
  await scrollToBottom(page);
  await expect.poll(() => pending.size, { message: 'requests still in flight' }).toBe(0);
  return { response, requested, foreign, faults, responses: await Promise.all(responses) };
}

/**
 * The logo of a card, scrolled into view (logos may be lazy) and loaded: what the browser did with it. A broken file ends the wait too
 * (its `naturalWidth` stays 0).
 */
export async function loadedLogo(card: Locator) {
  const img = card.locator('img');
  await expect(img, 'a card has exactly one image: its logo').toHaveCount(1);
  await img.scrollIntoViewIfNeeded();
  return img.evaluate(async (image: HTMLImageElement) => {
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
      sourceTypes:
        parent?.tagName === 'PICTURE' ? Array.from(parent.querySelectorAll(':scope > source'), (s) => s.getAttribute('type')) : [],
      alt: image.getAttribute('alt'),
      width: image.getAttribute('width'),
      height: image.getAttribute('height'),
      naturalWidth: image.naturalWidth,
      currentSrc: image.currentSrc,
      /** The path of the file shown, without origin or query: `/_astro/blast.abc.avif`. */
      path: image.currentSrc && new URL(image.currentSrc).pathname,
      cssWidth: box.width,
      cssHeight: box.height,
    };
  });
}
