import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server on a free loopback port: its origin, and a `close` that also drops the connections left open. */
export async function serve(listener: RequestListener): Promise<{ origin: string; close(): void }> {
  const server = createServer(listener);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

/** The body of the first successful answer from a server that is starting, or an error with `log()` after `timeoutMs`. */
export async function waitForAnswer(url: string, timeoutMs: number, log = () => ''): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.text();
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error;
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`Nothing answered at ${url}: ${String(last)}\n${log()}`);
}
