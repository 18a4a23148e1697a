import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedItems, type SupportStory } from '../../src/lib/feed-items';
import { readFrontmatter } from '../../src/lib/organisations/frontmatter';
import { feedsOpml, hasFeeds, organisationRecord } from '../../src/lib/open-data';
import { siteWordsSchema, type SiteWords } from '../../src/lib/site-words';
import { invitesToGive, supportLine } from '../../src/lib/supports';

/** The shipped words of a language, as the site collection validates them. */
function wordsOf(lang: string): SiteWords {
  const header = readFrontmatter(readFileSync(`src/content/site/${lang}.md`, 'utf8'));
  return siteWordsSchema.parse('data' in header ? header.data : {}) as SiteWords;
}
const fr = wordsOf('fr');
const en = wordsOf('en');

const words = (parts: ReturnType<typeof supportLine>) => parts.map((part) => (typeof part === 'string' ? part : `[${part.date}]`)).join('');

describe('supportLine: how and when, in the card’s words', () => {
  it.each([
    [{ support: 'don-mensuel', since: '2021-03' }, 'Don mensuel depuis [2021-03]'],
    [{ support: 'adhesion', since: '2021-03', until: '2024-05' }, 'Adhérent de [2021-03] à [2024-05]'],
    [{ support: 'adhesion', since: '2024-05-02', until: '2024-05-28' }, 'Adhérent en [2024-05-02]'],
    [{ support: 'abonnement', until: '2024-05' }, 'Abonné jusqu’en [2024-05]'],
    [{ support: 'benevolat' }, 'Bénévole'],
    [{ support: 'don-ponctuel', since: '2023-12' }, 'Don ponctuel en [2023-12]'],
    [{ support: 'financement-participatif', since: '2022-11' }, 'J’ai contribué à la campagne en [2022-11]'],
    [{ support: 'financement-participatif' }, 'J’ai contribué à la campagne'],
    [{ since: '2024-03-01' }, 'Soutenu depuis [2024-03-01]'],
    [{}, ''],
  ] as const)('%j → %s', (data, expected) => {
    expect(words(supportLine(data, fr.support))).toBe(expected);
  });

  it.each([
    [{ support: 'don-mensuel', since: '2021-03' }, 'Monthly donor since [2021-03]'],
    [{ support: 'adhesion', since: '2021-03', until: '2024-05' }, 'Member from [2021-03] to [2024-05]'],
    [{ support: 'financement-participatif', since: '2022-11' }, 'I backed the campaign in [2022-11]'],
    [{ until: '2024-05' }, 'Supported until [2024-05]'],
  ] as const)('in English: %j → %s', (data, expected) => {
    expect(words(supportLine(data, en.support))).toBe(expected);
  });

  it('invites to give only while a support goes on, and never to a campaign', () => {
    const supports = [{ support: 'don-mensuel' }, {}, { until: '2024-05' }, { support: 'financement-participatif' }] as const;
    expect(supports.map((support) => invitesToGive(support))).toEqual([true, true, false, false]);
  });
});

const story = (id: string, data: Partial<SupportStory['data']>): SupportStory => ({
  id,
  data: { name: id.toUpperCase(), url: `https://${id}.example/`, ...data },
  descriptionHtml: `<p>${id}</p>`,
  category: 'Solidarité',
});

describe('feedItems: the story of the supports', () => {
  const page = 'https://lucas.example/je-soutiens/';

  it('has one item when a support starts and one when it ends, newest first', () => {
    const items = feedItems([story('a', { since: '2019-01', until: '2024-05' }), story('b', { since: '2023-09-15' })], page, fr);
    expect(items.map(({ title, guid, isPermaLink, pubDate }) => [title, guid, isPermaLink, pubDate.toISOString().slice(0, 10)])).toEqual([
      ['Fin de mon soutien à A', `${page}#a:fin`, false, '2024-05-01'],
      ['Je soutiens B', `${page}#b`, true, '2023-09-15'],
      ['Je soutiens A', `${page}#a`, true, '2019-01-01'],
    ]);
    expect(items[0]?.content).toContain('a pris fin en mai 2024 (il avait commencé en janvier 2019)');
  });

  it('tells the story in the feed’s language, with the same GUIDs in every language and build after build', () => {
    const entries = [story('a', { since: '2019-01', until: '2024-05' })];
    const items = feedItems(entries, page, en);
    expect(items.map((item) => item.title)).toEqual(['End of my support for A', 'I support A']);
    expect(items[0]?.content).toContain('My support for A ended in May 2024 (it had begun in January 2019).');
    expect(items.map((item) => item.guid)).toEqual(feedItems(entries, page, fr).map((item) => item.guid));
  });

  it('adds nothing for an entry without dates, and invents none', () => {
    expect(feedItems([story('sans-date', { support: 'don-mensuel' })], page, fr)).toEqual([]);
  });

  it('escapes the name in the end item’s text', () => {
    expect(feedItems([story('x', { name: 'A <b>&</b>', until: '2024-05' })], page, fr)[0]?.content).toContain('A &lt;b&gt;&amp;&lt;/b&gt;');
  });
});

describe('open data', () => {
  const source = (id: string, data: Record<string, string>) => ({
    id,
    data: { name: id, url: `https://${id}.example/`, category: 'solidarite' as const, ...data },
  });

  it('gives every field of a record, null when the entry does not say', () => {
    const said = { id: 'a', name: 'a', url: 'https://a.example/', category: 'solidarite', description: 'Texte.', logo: 'https://x/l.webp' };
    const unsaid = { support: null, since: null, until: null, why: null, feed: null };
    expect(organisationRecord(source('a', {}), 'Texte.', 'https://x/l.webp')).toEqual({ ...said, ...unsaid, current: true });
  });

  it('lists in OPML the feeds of current supports only, escaped', () => {
    const organisations = [
      source('a&b', { feed: 'https://a.example/rss?x=1&y=2' }),
      source('fini', { feed: 'https://f.example/rss', until: '2024-01' }),
      source('sans', {}),
    ];
    const opml = feedsOpml('Je soutiens', 'Lucas', organisations);
    expect(opml).toContain('<opml version="2.0">');
    expect(opml).toContain(
      '<outline type="rss" text="a&amp;b" title="a&amp;b" xmlUrl="https://a.example/rss?x=1&amp;y=2" htmlUrl="https://a&amp;b.example/"/>',
    );
    expect(opml).not.toContain('fini');
    expect(hasFeeds(organisations)).toBe(true);
    expect(hasFeeds([source('sans', {})])).toBe(false);
  });
});
