// A tile service on loopback, serving the generated test tiles over HTTP as PDOK would, so the
// tile proxy is tested for real without reaching the network. Run as a script (the e2e suite's web
// server, with TILE_DIR and PORT) or start it from a test with `startTileUpstream(directory, 0)`.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** A tile path that answers too late, to test the proxy's timeout. */
export const SLOW_TILE = '/17/0/0.png';

export async function startTileUpstream(
  directory: string,
  port: number,
): Promise<{ server: Server; template: string; requests: string[]; stop(): Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/health') return void response.end('ok');
    requests.push(path);
    if (path === SLOW_TILE) return void setTimeout(() => response.writeHead(504).end(), 5000).unref();
    const match = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(path);
    if (!match) return void response.writeHead(404).end();
    const [, z = '', x = '', y = ''] = match;
    readFile(join(directory, z, x, `${y}.png`)).then(
      (png) => response.writeHead(200, { 'content-type': 'image/png' }).end(png),
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('geen tegel'),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    server,
    template: `http://127.0.0.1:${address.port}/{z}/{x}/{y}.png`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] === import.meta.filename) {
  const { template } = await startTileUpstream(process.env.TILE_DIR ?? '.', Number(process.env.PORT ?? 4403));
  console.log(`Test tiles on ${template}`);
}
