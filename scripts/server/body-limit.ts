import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestStep } from './http-server.ts';

/** Public forms are a few KB; the back office's largest form (a listing) stays far below 1 MB. */
export const PUBLIC_BODY_LIMIT = 64 * 1024;
export const BACK_OFFICE_BODY_LIMIT = 1024 * 1024;

const BACK_OFFICE = /^\/(beheer(\/|$|\?)|_actions\/)/;

export function bodyLimitFor(url: string): number {
  return BACK_OFFICE.test(url) ? BACK_OFFICE_BODY_LIMIT : PUBLIC_BODY_LIMIT;
}

/**
 * A client only shows an answer it could read, and many stop reading when the server closes while
 * they are still sending. So the refused body is read and thrown away, up to this much; a larger
 * one gets the connection closed under it.
 */
const DISCARD_AT_MOST = 16 * 1024 * 1024;

function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  status: 411 | 413,
  message: string,
): void {
  const body =
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Niet verstuurd</title></head>' +
    `<body><h1>Niet verstuurd</h1><p>${message}</p><p><a href="/">Naar de homepage</a></p></body></html>`;
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_AT_MOST) request.socket.destroy();
  });
  request.resume();
}

/**
 * Refuses a request body over its limit before anything reads it: answered at once with a short
 * Dutch page, nothing parsed, stored or echoed. A body must announce its length; one that does
 * not is refused too, so no limit depends on counting a stream later.
 */
export const bodyLimit: RequestStep = (request: IncomingMessage, response, next) => {
  const method = request.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
  if (request.headers['transfer-encoding'] !== undefined) {
    return refuse(
      request,
      response,
      411,
      'Dit formulier kwam niet goed aan. Laad de pagina opnieuw en probeer het nog een keer.',
    );
  }
  const length = Number(request.headers['content-length'] ?? 0);
  if (!Number.isSafeInteger(length) || length > bodyLimitFor(request.url ?? '/')) {
    return refuse(
      request,
      response,
      413,
      'Wat je stuurde is te groot. Maak je tekst korter en probeer het nog een keer.',
    );
  }
  next();
};
