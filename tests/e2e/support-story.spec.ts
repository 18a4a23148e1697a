import { expect, test } from '@playwright/test';
import { cardFor, expectResolves, FIXTURE_URL, SITE_URL } from './helpers';

/**
 * Each support tells its story on the page: how, since when, why, and when it ended (the words of every kind of support and the feed's
 * items: tests/unit/support-story.test.ts). The fixture site has one of each (tests/fixtures/organisations); the shipped site has its
 * three past crowdfunding contributions.
 */

test.describe('the story of each support, and what visitors take away, on the fixture site', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(FIXTURE_URL);
  });

  test('a card says how and since when: « Don mensuel depuis mars 2021 »', async ({ page }) => {
    const line = cardFor(page, 'Petit Logo Carré').getByText('Don mensuel depuis');
    await expect(line).toHaveText('Don mensuel depuis mars 2021');
    await expect(line.locator('time')).toHaveAttribute('datetime', '2021-03');
  });

  test('an ended support is in « Soutenus par le passé », at the end, with its period and no call to action', async ({ page }) => {
    // It is the last section of the page, and the card left its category.
    const past = page.getByRole('main').getByRole('region').last();
    await expect(past).toHaveAccessibleName('Soutenus par le passé');
    await expect(page.getByRole('region', { name: 'Libertés numériques' }).getByRole('heading', { name: 'Ancien Soutien' })).toHaveCount(0);

    const card = past.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Ancien Soutien' }) });
    await expect(card.getByText('Adhérent de')).toHaveText('Adhérent de janvier 2019 à mai 2024');
    await expect(card.locator('time')).toHaveText(['janvier 2019', 'mai 2024']);
    // Its entry has a call to action (« Adhérer »): it is not shown.
    await expect(card.getByText('Adhérer')).toHaveCount(0);
    await expect(card.getByRole('link')).toHaveCount(1);
  });

  test('the owner’s reason is shown apart from the description, as the owner’s voice', async ({ page }) => {
    const why = cardFor(page, 'Collectif Vectoriel').getByRole('figure');
    await expect(why.locator('figcaption')).toHaveText('Pourquoi je soutiens');
    await expect(why.locator('blockquote')).toContainText('un logo vectoriel reste net');
  });

  test('organisations.json, linked from the head, lists what the page lists, with its story and logos that resolve', async ({
    page,
    request,
  }) => {
    const href = await page.locator('link[rel="alternate"][type="application/json"]').getAttribute('href');
    expect(href).toBe('/lucas/blog/je-soutiens/organisations.json');
    const json = await expectResolves(request, new URL(href ?? '', FIXTURE_URL).href, /application\/json/);
    const data = JSON.parse(json) as { url: string; organisations: Record<string, unknown>[] };
    expect(data.url).toBe(FIXTURE_URL);

    // The same organisations as the cards, in page order (every field of a record: tests/unit/support-story.test.ts).
    const names = await page.getByRole('main').getByRole('heading', { level: 3 }).allTextContents();
    expect(data.organisations.map((organisation) => organisation['name'])).toEqual(names);
    for (const { logo } of data.organisations) await expectResolves(request, String(logo), /^image\//);
    expect(data.organisations.find((organisation) => organisation['id'] === 'ancien-soutien')).toMatchObject({
      support: 'adhesion',
      since: '2019-01',
      until: '2024-05',
      current: false,
      feed: 'https://ancien.example/feed.atom',
    });
  });

  test('the OPML file, linked from the head and the page, parses as OPML 2.0 and lists the feeds of current supports', async ({
    page,
    request,
  }) => {
    const headHref = await page.locator('link[rel="outline"][type="text/x-opml"]').getAttribute('href');
    await expect(page.getByRole('contentinfo').getByRole('link', { name: /OPML/ })).toHaveAttribute('href', headHref ?? '');
    const opml = await (await request.get(new URL(headHref ?? '', FIXTURE_URL).href)).text();

    // Parsed back by the browser's own XML parser.
    const parsed = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: document.querySelector('parsererror')?.textContent ?? null,
        version: document.documentElement.getAttribute('version'),
        title: document.querySelector('head > title')?.textContent,
        outlines: [...document.querySelectorAll('body > outline')].map((outline) =>
          Object.fromEntries(['type', 'text', 'xmlUrl', 'htmlUrl'].map((name) => [name, outline.getAttribute(name)])),
        ),
      };
    }, opml);
    expect(parsed).toMatchObject({ error: null, version: '2.0', title: expect.stringMatching(/\S/) });
    // The ended support's feed is not there: only what is supported now.
    expect(parsed.outlines).toEqual([
      { type: 'rss', text: 'Collectif Vectoriel', xmlUrl: 'https://vectoriel.example/rss.xml', htmlUrl: 'https://vectoriel.example/' },
    ]);
  });
});

test('the shipped crowdfunding cards say so, and no longer invite to give to campaigns that ended', async ({ page }) => {
  await page.goto(SITE_URL);
  for (const name of ['SOCIETER', 'SPARK', 'BACKSEAT']) {
    const card = cardFor(page, name);
    await expect(card.getByText('J’ai contribué à la campagne')).toBeVisible();
    await expect(card.getByText(/Soutenir la campagne/)).toHaveCount(0);
  }
  // No dates are known for the shipped supports: the page invents none.
  await expect(page.getByText('Soutenu depuis')).toHaveCount(0);
});
