import { describe, expect, it } from 'vitest';
import { formatSince, isoDate } from '../../src/lib/format';

describe('formatSince', () => {
  it('writes the month and year in French', () => {
    expect(formatSince(new Date('2024-03-01'))).toBe('mars 2024');
  });

  it('does not shift the month with the time zone', () => {
    expect(formatSince(new Date('2021-06-01'))).toBe('juin 2021');
  });
});

describe('isoDate', () => {
  it('gives the YYYY-MM-DD form', () => {
    expect(isoDate(new Date('2024-03-01'))).toBe('2024-03-01');
  });
});
