import { describe, expect, it } from 'vitest';
import { frenchTypography, frenchTypographyHtml } from '../../src/lib/typography';

const N = '\u202f'; // narrow no-break space
const S = '\u00a0'; // no-break space

describe('frenchTypography', () => {
  it('puts a narrow no-break space before ; ! ?', () => {
    expect(frenchTypography('Vraiment ? Oui ! Enfin ; bref')).toBe(`Vraiment${N}? Oui${N}! Enfin${N}; bref`);
  });

  it('glues the space before ? to the word even when the author forgot it', () => {
    expect(frenchTypography('Pourquoi?')).toBe(`Pourquoi${N}?`);
  });

  it('puts a no-break space before a colon', () => {
    expect(frenchTypography('Au programme : des reportages')).toBe(`Au programme${S}: des reportages`);
  });

  it('puts narrow no-break spaces inside « »', () => {
    expect(frenchTypography('« Je soutiens »')).toBe(`«${N}Je soutiens${N}»`);
    expect(frenchTypography('«Je soutiens»')).toBe(`«${N}Je soutiens${N}»`);
  });

  it('is idempotent', () => {
    const once = frenchTypography('Quoi ?! « Oui » : non ; si !');
    expect(frenchTypography(once)).toBe(once);
  });

  it('never touches URLs, e-mail addresses or times', () => {
    expect(frenchTypography('Voir https://exemple.org/a?b=c;d:e !')).toBe(`Voir https://exemple.org/a?b=c;d:e${N}!`);
    expect(frenchTypography('Écrire à contact@exemple.org ?')).toBe(`Écrire à contact@exemple.org${N}?`);
    expect(frenchTypography('le jeudi à 18:30 !')).toBe(`le jeudi à 18:30${N}!`);
  });
});

describe('frenchTypographyHtml', () => {
  it('changes text, not tags, attributes or code', () => {
    expect(frenchTypographyHtml('<p>Au programme : <a href="https://a.example/?q=1;2">lien ?</a> <code>a ? b : c</code></p>')).toBe(
      `<p>Au programme${S}: <a href="https://a.example/?q=1;2">lien${N}?</a> <code>a ? b : c</code></p>`,
    );
  });
});

describe('frenchTypographyHtml and character references', () => {
  it('never splits an entity from its semicolon (« Médecins &amp; co » stayed « & ; » on the card)', () => {
    expect(frenchTypographyHtml('<p>Soins &amp; accueil ; « partout » &#x2014; ici&nbsp;!</p>')).toBe(
      `<p>Soins &amp; accueil${N}; «${N}partout${N}» &#x2014; ici&nbsp;!</p>`,
    );
  });
});
