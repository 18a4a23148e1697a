import { describe, expect, it } from 'vitest';
import { frenchTypography, frenchTypographyHtml } from '../../src/lib/typography';

const N = '\u202f'; // narrow no-break space
const S = '\u00a0'; // no-break space

describe('frenchTypography', () => {
  it.each([
    ['puts a narrow no-break space before ; ! ?', 'Vraiment ? Oui ! Enfin ; bref', `Vraiment${N}? Oui${N}! Enfin${N}; bref`],
    ['glues the space before ? to the word even when the author forgot it', 'Pourquoi?', `Pourquoi${N}?`],
    ['puts a no-break space before a colon', 'Au programme : des reportages', `Au programme${S}: des reportages`],
    ['puts narrow no-break spaces inside « »', '« Je soutiens » «Je soutiens»', `«${N}Je soutiens${N}» «${N}Je soutiens${N}»`],
    [
      'never touches URLs, e-mail addresses or times',
      'Voir https://exemple.org/a?b=c;d:e ! Écrire à contact@exemple.org ? le jeudi à 18:30 !',
      `Voir https://exemple.org/a?b=c;d:e${N}! Écrire à contact@exemple.org${N}? le jeudi à 18:30${N}!`,
    ],
  ])('%s', (_, text, expected) => {
    expect(frenchTypography(text)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = frenchTypography('Quoi ?! « Oui » : non ; si !');
    expect(frenchTypography(once)).toBe(once);
  });
});

describe('frenchTypographyHtml', () => {
  it.each([
    [
      'changes text, not tags, attributes or code',
      '<p>Au programme : <a href="https://a.example/?q=1;2">lien ?</a> <code>a ? b : c</code></p>',
      `<p>Au programme${S}: <a href="https://a.example/?q=1;2">lien${N}?</a> <code>a ? b : c</code></p>`,
    ],
    [
      'never splits an entity from its semicolon (« Médecins &amp; co » stayed « & ; » on the card)',
      '<p>Soins &amp; accueil ; « partout » &#x2014; ici&nbsp;!</p>',
      `<p>Soins &amp; accueil${N}; «${N}partout${N}» &#x2014; ici&nbsp;!</p>`,
    ],
  ])('%s', (_, html, expected) => {
    expect(frenchTypographyHtml(html)).toBe(expected);
  });
});
