import { describe, expect, it } from 'vitest';
import { htmlToText, organisationListJsonLd, serialiseJsonLd } from '../../src/lib/structured-data';

describe('organisationListJsonLd', () => {
  it('is a schema.org ItemList of Organization, positions from 1', () => {
    const blast = { name: 'BLAST', url: 'https://www.blast-info.fr/', logo: 'https://exemple.fr/b.webp', descriptionHtml: '<p>Média.</p>' };
    const framasoft = { name: 'Framasoft', url: 'https://framasoft.org/', logo: 'https://exemple.fr/f.webp', descriptionHtml: 'Libre.' };
    const funder = { name: 'Lucas', url: 'https://lucas.example/' };
    const data = organisationListJsonLd('https://exemple.fr/je-soutiens/', 'Je soutiens', 'fr', [blast, { ...framasoft, funder }]);
    expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'ItemList', numberOfItems: 2, inLanguage: 'fr' });
    expect(data.itemListElement[0]?.item).toEqual({
      '@type': 'Organization',
      name: 'BLAST',
      url: blast.url,
      logo: blast.logo,
      description: 'Média.',
    });
    expect(data.itemListElement[1]).toEqual({
      '@type': 'ListItem',
      position: 2,
      item: {
        '@type': 'Organization',
        name: 'Framasoft',
        url: framasoft.url,
        logo: framasoft.logo,
        description: 'Libre.',
        funder: { '@type': 'Person', ...funder },
      },
    });
  });
});

describe('serialiseJsonLd', () => {
  it('cannot close its script element', () => {
    const json = serialiseJsonLd({ name: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});

describe('htmlToText', () => {
  it('keeps the words only', () => {
    expect(htmlToText('<p><strong>BLAST</strong> &amp; la <a href="x">web TV</a>.</p>\n<p>Deux</p>')).toBe('BLAST & la web TV. Deux');
  });
});
