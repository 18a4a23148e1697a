import { describe, expect, it } from 'vitest';
import { bidiControlOf, hostSkeleton, mixedScriptLabel, userInfoOf } from '../../src/lib/organisations/honest-text';
import { readFrontmatter } from '../../src/lib/organisations/frontmatter';

describe('addresses that lead elsewhere than they read', () => {
  it('finds user info before the host', () => {
    expect(userInfoOf('https://www.lemediatv.fr@evil.example/')).toBe('www.lemediatv.fr@');
    expect(userInfoOf('https://user:secret@evil.example/')).toBe('user:…@');
    expect(userInfoOf('https://www.lemediatv.fr/@compte')).toBeUndefined();
  });

  it('finds a host label that mixes alphabets, not one written in a single other alphabet', () => {
    expect(mixedScriptLabel('https://www.lеmediatv.fr/')).toBe('lеmediatv'); // a Cyrillic « е »
    expect(mixedScriptLabel('https://www.xn--lmediatv-c8g.fr/')).toBeDefined(); // the same, as punycode
    expect(mixedScriptLabel('https://пример.рф/')).toBeUndefined();
    expect(mixedScriptLabel('https://www.blast-info.fr/')).toBeUndefined();
  });

  it('reads lookalike letters as the Latin ones, to compare hosts', () => {
    expect(hostSkeleton('https://аррӏе.example/')).toBe('apple.example');
    expect(hostSkeleton('https://WWW.Blast-Info.fr/')).toBe('www.blast-info.fr');
  });

  it('finds the invisible characters that reverse text', () => {
    expect(bidiControlOf('Croix\u202eeguoR')).toBe('U+202E');
    expect(bidiControlOf('La Croix-Rouge')).toBeUndefined();
  });
});

describe('frontmatter', () => {
  it('refuses a YAML alias bomb at once, with a message', () => {
    // Ten levels of nine aliases to the level above: a billion « lol » once expanded.
    const levels = 'abcdefghij'.split('');
    const nine = (value: string) => Array(9).fill(value).join(',');
    const bomb = levels.map((name, index) => `${name}: &${name} [${nine(index ? `*${levels[index - 1]}` : '"lol"')}]`);
    const started = performance.now();
    const result = readFrontmatter(`---\nname: Bombe\n${bomb.join('\n')}\n---\n\nTexte.`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toEqual({ problem: expect.stringContaining('trop de valeurs par des alias YAML') });
  });

  it('keeps dates as written, so that an impossible one can be refused', () => {
    expect(readFrontmatter('---\nsince: 2024-02-30\n---\n')).toEqual({ data: { since: '2024-02-30' }, body: '' });
  });
});
