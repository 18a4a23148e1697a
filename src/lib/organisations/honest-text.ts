import { domainToUnicode } from 'node:url';

/**
 * Text and addresses that read as something else than what they are: an address whose user info makes
 * `https://www.lemediatv.fr@autre.example/` lead to `autre.example`, a host name that mixes alphabets
 * (a Cyrillic « е » in a Latin name), and the invisible characters that reverse displayed text.
 */

/** The user info of an address (`user:password@`), or undefined. */
export function userInfoOf(address: string): string | undefined {
  if (!URL.canParse(address)) return undefined;
  const { username, password } = new URL(address);
  return username || password ? `${username}${password ? ':…' : ''}@` : undefined;
}

/** The scripts a label may combine with Latin, as Japanese or Chinese names do, are not looked for here. */
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Hebrew', 'Arabic', 'Georgian', 'Cherokee'] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const);

/** The first label of the host that mixes alphabets, in Unicode, or undefined. */
export function mixedScriptLabel(address: string): string | undefined {
  if (!URL.canParse(address)) return undefined;
  const host = domainToUnicode(new URL(address).hostname);
  return host.split('.').find((label) => SCRIPT_PATTERNS.filter(([, pattern]) => pattern.test(label)).length > 1);
}

/**
 * Letters of other alphabets that look like Latin ones (each pair: the lookalike, then the Latin letter), for
 * comparing host names: `аррle` (Cyrillic) and `apple` have the same skeleton. Unicode's full confusables table
 * is far larger; these are the ones a homograph of a Latin host name uses.
 */
const LOOKALIKES = new Map(
  'аa вb еe ёe һh іi їi јj кk мm нh оo рp сc тt уy хx ѕs ԁd ԛq ԝw ӏl ɡg αa βb εe ιi κk νv οo ρp τt υu χx γy'
    .split(' ')
    .map(([lookalike = '', latin = '']) => [lookalike, latin]),
);

/** The host of an address as it reads: Unicode, lower case, lookalike letters replaced by Latin ones. */
export function hostSkeleton(address: string): string | undefined {
  if (!URL.canParse(address)) return undefined;
  const host = domainToUnicode(new URL(address).hostname).toLowerCase();
  return [...host].map((letter) => LOOKALIKES.get(letter) ?? letter).join('');
}

/** Invisible characters that change the direction of the text around them (« Trojan Source »). */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The first bidirectional control character of a text, as `U+202E`, or undefined. */
export function bidiControlOf(text: string): string | undefined {
  const found = BIDI_CONTROLS.exec(text)?.[0];
  return found === undefined ? undefined : `U+${found.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
}
