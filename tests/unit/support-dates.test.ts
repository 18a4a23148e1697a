import { describe, expect, it } from 'vitest';
import { formatSupportMonth, supportDateProblem, supportDateStart } from '../../src/lib/support-dates';

const today = new Date('2026-12-02T10:00:00Z');

describe('supportDateProblem', () => {
  it.each(['2021-03', '2021-03-15', '2024-02-29', '1900-01', '2026-12', '2026-12-02'])('accepts %s', (text) => {
    expect(supportDateProblem(text, today)).toBeUndefined();
  });

  it.each([
    ['2024-02-30', 'impossible'],
    ['2023-02-29', 'impossible'],
    ['2024-13', 'impossible'],
    ['2024-00-10', 'impossible'],
    ['2024-04-31', 'impossible'],
    ['2024-04-00', 'impossible'],
    ['1850-06', 'too-early'],
    ['2027-01', 'future'],
    ['2026-12-03', 'future'],
    ['mars 2021', 'format'],
    ['2021', 'format'],
    ['2021-3-1', 'format'],
    ['01/03/2021', 'format'],
  ])('refuses %s as %s', (text, problem) => {
    expect(supportDateProblem(text, today)).toBe(problem);
  });
});

describe('support dates on the page', () => {
  it('write the month and year in French, whatever the time zone', () => {
    expect(formatSupportMonth('2024-03-01')).toBe('mars 2024');
    expect(formatSupportMonth('2021-06')).toBe('juin 2021');
  });

  it('start at the first instant of their day or month', () => {
    expect(supportDateStart('2021-06').toISOString()).toBe('2021-06-01T00:00:00.000Z');
    expect(supportDateStart('2021-06-15').toISOString()).toBe('2021-06-15T00:00:00.000Z');
  });
});
