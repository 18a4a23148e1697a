import { expect, test } from '@playwright/test';
import { allCards, cardFor, FIXTURE_URL, SITE_URL } from './helpers';

/**
 * The page speaks French at `/` and English at `/en/`: the same organisations, in English where an entry gives its English text
 * (`src/content/organisations/en/`), in French marked `lang="fr"` where it does not; both pages say where the other is (hreflang; the
 * sitemap: publishing.spec.ts), and each has its own feed, JSON export and social image.
 */

const ENGLISH_URL = `${SITE_URL}en/`;
/** The shipped entries without an English text: their cards show the French one. */
const FRENCH_ONLY = ['Fonds pour une presse libre', 'SOCIETER', 'SPARK'];

test.describe('the English page', () => {
  test('is a full English page with every organisation in the French order, each in English where it has an English text, else in French marked lang="fr"', async ({
    page,
  }) => {
    await page.goto(SITE_URL);
    const frenchIds = await allCards(page).evaluateAll((cards) => cards.map((card) => card.id));

    await page.goto(ENGLISH_URL);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('I support');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('These projects, these media, these causes');
    await expect(page.locator('.intro')).toHaveText(/here are 10 organisations I support/);
    expect(await allCards(page).evaluateAll((cards) => cards.map((card) => card.id))).toEqual(frenchIds);
    await expect(page.getByRole('navigation', { name: 'Categories' }).getByRole('link')).toHaveText([
      'Independent media6',
      'Solidarity and humanitarian aid2',
      'Digital freedoms2',
    ]);
    await expect(page.getByRole('contentinfo')).toContainText('Take the list with you: this site’s feed (RSS)');

    // An English name, description and call to action, written in src/content/organisations/en/croix-rouge.md.
    const redCross = cardFor(page, 'The French Red Cross');
    await expect(redCross.locator('.description')).toContainText('humanitarian organisation founded in 1864');
    await expect(redCross.locator('.description')).not.toHaveAttribute('lang', /./);
    await expect(redCross.getByRole('link', { name: 'Donate' })).toBeVisible();

    for (const name of FRENCH_ONLY) {
      const card = cardFor(page, name);
      await expect(card.locator('.description'), `${name}: its French description says it is French`).toHaveAttribute('lang', 'fr');
      await expect(card.getByRole('link', { name })).toHaveAttribute('lang', 'fr');
    }
    // Everything else on the page is English: nothing else carries lang="fr" but the language switch.
    await expect(page.locator('main [lang="fr"]')).toHaveCount(FRENCH_ONLY.length * 2);
  });

  test('says supports in English, and marks a French-only reason as French', async ({ page }) => {
    // One line in English reaches the page (every kind of support, in each language: tests/unit/support-story.test.ts).
    await page.goto(`${FIXTURE_URL}en/`);
    await expect(cardFor(page, 'Petit Logo Carré').getByText('Monthly donor since')).toHaveText('Monthly donor since March 2021');
    await expect(page.getByRole('region', { name: 'Supported in the past' }).getByText('Member from')).toHaveText(
      'Member from January 2019 to May 2024',
    );
    // The fixture's entries have no English text: the reason is the owner's French words.
    const why = cardFor(page, 'Collectif Vectoriel');
    await expect(why.locator('figcaption')).toHaveText('Why I support them');
    await expect(why.locator('blockquote')).toHaveAttribute('lang', 'fr');
  });
});

test.describe('between the two languages', () => {
  test('a link in each page leads to the other, without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(SITE_URL);
    const languages = page.getByRole('navigation', { name: 'Langues' });
    await expect(languages.getByRole('link', { name: 'Français' })).toHaveAttribute('aria-current', 'page');
    await languages.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(ENGLISH_URL);
    await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'page');
    await page.getByRole('navigation', { name: 'Languages' }).getByRole('link', { name: 'Français' }).click();
    await expect(page).toHaveURL(SITE_URL);
    await context.close();
  });

  test('each page names the other with hreflang, both ways, and x-default is the French page', async ({ page }) => {
    const alternatesOf = async (url: string) => {
      await page.goto(url);
      return page
        .locator('head link[rel="alternate"][hreflang]')
        .evaluateAll((links) => Object.fromEntries(links.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')])));
    };
    const expected = { fr: SITE_URL, en: ENGLISH_URL, 'x-default': SITE_URL };
    expect(await alternatesOf(SITE_URL)).toEqual(expected);
    expect(await alternatesOf(ENGLISH_URL)).toEqual(expected);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', ENGLISH_URL);
    await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'en_GB');
  });

  test('each language has its own feed, JSON export and social image', async ({ page, request }) => {
    const feed = await (await request.get(`${ENGLISH_URL}rss.xml`)).text();
    expect(feed).toContain('<language>en</language>');
    expect(feed).toContain('<title>I support</title>');

    const data = (await (await request.get(`${ENGLISH_URL}organisations.json`)).json()) as {
      lang: string;
      organisations: { name: string; description: string }[];
    };
    expect(data.lang).toBe('en');
    expect(data.organisations).toHaveLength(10);
    expect(data.organisations.find((organisation) => organisation.name === 'The French Red Cross')?.description).toMatch(
      /^The French Red Cross/,
    );

    await page.goto(ENGLISH_URL);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toBe(`${ENGLISH_URL}og-image.png`);
    const english = await (await request.get(image ?? '')).body();
    const french = await (await request.get(`${SITE_URL}og-image.png`)).body();
    expect(english.subarray(1, 4).toString()).toBe('PNG');
    expect(english.equals(french), 'the English social image has English words').toBe(false);
  });
});
