import { distance as editDistance } from 'fastest-levenshtein';

/**
 * The candidate a mistyped word most likely meant (`categroy` → `category`, `URL` → `url`),
 * or undefined when nothing is close enough to be a plausible typo.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.trim().toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return undefined;
  const tolerance = Math.max(2, Math.floor(best.candidate.length / 3));
  return best.distance <= tolerance ? best.candidate : undefined;
}
