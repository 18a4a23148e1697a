import { describe, expect, it } from 'vitest';
import { findEntryProblems, type StoredEntry } from '../../src/lib/organisations/checks';
import { formatEntryProblems } from '../../src/lib/organisations/messages';

function stored(id: string, data: Record<string, unknown>, body = 'Une description.'): StoredEntry {
  return { id, filePath: `src/content/organisations/${id}.md`, body, data };
}

describe('findEntryProblems', () => {
  it('finds nothing in distinct, described entries', () => {
    expect(
      findEntryProblems([stored('a', { name: 'A', url: 'https://a.example/' }), stored('b', { name: 'B', url: 'https://b.example/' })]),
    ).toEqual([]);
  });

  it('names the file of an entry without description', () => {
    expect(findEntryProblems([stored('vide', { name: 'Vide', url: 'https://v.example/' }, '  \n\n ')])).toEqual([
      {
        file: 'src/content/organisations/vide.md',
        field: 'description',
        message: expect.stringContaining('description est vide'),
      },
    ]);
  });

  it('finds the same name written differently, naming both files', () => {
    const [problem] = findEntryProblems([
      stored('le-media', { name: 'Le Média', url: 'https://www.lemediatv.fr/' }),
      stored('le-media-2', { name: 'le media', url: 'https://autre.example/' }),
    ]);
    expect(problem).toMatchObject({ file: 'src/content/organisations/le-media-2.md', field: 'name' });
    expect(problem?.message).toContain('src/content/organisations/le-media.md');
  });

  it('calls the alphabetically first file the original, whatever order the loader gives (it reads in parallel)', () => {
    const original = stored('la-quadrature-du-net', { name: 'La Quadrature du Net', url: 'https://www.laquadrature.net/' });
    const copy = stored('lqdn', { name: 'La Quadrature du Net', url: 'https://www.laquadrature.net/' });
    for (const order of [
      [original, copy],
      [copy, original],
    ]) {
      const problems = findEntryProblems(order);
      expect(problems.map((problem) => [problem.file, problem.field])).toEqual([
        ['src/content/organisations/lqdn.md', 'name'],
        ['src/content/organisations/lqdn.md', 'url'],
      ]);
      for (const problem of problems)
        expect(problem.message).toContain('déjà utilisé par src/content/organisations/la-quadrature-du-net.md');
    }
  });

  it('finds the same link written differently', () => {
    const problems = findEntryProblems([
      stored('blast', { name: 'BLAST', url: 'https://www.blast-info.fr/' }),
      stored('blast-bis', { name: 'Blast, le souffle', url: 'https://blast-info.fr' }),
    ]);
    expect(problems).toEqual([expect.objectContaining({ file: 'src/content/organisations/blast-bis.md', field: 'url' })]);
  });

  it('skips links the schema already refused instead of crashing on them', () => {
    expect(findEntryProblems([stored('a', { name: 'A', url: 'www.a.example' }), stored('b', { name: 'B', url: 'www.a.example' })])).toEqual(
      [],
    );
  });

  it('keeps different pages of one site apart', () => {
    expect(
      findEntryProblems([
        stored('a', { name: 'A', url: 'https://www.kisskissbankbank.com/fr/projects/spark' }),
        stored('b', { name: 'B', url: 'https://www.kisskissbankbank.com/fr/projects/backseat' }),
      ]),
    ).toEqual([]);
  });
});

describe('formatEntryProblems', () => {
  it('lists every problem with its file and field', () => {
    const text = formatEntryProblems([
      { file: 'a.md', field: 'description', message: 'vide' },
      { file: 'b.md', field: 'url', message: 'doublon' },
    ]);
    expect(text).toContain('2 problèmes');
    expect(text).toContain('a.md — champ « description » : vide');
    expect(text).toContain('b.md — champ « url » : doublon');
  });
});
