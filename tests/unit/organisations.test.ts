import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { categoryAccentCss, CATEGORIES, CATEGORY_IDS } from '../../src/lib/categories';
import { BACKGROUNDS, findCategoryProblems } from '../../src/lib/organisations/category-checks';
import { byMostRecentEnd, compareOrganisations, groupByCategory, type OrganisationLike } from '../../src/lib/page-order';

function entry(id: string, data: Partial<OrganisationLike['data']> = {}): OrganisationLike {
  return { id, data: { name: id, category: 'medias-independants', ...data } };
}

describe('categories', () => {
  it('are read from src/content/categories.yaml, which passes its own checks, with unique ids and French labels', () => {
    expect(findCategoryProblems()).toEqual([]);
    expect(new Set(CATEGORY_IDS).size).toBe(CATEGORIES.length);
    expect(CATEGORIES.map((category) => category.label['fr']).join(' | ')).toBe(
      'Médias indépendants | Solidarité et humanitaire | Libertés numériques',
    );
  });

  it('give every section its own accent, in light and in dark mode, from their one definition', () => {
    const [light = '', dark = ''] = categoryAccentCss().split('@media (prefers-color-scheme:dark)');
    for (const category of CATEGORIES) {
      expect(light).toContain(`[data-category='${category.id}']{--accent:${category.accent.light}}`);
      expect(dark).toContain(`[data-category='${category.id}']{--accent:${category.accent.dark}}`);
    }
  });

  it('check their accents against the page and card colours the stylesheet really uses', () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    const [light = '', dark = ''] = css.split('@media (prefers-color-scheme: dark)');
    const colours = (block: string) => ['--page', '--card'].map((name) => new RegExp(`${name}: (#[0-9a-f]+);`).exec(block)?.[1]);
    expect(colours(light)).toEqual([...BACKGROUNDS.light]);
    expect(colours(dark)).toEqual([...BACKGROUNDS.dark]);
  });
});

const ids = (entries: OrganisationLike[]) => entries.map((e) => e.id);

describe('compareOrganisations', () => {
  it.each([
    ['puts entries with an order first, smaller first', [entry('c'), entry('b', { order: 2 }), entry('a', { order: 1 })], ['a', 'b', 'c']],
    [
      'sorts the rest by name in French alphabetical order, ignoring case and accents',
      [entry('3', { name: 'Zèbre' }), entry('1', { name: 'éclair' }), entry('2', { name: 'Framasoft' })],
      ['1', '2', '3'],
    ],
    ['keeps a stable order for equal names', [entry('b', { name: 'Même' }), entry('a', { name: 'Même' })], ['a', 'b']],
  ])('%s', (_, entries, expected) => {
    expect(ids(entries.sort(compareOrganisations))).toEqual(expected);
  });
});

describe('groupByCategory', () => {
  it('follows the order of CATEGORIES and drops empty categories', () => {
    const groups = groupByCategory([
      entry('quadrature', { category: 'libertes-numeriques' }),
      entry('blast', { category: 'medias-independants' }),
    ]);
    expect(groups.map((group) => group.category.id)).toEqual(['medias-independants', 'libertes-numeriques']);
  });

  it('sorts each group', () => {
    expect(groupByCategory([entry('b', { order: 2 }), entry('a', { order: 1 })]).map((group) => ids(group.organisations))).toEqual([
      ['a', 'b'],
    ]);
  });
});

describe('past supports', () => {
  it('come the most recently ended first', () => {
    const ended = [entry('old', { until: '2019-04' }), entry('recent', { until: '2024-05' }), entry('middle', { until: '2021-11-30' })];
    expect(ids(byMostRecentEnd(ended))).toEqual(['recent', 'middle', 'old']);
  });
});
