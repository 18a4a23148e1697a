import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { fieldIssues, organisationErrorMap } from '../../src/lib/organisations/error-map';
import { organisationSchema } from '../../src/lib/organisations/schema';

/**
 * The collection's schema, read with its error map as the loader reads it, with a plain string standing
 * in for Astro's `image()` (which resolves files during a build). What a missing logo file does is tested
 * on a real build.
 */
const organisation = organisationSchema({ image: () => z.string().min(1) });

const valid = {
  name: 'BLAST',
  url: 'https://www.blast-info.fr/',
  logo: './blast.jpg',
  category: 'medias-independants',
};

function issuesOf(data: Record<string, unknown>) {
  const result = organisation.safeParse(data, { error: organisationErrorMap });
  return result.success ? [] : fieldIssues(result.error).map(({ field, message }) => ({ path: field, message }));
}

describe('organisations schema', () => {
  it('accepts a minimal entry and defaults draft to false', () => {
    const result = organisation.safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ ...valid, draft: false });
  });

  it('accepts every optional field', () => {
    const result = organisation.safeParse({
      ...valid,
      cta: { label: 'Faire un don', url: 'https://don.example.org/' },
      order: 2,
      since: '2024-03-01',
      draft: true,
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ since: '2024-03-01', order: 2, draft: true });
  });

  it.each(['name', 'url', 'logo', 'category'])('requires %s', (field) => {
    const { [field as keyof typeof valid]: _removed, ...rest } = valid;
    expect(issuesOf(rest).map((issue) => issue.path)).toContain(field);
  });

  it('refuses an empty or blank name', () => {
    expect(issuesOf({ ...valid, name: '' })).toEqual([{ path: 'name', message: expect.stringContaining('vide') }]);
    expect(issuesOf({ ...valid, name: '   ' })).toHaveLength(1);
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

  it('accepts http and https links', () => {
    expect(issuesOf({ ...valid, url: 'http://example.org/' })).toEqual([]);
    expect(issuesOf({ ...valid, url: 'https://fr.wikipedia.org/wiki/Framasoft' })).toEqual([]);
  });

  it('lists the valid categories when one does not exist', () => {
    const [issue] = issuesOf({ ...valid, category: 'culture' });
    expect(issue?.path).toBe('category');
    expect(issue?.message).toContain('medias-independants, solidarite, libertes-numeriques');
  });

  it('refuses unknown fields, at the top and inside cta', () => {
    expect(issuesOf({ ...valid, titre: 'BLAST' })).toEqual([
      { path: 'titre', message: expect.stringContaining('le champ « titre » n’est pas reconnu : champs possibles : name, url') },
    ]);
    expect(issuesOf({ ...valid, cta: { label: 'Don', url: 'https://a.example/', urll: 'x' } })).toHaveLength(1);
  });

  it('explains the shape of a cta written as a single value', () => {
    expect(issuesOf({ ...valid, cta: 'Faire un don' })).toEqual([
      { path: 'cta', message: expect.stringContaining('« cta » doit contenir « label: … » et « url: … »') },
    ]);
  });

  it('refuses a cta without its label', () => {
    expect(issuesOf({ ...valid, cta: { label: ' ', url: 'https://a.example/' } }).map((issue) => issue.path)).toEqual(['cta.label']);
  });

  it('refuses an order that is not an integer and a date that is not a date', () => {
    expect(issuesOf({ ...valid, order: 1.5 }).map((issue) => issue.path)).toEqual(['order']);
    expect(issuesOf({ ...valid, order: 'premier' }).map((issue) => issue.path)).toEqual(['order']);
    expect(issuesOf({ ...valid, since: 'hier' }).map((issue) => issue.path)).toEqual(['since']);
  });
});

describe('organisations schema documentation', () => {
  it('describes every field, for the editor', () => {
    const { shape } = organisation;
    const undocumented = Object.entries(shape)
      .filter(([, field]) => !field.description)
      .map(([key]) => key);
    expect(Object.keys(shape)).toEqual([
      'name',
      'url',
      'logo',
      'category',
      'cta',
      'order',
      'since',
      'draft',
      'support',
      'until',
      'why',
      'feed',
    ]);
    expect(undocumented).toEqual([]);
  });
});

describe('the fields of a support’s story', () => {
  it('accepts them all', () => {
    const result = organisation.safeParse(
      {
        ...valid,
        support: 'adhesion',
        since: '2021-03',
        until: '2024-05',
        why: 'Parce qu’ils défendent nos libertés.',
        feed: 'https://www.laquadrature.net/feed/',
      },
      { error: organisationErrorMap },
    );
    expect(result.success).toBe(true);
  });

  it.each([
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

  it('compares since and until at the precision they share', () => {
    expect(issuesOf({ ...valid, since: '2021-03-15', until: '2021-03' })).toEqual([]);
  });
});
