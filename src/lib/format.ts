const monthYear = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** « mars 2024 »: how long the support has lasted matters, the exact day does not. */
export function formatSince(date: Date): string {
  return monthYear.format(date);
}

/** `2024-03-01`, the machine-readable form for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
