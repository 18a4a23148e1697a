import { expect, test } from '@playwright/test';
import { cardFor, FIXTURE_URL, SITE_URL } from './helpers';

/**
 * Each support tells its story: how, since when, why, and when it ended. The fixture site has one of each
 * (tests/fixtures/organisations: a monthly donation, an ended membership, a crowdfunding contribution, a
 * reason, organisations' feeds); the shipped site has its three past crowdfunding contributions.
 */

test.describe('the story of each support, on the fixture site', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(FIXTURE_URL);
  });

  test('a card says how and since when: « Don mensuel depuis mars 2021 »', async ({ page }) => {
    const line = cardFor(page, 'Petit Logo Carré').getByText('Don mensuel depuis');
    await expect(line).toHaveText('Don mensuel depuis mars 2021');
    await expect(line.locator('time')).toHaveAttribute('datetime', '2021-03');
  });

  test('an ended support is in « Soutenus par le passé », at the end, with its period and no call to action', async ({ page }) => {
    const past = page.getByRole('region', { name: 'Soutenus par le passé' });
    await expect(past).toBeVisible();
    // It is the last section of the page, and the card left its category.
    await expect(page.getByRole('main').getByRole('region').last()).toHaveAccessibleName('Soutenus par le passé');
    await expect(page.getByRole('region', { name: 'Libertés numériques' }).getByRole('heading', { name: 'Ancien Soutien' })).toHaveCount(0);

    const card = past.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Ancien Soutien' }) });
    await expect(card.getByText('Adhérent de')).toHaveText('Adhérent de janvier 2019 à mai 2024');
    await expect(card.locator('time')).toHaveText(['janvier 2019', 'mai 2024']);
    // Its entry has a call to action (« Adhérer »): it is not shown.
    await expect(card.getByText('Adhérer')).toHaveCount(0);
    await expect(card.getByRole('link')).toHaveCount(1);
  });

  test('a crowdfunding contribution says so, and never invites to give to the campaign', async ({ page }) => {
    const card = cardFor(page, 'Campagne Terminée');
    await expect(card.getByText('J’ai contribué à la campagne')).toHaveText('J’ai contribué à la campagne en novembre 2022');
    await expect(card.getByText('Soutenir la campagne')).toHaveCount(0);
  });

  test('the owner’s reason is shown apart from the description, as the owner’s voice', async ({ page }) => {
    const why = cardFor(page, 'Collectif Vectoriel').getByRole('figure');
    await expect(why.locator('figcaption')).toHaveText('Pourquoi je soutiens');
    await expect(why.locator('blockquote')).toContainText('un logo vectoriel reste net');
  });

  test('the table of contents counts the current supports of each category and the past ones', async ({ page }) => {
    const toc = page.getByRole('navigation', { name: 'Catégories' });
    await expect(toc.getByRole('link')).toHaveText([
      'Médias indépendants2',
      'Solidarité et humanitaire1',
      'Libertés numériques1',
      'Soutenus par le passé1',
    ]);
    for (const link of await toc.getByRole('link').all()) {
      const target = ((await link.getAttribute('href')) ?? '').slice(1);
      const section = page.locator(`section:has(h2[id="${target}"])`);
      await expect(section.getByRole('listitem')).toHaveCount(Number(/\d+$/.exec((await link.textContent()) ?? '')?.[0]));
    }
  });
});

