import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One step of the request pipeline: answers, or calls `next` to hand the request on. */
export type RequestStep = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

export interface HttpServer {
  readonly server: Server;
  listen(host: string, port: number): Promise<void>;
  /**
   * Stops accepting connections, lets requests in flight finish (at most `graceMs`), then closes
   * what is left. Resolves when no connection is open.
   */
  shutdown(graceMs: number): Promise<void>;
}

/**
 * The server process's HTTP server: the steps run in order for every request (limits, static
 * files, then the Astro app), and a shutdown that drains instead of cutting requests off.
 */
export function createHttpServer(steps: RequestStep[]): HttpServer {
  const inFlight = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
    let index = 0;
    const next = (): void => {
      const step = steps[index++];
      if (step) step(request, response, next);
      else if (!response.headersSent) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Niet gevonden');
      }
    };
    next();
  });
  // Slow or silent clients cannot hold a connection open for long.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;

  return {
    server,
    listen: (host, port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      }),
    async shutdown(graceMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Keep-alive connections of finished requests close as soon as they go idle.
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      const deadline = Date.now() + graceMs;
      while (inFlight.size > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      clearInterval(idle);
      server.closeAllConnections();
      await closed;
    },
  };
}
