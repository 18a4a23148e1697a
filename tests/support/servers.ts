import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server on a free loopback port: its origin, and a `close` that also drops the connections left open. */
export async function serve(listener: RequestListener): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      return closed;
    },
  };
}

/** A TCP port nobody listens on right now, for a server or a DevTools endpoint the test starts. */
export async function freePort(): Promise<number> {
  const server = await serve(() => {});
  await server.close();
  return Number(new URL(server.origin).port);
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
