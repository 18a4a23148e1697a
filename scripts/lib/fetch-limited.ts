import { EnvHttpProxyAgent, fetch } from 'undici';
import { fetchMessages } from '../../src/lib/organisations/messages.ts';

/**
 * Every download of `npm run new`: a timeout, a size limit, redirects followed by hand and only to http/https,
 * a User-Agent that says who asks, and the proxy variables as curl reads them (undici's EnvHttpProxyAgent).
 */

/** ASCII only: a header is a byte string. */
const USER_AGENT = 'je-soutiens-npm-run-new/1.0 (reads an organisation page to add it to a "Je soutiens" page)';
const MAX_REDIRECTS = 5;

const dispatcher = new EnvHttpProxyAgent();

/** The body, where it came from after redirects, and its type; or, as a string, why it failed in the owner's words. */
export async function fetchLimited(address: string, timeoutMs: number, maxBytes: number) {
  const signal = AbortSignal.timeout(timeoutMs);
  let url = address;
  try {
    for (let redirects = 0; ; redirects += 1) {
      const response = await fetch(url, { dispatcher, redirect: 'manual', signal, headers: { 'user-agent': USER_AGENT, accept: '*/*' } });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        const next = new URL(location, url);
        if (!/^https?:$/.test(next.protocol)) return fetchMessages.redirectNotWeb(url, next.protocol);
        if (redirects >= MAX_REDIRECTS) return fetchMessages.tooManyRedirects(address, MAX_REDIRECTS);
        url = next.href;
        continue;
      }
      const declared = Number(response.headers.get('content-length') ?? 0);
      const refused = !response.ok
        ? fetchMessages.status(url, response.status)
        : declared > maxBytes && fetchMessages.tooLarge(url, declared, maxBytes);
      if (refused) {
        await response.body?.cancel();
        return refused;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body ?? []) {
        size += chunk.byteLength;
        // The declared length may be absent or false: the limit holds on what really arrives.
        if (size > maxBytes) return fetchMessages.tooLarge(url, size, maxBytes);
        chunks.push(Buffer.from(chunk));
      }
      return { url, contentType: response.headers.get('content-type') ?? '', body: Buffer.concat(chunks) };
    }
  } catch (error) {
    if (signal.aborted) return fetchMessages.timeout(url, timeoutMs);
    // undici reports network failures as « fetch failed » with their cause; anything else is a bug, not the network.
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause === undefined) throw error;
    return fetchMessages.unreachable(url, cause.code);
  }
}
