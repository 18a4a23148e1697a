import { describe, expect, it } from 'vitest';
import { cardCallToAction, sameDestination } from '../../src/lib/call-to-action';

describe('cardCallToAction', () => {
  it('is absent without a cta', () => {
    expect(cardCallToAction('https://a.example/', undefined)).toBeUndefined();
  });

  it('is a second link when it leads elsewhere', () => {
    expect(cardCallToAction('https://a.example/', { label: 'Faire un don', url: 'https://don.a.example/' })).toEqual({
      kind: 'link',
      label: 'Faire un don',
      url: 'https://don.a.example/',
    });
  });

  it('is a plain label when it leads where the card already leads', () => {
    expect(
      cardCallToAction('https://fr.ulule.com/societer-usul/', {
        label: 'Soutenir la campagne',
        url: 'https://fr.ulule.com/societer-usul',
      }),
    ).toEqual({ kind: 'label', label: 'Soutenir la campagne' });
  });
});

describe('sameDestination', () => {
  it('ignores a trailing slash and a fragment only', () => {
    expect(sameDestination('https://a.example/page/', 'https://a.example/page#top')).toBe(true);
    expect(sameDestination('https://a.example/page', 'https://a.example/other')).toBe(false);
    expect(sameDestination('https://a.example/?q=1', 'https://a.example/?q=2')).toBe(false);
  });
});
