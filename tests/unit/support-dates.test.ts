import { describe, expect, it } from 'vitest';
import { formatSupportMonth, supportDateProblem, supportDateStart } from '../../src/lib/support-dates';

const today = new Date('2026-12-02T10:00:00Z');

describe('supportDateProblem', () => {
  it.each(['2021-03', '2021-03-15', '2024-02-29', '1900-01', '2026-12', '2026-12-02'])('accepts %s', (text) => {
    expect(supportDateProblem(text, today)).toBeUndefined();
  });

  it.each([
    ['impossible', ['2024-02-30', '2023-02-29', '2024-13', '2024-00-10', '2024-04-31', '2024-04-00']],
    ['too-early', ['1850-06']],
    ['future', ['2027-01', '2026-12-03']],
    ['format', ['mars 2021', '2021', '2021-3-1', '01/03/2021']],
  ])('refuses as %s: %j', (problem, texts) => {
    expect(Object.fromEntries(texts.map((text) => [text, supportDateProblem(text, today)]))).toEqual(
      Object.fromEntries(texts.map((text) => [text, problem])),
    );
  });
});

describe('support dates on the page', () => {
  it('write the month and year in French, whatever the time zone', () => {
    expect([formatSupportMonth('2024-03-01'), formatSupportMonth('2021-06')]).toEqual(['mars 2024', 'juin 2021']);
  });

  it('start at the first instant of their day or month', () => {
    expect([supportDateStart('2021-06'), supportDateStart('2021-06-15')]).toEqual([
      new Date('2021-06-01T00:00:00Z'),
      new Date('2021-06-15T00:00:00Z'),
    ]);
  });
});
