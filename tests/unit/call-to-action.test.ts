import { describe, expect, it } from 'vitest';
import { cardCallToAction, sameDestination } from '../../src/lib/call-to-action';

describe('cardCallToAction', () => {
  it.each([
    ['is absent without a cta', 'https://a.example/', undefined, undefined],
    [
      'is a second link when it leads elsewhere',
      'https://a.example/',
      { label: 'Faire un don', url: 'https://don.a.example/' },
      { kind: 'link', label: 'Faire un don', url: 'https://don.a.example/' },
    ],
    [
      'is a plain label when it leads where the card already leads',
      'https://fr.ulule.com/societer-usul/',
      { label: 'Soutenir la campagne', url: 'https://fr.ulule.com/societer-usul' },
      { kind: 'label', label: 'Soutenir la campagne' },
    ],
  ])('%s', (_, cardUrl, cta, expected) => {
    expect(cardCallToAction(cardUrl, cta)).toEqual(expected);
  });
});

describe('sameDestination', () => {
  it('ignores a trailing slash and a fragment only', () => {
    expect(sameDestination('https://a.example/page/', 'https://a.example/page#top')).toBe(true);
    expect(sameDestination('https://a.example/page', 'https://a.example/other')).toBe(false);
    expect(sameDestination('https://a.example/?q=1', 'https://a.example/?q=2')).toBe(false);
  });
});
