import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { BIDI_CONTROLS } from '../../src/lib/organisations/honest-text.ts';
import { EXTENSION_OF_FORMAT, inspectLogo, logoVerdictMessage } from '../../src/lib/organisations/logo-check.ts';
import { fetchMessages, fromAddressMessages } from '../../src/lib/organisations/messages.ts';
import { fetchLimited, FetchProblem, type FetchLimits } from './fetch-limited.ts';
import { manifestCandidates, rankCandidates, readOrganisationPage, type LogoCandidate } from './organisation-page.ts';

/**
 * `npm run new -- https://…`: what the organisation's page gives for a new entry. Nothing here is fatal:
 * whatever fails (offline, timeout, 404, not HTML, no usable logo) is said in `report` and `problem`, and
 * the entry is written with what is known. A logo is kept only if it passes the build's own logo check
 * (`inspectLogo`), its type read from its bytes.
 */

interface Found {
  value: string;
  source: string;
}

export interface AddressReading {
  name?: Found | undefined;
  description?: Found | undefined;
  /** The chosen logo, ready to save beside the entry with its extension. */
  logo?: { body: Buffer; extension: string; url: string; source: string } | undefined;
  /** Lines for the owner: what was taken from where, which logos were set aside and why. */
  report: string[];
  /** Why the page or its logos gave nothing usable: one sentence saying what to do by hand. */
  problem?: string | undefined;
}

export interface ReadLimits {
  timeoutMs: number;
  pageBytes: number;
  logoBytes: number;
}

/** Control characters, and the ones the build refuses in names (`honest-text.ts`). */
const CONTROLS = new RegExp(`\\p{Cc}|${BIDI_CONTROLS.source}`, 'gu');

/** Text from a page, made fit for a card: no control or direction characters, single spaces, a sane length. */
function cleanText(text: string, maxLength: number): string {
  const clean = text.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  return clean.length <= maxLength ? clean : `${clean.slice(0, maxLength - 1).replace(/\s+\S*$/, '')}…`;
}

/** A `charset=` in a Content-Type, or in a `<meta charset>` / `<meta http-equiv="Content-Type">`. */
const CHARSET = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const BYTE_ORDER_MARKS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/**
 * The page's text in the encoding it declares, in the order of the WHATWG encoding rules: a byte order mark,
 * then the HTTP header, then a `<meta>` in the first 1024 bytes; UTF-8 when none is given or known. Many older
 * French sites are in ISO-8859-1 or windows-1252 (which `TextDecoder` reads for both labels, as browsers do).
 */
function decodePage(body: Buffer, contentType: string): string {
  const bom = BYTE_ORDER_MARKS.find(([bytes]) => bytes.every((byte, index) => body[index] === byte))?.[1];
  // A page cannot declare UTF-16 in its own bytes: it would not be readable to find the declaration (WHATWG).
  const meta = META_CHARSET.exec(body.subarray(0, 1024).toString('latin1'))?.[1]?.replace(/^utf-16\w*$/i, 'utf-8');
  for (const label of [bom, CHARSET.exec(contentType)?.[1], meta]) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(body);
    } catch {
      // An unknown label: the next declaration, or UTF-8.
    }
  }
  return new TextDecoder().decode(body);
}

export async function readAddress(
  address: string,
  { wantLogo, limits }: { wantLogo: boolean; limits: ReadLimits },
): Promise<AddressReading> {
  const report: string[] = [fromAddressMessages.reading(address)];
  const pageLimits: FetchLimits = { timeoutMs: limits.timeoutMs, maxBytes: limits.pageBytes };
  let page;
  try {
    const response = await fetchLimited(address, pageLimits);
    if (!/html/i.test(response.contentType)) throw new FetchProblem(fetchMessages.notHtml(response.url, response.contentType));
    page = { ...readOrganisationPage(decodePage(response.body, response.contentType), response.url), url: response.url };
  } catch (error) {
    if (!(error instanceof FetchProblem)) throw error;
    return { report, problem: fromAddressMessages.pageUnreadable(error.message) };
  }

  const name = page.name ? { ...page.name, value: cleanText(page.name.value, 120) } : undefined;
  const description = page.description ? { ...page.description, value: cleanText(page.description.value, 600) } : undefined;
  if (name?.value) report.push(fromAddressMessages.nameFound(name.value, name.source));
  if (description?.value) report.push(fromAddressMessages.descriptionFound(description.source));
  const reading: AddressReading = {
    name: name?.value ? name : undefined,
    description: description?.value ? description : undefined,
    report,
  };
  if (!wantLogo) return reading;

  let candidates = page.candidates;
  if (page.manifest) {
    try {
      const manifest = await fetchLimited(page.manifest, { timeoutMs: limits.timeoutMs, maxBytes: 200_000 });
      candidates = rankCandidates([...candidates, ...manifestCandidates(manifest.body.toString('utf8'), manifest.url)]);
    } catch (error) {
      if (!(error instanceof FetchProblem)) throw error;
      report.push(fromAddressMessages.logoRefused(page.manifest, fromAddressMessages.sources.manifest, error.message));
    }
  }
  const folder = await mkdtemp(join(tmpdir(), 'je-soutiens-logo-'));
  try {
    for (const candidate of candidates) {
      const result = await tryCandidate(candidate, folder, { timeoutMs: limits.timeoutMs, maxBytes: limits.logoBytes });
      if ('why' in result) {
        report.push(fromAddressMessages.logoRefused(candidate.url, candidate.source, result.why));
        continue;
      }
      report.push(fromAddressMessages.logoChosen(candidate.url, candidate.source, result.chosenBecause));
      return { ...reading, logo: { body: result.body, extension: result.extension, url: candidate.url, source: candidate.source } };
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return { ...reading, problem: fromAddressMessages.noLogo };
}

/** Downloads one candidate and runs the build's logo check on it. */
async function tryCandidate(
  candidate: LogoCandidate,
  folder: string,
  limits: FetchLimits,
): Promise<{ why: string } | { body: Buffer; extension: string; chosenBecause: string }> {
  let body;
  try {
    body = (await fetchLimited(candidate.url, limits)).body;
  } catch (error) {
    if (!(error instanceof FetchProblem)) throw error;
    return { why: error.message };
  }
  // Its type from its bytes, whatever its address or the server says.
  const format = await sharp(body, { limitInputPixels: false })
    .metadata()
    .then(
      (metadata) => metadata.format,
      () => undefined,
    );
  const extension = format ? EXTENSION_OF_FORMAT[format] : undefined;
  if (!extension) return { why: fromAddressMessages.notAnImage };
  const file = join(folder, `candidat.${extension}`);
  await writeFile(file, body);
  const verdict = await inspectLogo(file);
  const problem = logoVerdictMessage(`candidat.${extension}`, verdict);
  if (problem || verdict.kind !== 'ok') return { why: problem ?? fromAddressMessages.notAnImage };
  return {
    body,
    extension,
    chosenBecause: extension === 'svg' ? fromAddressMessages.chosenVector : fromAddressMessages.chosenRaster(verdict.width, verdict.height),
  };
}