test.describe('what visitors take away, on the fixture site', () => {
  test('organisations.json lists what the page lists, with every field of the documented shape', async ({ page, request }) => {
    await page.goto(FIXTURE_URL);
    const href = await page.locator('link[rel="alternate"][type="application/json"]').getAttribute('href');
    expect(href).toBe('/lucas/blog/je-soutiens/organisations.json');
    const response = await request.get(new URL(href ?? '', FIXTURE_URL).href);
    expect(response.headers()['content-type']).toContain('application/json');
    const data = (await response.json()) as { title: string; url: string; organisations: Record<string, unknown>[] };
    expect(data.url).toBe(FIXTURE_URL);

    // The same organisations as the cards, in page order.
    const names = await page.getByRole('main').getByRole('heading', { level: 3 }).allTextContents();
    expect(data.organisations.map((organisation) => organisation['name'])).toEqual(names);
    for (const organisation of data.organisations) {
      expect(Object.keys(organisation).sort()).toEqual([
        'category',
        'current',
        'description',
        'feed',
        'id',
        'logo',
        'name',
        'since',
        'support',
        'until',
        'url',
        'why',
      ]);
      expect(typeof organisation['description']).toBe('string');
      expect((await request.get(String(organisation['logo']))).status(), `logo of ${String(organisation['name'])}`).toBe(200);
    }
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
    await page.goto(FIXTURE_URL);
    const headHref = await page.locator('link[rel="outline"][type="text/x-opml"]').getAttribute('href');
    const pageLink = page.getByRole('contentinfo').getByRole('link', { name: /OPML/ });
    await expect(pageLink).toHaveAttribute('href', headHref ?? '');
    const opml = await (await request.get(new URL(headHref ?? '', FIXTURE_URL).href)).text();

    // Parsed back by the browser's own XML parser.
    const parsed = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: document.querySelector('parsererror')?.textContent ?? null,
        version: document.documentElement.getAttribute('version'),
        title: document.querySelector('head > title')?.textContent,
        outlines: [...document.querySelectorAll('body > outline')].map((outline) => ({
          type: outline.getAttribute('type'),
          text: outline.getAttribute('text'),
          xmlUrl: outline.getAttribute('xmlUrl'),
          htmlUrl: outline.getAttribute('htmlUrl'),
        })),
      };
    }, opml);
    expect(parsed.error).toBeNull();
    expect(parsed.version).toBe('2.0');
    expect(parsed.title).toBeTruthy();
    // The ended support's feed is not there: only what is supported now.
    expect(parsed.outlines).toEqual([
      { type: 'rss', text: 'Collectif Vectoriel', xmlUrl: 'https://vectoriel.example/rss.xml', htmlUrl: 'https://vectoriel.example/' },
    ]);
  });

  test('the feed has an item when a support starts and one when it ends, newest first', async ({ request }) => {
    const feed = await (await request.get(`${FIXTURE_URL}rss.xml`)).text();
    const items = [
      ...feed.matchAll(/<item><title>([^<]+)<\/title>[\s\S]*?<guid isPermaLink="(true|false)">([^<]+)<\/guid><pubDate>([^<]+)<\/pubDate>/g),
    ].map(([, title, permaLink, guid, date]) => ({ title, permaLink, guid, date: new Date(date ?? '').toISOString().slice(0, 7) }));
    expect(items).toEqual([
      { title: 'Fin de mon soutien à Ancien Soutien', permaLink: 'false', guid: `${FIXTURE_URL}#ancien-soutien:fin`, date: '2024-05' },
      { title: 'Je soutiens Collectif Vectoriel', permaLink: 'true', guid: `${FIXTURE_URL}#collectif-vectoriel`, date: '2023-09' },
      {
        title: 'J’ai contribué à la campagne de Campagne Terminée',
        permaLink: 'true',
        guid: `${FIXTURE_URL}#campagne-terminee`,
        date: '2022-11',
      },
      { title: 'Je soutiens Petit Logo Carré', permaLink: 'true', guid: `${FIXTURE_URL}#petit-logo-carre`, date: '2021-03' },
      { title: 'Je soutiens Ancien Soutien', permaLink: 'true', guid: `${FIXTURE_URL}#ancien-soutien`, date: '2019-01' },
    ]);
  });

  test('JSON-LD names the owner as the funder of each current support only', async ({ page }) => {
    await page.goto(FIXTURE_URL);
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as {
      itemListElement: { item: { name: string; funder?: { '@type': string; name: string; url: string } } }[];
    };
    const funders = Object.fromEntries(data.itemListElement.map(({ item }) => [item.name, item.funder]));
    expect(funders['Ancien Soutien']).toBeUndefined();
    expect(funders['Collectif Vectoriel']).toEqual({ '@type': 'Person', name: 'Lucas', url: FIXTURE_URL });
  });
});

test('the shipped crowdfunding cards no longer invite to give to campaigns that ended', async ({ page }) => {
  await page.goto(SITE_URL);
  for (const name of ['SOCIETER', 'SPARK', 'BACKSEAT']) {
    const card = cardFor(page, name);
    await expect(card.getByText('J’ai contribué à la campagne')).toBeVisible();
    await expect(card.getByText(/Soutenir la campagne/)).toHaveCount(0);
  }
  // No dates are known for the shipped supports: the feed invents none.
  await expect(page.getByText('Soutenu depuis')).toHaveCount(0);
});
