/**
 * When a support started or ended, as the owner writes it: a month `2021-03` (owners rarely know the
 * day) or a day `2021-03-15`. Kept as written: it is also a valid HTML `<time datetime>` value.
 */
export type SupportDate = string;

const SUPPORT_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
/** No organisation on this page was supported before this year: an earlier one is a typo. */
export const EARLIEST_SUPPORT_YEAR = 1900;

export type SupportDateProblem = 'format' | 'impossible' | 'too-early' | 'future';

/** What is wrong with a written date, or undefined. `today` is the build's day (UTC). */
export function supportDateProblem(text: string, today: Date = new Date()): SupportDateProblem | undefined {
  const match = SUPPORT_DATE.exec(text);
  if (!match) return 'format';
  const [, year = '', month = '', day] = match;
  const monthIndex = Number(month) - 1;
  if (monthIndex < 0 || monthIndex > 11) return 'impossible';
  if (day !== undefined) {
    // `new Date('2024-02-30')` silently becomes 1 March: compare the day back.
    const date = new Date(Date.UTC(Number(year), monthIndex, Number(day)));
    if (Number(day) < 1 || date.getUTCMonth() !== monthIndex) return 'impossible';
  }
  if (Number(year) < EARLIEST_SUPPORT_YEAR) return 'too-early';
  if (text > today.toISOString().slice(0, text.length)) return 'future';
  return undefined;
}

/** The first instant of the date (the first of the month for a month), in UTC. */
export function supportDateStart(date: SupportDate): Date {
  return new Date(`${date.length === 7 ? `${date}-01` : date}T00:00:00Z`);
}

/** « mars 2024 », « March 2024 »: how long the support has lasted matters, the exact day does not. */
export function formatSupportMonth(date: SupportDate, locale = 'fr-FR'): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(supportDateStart(date));
}

/** Whether `end` is before `start`, at the precision both share (`2021-03` is not before `2021-03-15`). */
export function endsBeforeStart(start: SupportDate, end: SupportDate): boolean {
  const precision = Math.min(start.length, end.length);
  return end.slice(0, precision) < start.slice(0, precision);
}
