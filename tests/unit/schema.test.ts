import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { fieldIssues, organisationErrorMap } from '../../src/lib/organisations/error-map';
import { organisationSchema } from '../../src/lib/organisations/schema';

/**
 * The collection's schema, read with its error map as the loader reads it, with a plain string standing in for Astro's `image()` (which
 * resolves files during a build). What a missing logo file does is tested on a real build.
 */
const organisation = organisationSchema({ image: () => z.string().min(1) });

const valid = { name: 'BLAST', url: 'https://www.blast-info.fr/', logo: './blast.jpg', category: 'medias-independants' };

function issuesOf(data: Record<string, unknown>) {
  const result = organisation.safeParse(data, { error: organisationErrorMap });
  return result.success ? [] : fieldIssues(result.error).map(({ field, message }) => ({ path: field, message }));
}

describe('organisations schema', () => {
  it('accepts a minimal entry and defaults draft to false', () => {
    expect(organisation.parse(valid)).toEqual({ ...valid, draft: false });
  });

  it('accepts every optional field, the support’s story included', () => {
    const entry = {
      ...valid,
      cta: { label: 'Faire un don', url: 'https://don.example.org/' },
      order: 2,
      since: '2021-03',
      draft: true,
      support: 'adhesion',
      until: '2024-05',
      why: 'Parce qu’ils défendent nos libertés.',
      feed: 'https://www.laquadrature.net/feed/',
    };
    expect(organisation.parse(entry, { error: organisationErrorMap })).toEqual(entry);
  });

  it.each([
    { url: 'http://example.org/' },
    { url: 'https://fr.wikipedia.org/wiki/Framasoft' },
    // since and until are compared at the precision they share.
    { since: '2021-03-15', until: '2021-03' },
  ])('accepts %j', (fields) => {
    expect(issuesOf({ ...valid, ...fields })).toEqual([]);
  });

  it.each(['name', 'url', 'logo', 'category'])('requires %s', (field) => {
    const { [field as keyof typeof valid]: _removed, ...rest } = valid;
    expect(issuesOf(rest).map((issue) => issue.path)).toContain(field);
  });

  it.each(['javascript:alert(1)', 'mailto:contact@example.org', 'ftp://ftp.example.org/', 'blast-info.fr', 'une adresse', ''])(
    'refuses %j as a link, explaining what a web address is',
    (url) => {
      expect(issuesOf({ ...valid, url })).toEqual([{ path: 'url', message: expect.stringContaining('https://') }]);
      expect(issuesOf({ ...valid, cta: { label: 'Don', url } })).toEqual([
        { path: 'cta.url', message: expect.stringContaining('https://') },
      ]);
    },
  );

  it.each([
    [{ name: '' }, 'name', '« name » est vide'],
    [{ name: '   ' }, 'name', '« name » est vide'],
    [{ category: 'culture' }, 'category', 'medias-independants, solidarite, libertes-numeriques'],
    [{ titre: 'BLAST' }, 'titre', 'le champ « titre » n’est pas reconnu : champs possibles : name, url'],
    [{ cta: { label: 'Don', url: 'https://a.example/', urll: 'x' } }, 'cta.urll', 'vouliez-vous écrire « url » ?'],
    [{ cta: 'Faire un don' }, 'cta', '« cta » doit contenir « label: … » et « url: … »'],
    [{ cta: { label: ' ', url: 'https://a.example/' } }, 'cta.label', '« cta.label » est vide'],
    [{ order: 1.5 }, 'order', 'doit être un nombre entier'],
    [{ order: 'premier' }, 'order', 'doit être un nombre entier'],
    [{ since: 'hier' }, 'since', 'doit être une date écrite AAAA-MM-JJ, ou un mois AAAA-MM'],
    [{ until: 2024 }, 'until', 'doit être une date écrite AAAA-MM-JJ, ou un mois AAAA-MM'],
    [{ support: 'don mensuel' }, 'support', 'Vouliez-vous écrire « don-mensuel » ?'],
    [{ support: 'cotisation' }, 'support', 'Valeurs possibles : don-mensuel, don-ponctuel'],
    [{ until: '2024-13' }, 'until', 'n’est pas une date qui existe'],
    [{ until: '2099-01' }, 'until', 'tant qu’il dure, n’écrivez pas « until »'],
    [{ since: '2024-05', until: '2021-03' }, 'until', '« until » est avant « since »'],
    [{ why: 'x'.repeat(281) }, 'why', '« why » fait 281 caractères, 280 au plus'],
    [{ why: 'Parce que **ils** le valent.' }, 'why', 'texte simple'],
    [{ why: '' }, 'why', '« why » est vide'],
    [{ feed: 'laquadrature.net/feed' }, 'feed', 'écrivez « https://laquadrature.net/feed »'],
    [{ feed: 'javascript:alert(1)' }, 'feed', 'n’est pas une adresse web : « feed » doit commencer par https://'],
  ])('refuses %j in « %s », saying what to write', (fields, field, message) => {
    expect(issuesOf({ ...valid, ...fields })).toEqual([{ path: field, message: expect.stringContaining(message) }]);
  });

  it('describes every field, for the editor', () => {
    const { shape } = organisation;
    expect(Object.keys(shape).join(' ')).toBe('name url logo category cta order since draft support until why feed');
    expect(Object.entries(shape).flatMap(([key, field]) => (field.description ? [] : [key]))).toEqual([]);
  });
});
