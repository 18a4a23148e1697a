import { describe, expect, it } from 'vitest';
import { absoluteUrl, normaliseBase, sameDestination, withBase } from '../../src/lib/urls';

describe('normaliseBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['lucas/blog/je-soutiens', '/lucas/blog/je-soutiens/'],
    ['/lucas/blog/je-soutiens/', '/lucas/blog/je-soutiens/'],
    ['//double//', '/double/'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseBase(input)).toBe(expected);
  });
});

describe('withBase and absoluteUrl', () => {
  it('build site paths under the base', () => {
    expect(withBase('/', 'rss.xml')).toBe('/rss.xml');
    expect(withBase('/lucas/blog/je-soutiens', '/rss.xml')).toBe('/lucas/blog/je-soutiens/rss.xml');
    expect(withBase('/lucas/')).toBe('/lucas/');
  });

  it('make absolute URLs that keep the base', () => {
    expect(absoluteUrl('https://exemple.fr', '/lucas/blog/je-soutiens/og-image.png')).toBe(
      'https://exemple.fr/lucas/blog/je-soutiens/og-image.png',
    );
  });

  it('refuse to guess a missing site', () => {
    expect(() => absoluteUrl(undefined, '/')).toThrow(/SITE_URL/);
  });
});

describe('sameDestination', () => {
  it('ignores a trailing slash and a fragment only', () => {
    expect(sameDestination('https://a.example/page/', 'https://a.example/page#top')).toBe(true);
    expect(sameDestination('https://a.example/page', 'https://a.example/other')).toBe(false);
    expect(sameDestination('https://a.example/?q=1', 'https://a.example/?q=2')).toBe(false);
  });
});
