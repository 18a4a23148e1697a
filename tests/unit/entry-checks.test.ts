import { describe, expect, it } from 'vitest';
import { findEntryProblems, type StoredEntry } from '../../src/lib/organisations/checks';
import { formatEntryProblems } from '../../src/lib/organisations/messages';

const stored = (id: string, name: string, url: string, body = 'Une description.'): StoredEntry => ({
  id,
  filePath: `src/content/organisations/${id}.md`,
  body,
  data: { name, url },
});
const file = (id: string) => `src/content/organisations/${id}.md`;

describe('findEntryProblems', () => {
  it.each([
    ['finds nothing in distinct, described entries', [stored('a', 'A', 'https://a.example/'), stored('b', 'B', 'https://b.example/')]],
    // The schema reports them.
    [
      'skips links the schema already refused instead of crashing on them',
      [stored('a', 'A', 'www.a.example'), stored('b', 'B', 'www.a.example')],
    ],
    [
      'keeps different pages of one site apart',
      [
        stored('a', 'A', 'https://www.kisskissbankbank.com/fr/projects/spark'),
        stored('b', 'B', 'https://www.kisskissbankbank.com/fr/projects/backseat'),
      ],
    ],
  ])('%s', (_, entries) => {
    expect(findEntryProblems(entries)).toEqual([]);
  });

  it('names the file of an entry without description', () => {
    expect(findEntryProblems([stored('vide', 'Vide', 'https://v.example/', '  \n\n ')])).toEqual([
      { file: file('vide'), field: 'description', message: expect.stringContaining('description est vide') },
    ]);
  });

  it('finds the same name written differently, naming both files', () => {
    const problems = findEntryProblems([
      stored('le-media', 'Le Média', 'https://www.lemediatv.fr/'),
      stored('le-media-2', 'le media', 'https://autre.example/'),
    ]);
    expect(problems).toEqual([{ file: file('le-media-2'), field: 'name', message: expect.stringContaining(file('le-media')) }]);
  });

  it('calls the alphabetically first file the original, whatever order the loader gives (it reads in parallel)', () => {
    const original = stored('la-quadrature-du-net', 'La Quadrature du Net', 'https://www.laquadrature.net/');
    const copy = stored('lqdn', 'La Quadrature du Net', 'https://www.laquadrature.net/');
    const said = expect.stringContaining(`déjà utilisé par ${file('la-quadrature-du-net')}`);
    for (const order of [
      [original, copy],
      [copy, original],
    ]) {
      expect(findEntryProblems(order)).toEqual([
        { file: file('lqdn'), field: 'name', message: said },
        { file: file('lqdn'), field: 'url', message: said },
      ]);
    }
  });

  it('finds the same link written differently', () => {
    const problems = findEntryProblems([
      stored('blast', 'BLAST', 'https://www.blast-info.fr/'),
      stored('blast-bis', 'Blast, le souffle', 'https://blast-info.fr'),
    ]);
    expect(problems).toEqual([expect.objectContaining({ file: file('blast-bis'), field: 'url' })]);
  });
});

describe('formatEntryProblems', () => {
  it('lists every problem with its file and field', () => {
    const text = formatEntryProblems([
      { file: 'a.md', field: 'description', message: 'vide' },
      { file: 'b.md', field: 'url', message: 'doublon' },
    ]);
    for (const line of ['2 problèmes', 'a.md — champ « description » : vide', 'b.md — champ « url » : doublon'])
      expect(text).toContain(line);
  });
});
