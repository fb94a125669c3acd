// Serves recorded PDOK Locatieserver answers on loopback, so address lookups are tested for real
// over HTTP without reaching the network. Run as a script (the e2e suite's web server) or start
// it from a test with `startRecordedLocatieserver(0)`.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'locatieserver');
/** Postcode that answers too late, to test the 2 s timeout. */
export const SLOW_POSTCODE = '9999ZZ';
/** Postcode that answers with a server error. */
export const BROKEN_POSTCODE = '9999ZY';

function recorded(name: string): string {
  try {
    return readFileSync(join(FIXTURES, `${name}.json`), 'utf8');
  } catch {
    return readFileSync(join(FIXTURES, 'niet-gevonden.json'), 'utf8');
  }
}

export function startRecordedLocatieserver(
  port: number,
): Promise<{ server: Server; url: string; requests: () => number }> {
  let count = 0;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return void response.end('ok');
    count++;
    const match = /postcode:(\w+) and huisnummer:(\d+)/.exec(url.searchParams.get('q') ?? '');
    if (!url.pathname.endsWith('/free') || url.searchParams.get('fq') !== 'type:adres' || !match) {
      response.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"bad request"}');
      return;
    }
    const [, postcode, number] = match;
    if (postcode === BROKEN_POSTCODE) return void response.writeHead(500).end();
    const send = () =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(recorded(`${postcode}-${number}`));
    if (postcode === SLOW_POSTCODE) setTimeout(send, 5000).unref();
    else send();
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://127.0.0.1:${address.port}/bzk/locatieserver/search/v3_1`,
        requests: () => count,
      });
    });
  });
}

if (process.argv[1] === import.meta.filename) {
  const { url } = await startRecordedLocatieserver(Number(process.env.PORT ?? 4401));
  console.log(`Recorded Locatieserver on ${url}`);
}
