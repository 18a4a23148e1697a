import { describe, expect, it } from 'vitest';
import { htmlToText, organisationListJsonLd, serialiseJsonLd } from '../../src/lib/structured-data';

describe('organisationListJsonLd', () => {
  it('is a schema.org ItemList of Organization, positions from 1', () => {
    const blast = { name: 'BLAST', url: 'https://www.blast-info.fr/', logo: 'https://exemple.fr/b.webp', description: 'Média.' };
    const framasoft = { name: 'Framasoft', url: 'https://framasoft.org/', logo: 'https://exemple.fr/f.webp', description: 'Libre.' };
    const data = organisationListJsonLd('https://exemple.fr/je-soutiens/', 'Je soutiens', [blast, framasoft]);
    expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'ItemList', numberOfItems: 2 });
    expect(data.itemListElement[1]).toEqual({ '@type': 'ListItem', position: 2, item: { '@type': 'Organization', ...framasoft } });
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
