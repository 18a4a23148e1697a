import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIDI_CONTROLS } from '../../src/lib/organisations/honest-text.ts';
import { EXTENSION_OF_FORMAT, inspectLogo } from '../../src/lib/organisations/logo-check.ts';
import { fetchMessages, fromAddressMessages } from '../../src/lib/organisations/messages.ts';
import { fetchLimited } from './fetch-limited.ts';
import { manifestCandidates, rankCandidates, readOrganisationPage, type Found } from './organisation-page.ts';

/**
 * `npm run new -- https://…`: what the organisation's page gives for a new entry. Nothing here is fatal:
 * whatever fails (offline, timeout, 404, not HTML, no usable logo) is said in `report` and `problem`, and
 * the entry is written with what is known. A logo is kept only if it passes the build's own logo check
 * (`inspectLogo`), its type read from its bytes.
 */

/** A delay per download (`NEW_FETCH_TIMEOUT_MS`, for tests), and size limits. */
const TIMEOUT_MS = Number(process.env['NEW_FETCH_TIMEOUT_MS']) || 10_000;
const [PAGE_BYTES, MANIFEST_BYTES, LOGO_BYTES] = [2_000_000, 200_000, 5_000_000];

/** Control characters, and the ones the build refuses in names (`honest-text.ts`). */
const CONTROLS = new RegExp(`\\p{Cc}|${BIDI_CONTROLS.source}`, 'gu');

/** Text from a page, made fit for a card: no control or direction characters, single spaces, a sane length; undefined if empty. */
function cleanText(found: Found, maxLength: number): Found {
  const clean = found?.value.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  if (!found || !clean) return undefined;
  return { ...found, value: clean.length <= maxLength ? clean : `${clean.slice(0, maxLength - 1).replace(/\s+\S*$/, '')}…` };
}

/** A `charset=` in a Content-Type, or in a `<meta charset>` / `<meta http-equiv="Content-Type">`. */
const CHARSET = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const BYTE_ORDER_MARKS = { 'utf-8': 'efbbbf', 'utf-16be': 'feff', 'utf-16le': 'fffe' };

/**
 * The page's text in the encoding it declares, in the order of the WHATWG encoding rules: a byte order mark,
 * then the HTTP header, then a `<meta>` in the first 1024 bytes; UTF-8 when none is given or known. Many older
 * French sites are in ISO-8859-1 or windows-1252 (which `TextDecoder` reads for both labels, as browsers do).
 */
function decodePage(body: Buffer, contentType: string): string {
  const bom = Object.entries(BYTE_ORDER_MARKS).find(([, bytes]) => body.toString('hex', 0, 3).startsWith(bytes))?.[0];
  // A page cannot declare UTF-16 in its own bytes: it would not be readable to find the declaration (WHATWG).
  const meta = META_CHARSET.exec(body.subarray(0, 1024).toString('latin1'))?.[1]?.replace(/^utf-16\w*$/i, 'utf-8');
  for (const label of [bom, CHARSET.exec(contentType)?.[1], meta]) {
    try {
      if (label) return new TextDecoder(label).decode(body);
    } catch {
      // An unknown label: the next declaration, or UTF-8.
    }
  }
  return new TextDecoder().decode(body);
}

/**
 * What the page gave: `report`, lines for the owner (what was taken from where, which logos were set aside and why);
 * `problem`, why the page or its logos gave nothing usable, one sentence saying what to do by hand.
 */
interface AddressReading {
  name?: Found;
  description?: Found;
  logo?: { body: Buffer; extension: string } | undefined;
  report: string[];
  problem?: string | undefined;
}

export async function readAddress(address: string, wantLogo: boolean): Promise<AddressReading> {
  const report = [fromAddressMessages.reading(address)];
  const response = await fetchLimited(address, TIMEOUT_MS, PAGE_BYTES);
  if (typeof response === 'string') return { report, problem: fromAddressMessages.pageUnreadable(response) };
  if (!/html/i.test(response.contentType)) {
    return { report, problem: fromAddressMessages.pageUnreadable(fetchMessages.notHtml(response.url, response.contentType)) };
  }
  const page = readOrganisationPage(decodePage(response.body, response.contentType), response.url);
  const reading = { name: cleanText(page.name, 120), description: cleanText(page.description, 600), report };
  if (reading.name) report.push(fromAddressMessages.nameFound(reading.name.value, reading.name.source));
  if (reading.description) report.push(fromAddressMessages.descriptionFound(reading.description.source));
  if (!wantLogo) return reading;

  let candidates = page.candidates;
  if (page.manifest) {
    const manifest = await fetchLimited(page.manifest, TIMEOUT_MS, MANIFEST_BYTES);
    if (typeof manifest === 'string')
      report.push(fromAddressMessages.logoRefused(page.manifest, fromAddressMessages.sources.manifest, manifest));
    else candidates = rankCandidates([...candidates, ...manifestCandidates(manifest.body.toString('utf8'), manifest.url)]);
  }
  const folder = await mkdtemp(join(tmpdir(), 'je-soutiens-logo-'));
  try {
    for (const { url, source } of candidates) {
      const result = await tryCandidate(url, folder);
      if (typeof result === 'string') report.push(fromAddressMessages.logoRefused(url, source, result));
      else {
        report.push(fromAddressMessages.logoChosen(url, source, result.chosenBecause));
        return { ...reading, logo: result };
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return { ...reading, problem: fromAddressMessages.noLogo };
}

/** Downloads one candidate and runs the build's logo check on it: the logo, or why it was set aside. */
async function tryCandidate(url: string, folder: string) {
  const response = await fetchLimited(url, TIMEOUT_MS, LOGO_BYTES);
  if (typeof response === 'string') return response;
  const { body } = response;
  // Its type from its bytes, whatever its address or the server says. sharp is loaded on first use (as in
  // logo-check.ts), so that `npm run new` refuses a wrong request before paying for it.
  const { default: sharp } = await import('sharp');
  const metadata = await sharp(body, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  const extension = metadata?.format ? EXTENSION_OF_FORMAT[metadata.format] : undefined;
  if (!extension) return fromAddressMessages.notAnImage;
  await writeFile(join(folder, `candidat.${extension}`), body);
  const checked = await inspectLogo(join(folder, `candidat.${extension}`), `candidat.${extension}`);
  if (checked.problem !== undefined) return checked.problem;
  const chosenBecause =
    extension === 'svg' ? fromAddressMessages.chosenVector : fromAddressMessages.chosenRaster(checked.width, checked.height);
  return { body, extension, chosenBecause };
}
