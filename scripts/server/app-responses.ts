import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { CACHE_UNTIL_HEADER, SEARCH_LOG_HEADER, decodeSearchLogHint } from '#admin/cache/cache-hints.ts';
import type { SearchLogEntry } from '#admin/search-log/search-log-repository.ts';
import { MIN_COMPRESS_BYTES, compressDynamic, isCompressible, negotiateEncoding } from './compression.ts';
import type { DataVersionSource } from './data-version-source.ts';
import { matchesEtag, weakEtag } from './etag.ts';
import type { RequestStep } from './http-server.ts';
import type { RenderCache, RenderedPage } from './render-cache.ts';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface AppResponsesOptions {
  /** Astro's request handler. */
  handler: Handler;
  /** Absent: nothing is cached, responses are still compressed and public pages get an ETag. */
  cache: RenderCache | undefined;
  version: DataVersionSource;
  /** Name of the back office's session cookie: a request that carries it is never cached. */
  sessionCookie: string;
  /** Counts a search answered from the cache, as the page would have when it rendered. */
  recordSearch: (entry: SearchLogEntry) => void;
}

/**
 * Pages that are personal, carry a form token or answer about the server itself: never cached.
 * A shared location (lat/lng) is personal too, and so is a page reached by a personal link: no
 * token ever becomes a cache key.
 */
const NEVER_CACHED =
  /^\/(?:beheer|_actions|vraag|helpen|activiteit-aanmelden|gelukt|aanvraag|aanbod\/[^/?]+\/(?:gebruik-maken|klopt-niet)|wijken\/mijn-wijk|api\/(?:health|ready))(?:[/?]|$)/;
const LOCATION_PARAM = /[?&](?:lat|lng)=/;

/**
 * The path as the router matches it: the router decodes `%68elpen` to `helpen` and serves `//helpen`
 * as `/helpen`, so the rule above must see the same path or a form page would slip into the cache.
 * Undefined when the path does not decode: such a request is simply not cached.
 */
function routedPath(url: string): string | undefined {
  const path = url.split(/[?#]/, 1)[0] ?? '/';
  try {
    return decodeURIComponent(path)
      .replace(/\/{2,}/g, '/')
      .toLowerCase();
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}

export function isCacheableRequest(request: IncomingMessage, sessionCookie: string): boolean {
  const url = request.url ?? '/';
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = routedPath(url);
  if (path === undefined || NEVER_CACHED.test(path) || LOCATION_PARAM.test(url)) return false;
  const cookie = request.headers.cookie;
  return !cookie || !cookie.split(';').some((part) => part.trim().startsWith(`${sessionCookie}=`));
}

interface Captured {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/**
 * Lets the app write its response into memory instead of onto the socket, so it can be
 * compressed, tagged and kept. Resolves undefined when the app gave up on the connection.
 */
function capture(
  handler: Handler,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<Captured | undefined> {
  return new Promise((resolve) => {
    // Own properties shadow the prototype's methods for this one response; deleting them restores it.
    const restore = () => {
      for (const name of ['writeHead', 'write', 'end'] as const) Reflect.deleteProperty(response, name);
    };
    const chunks: Buffer[] = [];
    let status: number | undefined;
    let headers: OutgoingHttpHeaders | undefined;
    const toBuffer = (chunk: unknown): Buffer | undefined =>
      chunk === undefined || chunk === null || typeof chunk === 'function'
        ? undefined
        : Buffer.isBuffer(chunk)
          ? chunk
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
            : typeof chunk === 'string'
              ? Buffer.from(chunk)
              : undefined;
    const onClose = () => {
      restore();
      resolve(undefined);
    };
    response.once('close', onClose);
    response.writeHead = (code: number, ...rest: unknown[]) => {
      status = code;
      const given = rest.find((value) => typeof value === 'object' && value !== null) as
        OutgoingHttpHeaders | undefined;
      headers = { ...response.getHeaders() };
      for (const [name, value] of Object.entries(given ?? {})) headers[name.toLowerCase()] = value;
      return response;
    };
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      const buffer = toBuffer(chunk);
      if (buffer) chunks.push(buffer);
      const callback = rest.find((value) => typeof value === 'function') as (() => void) | undefined;
      if (callback) setImmediate(callback);
      return true;
    }) as ServerResponse['write'];
    response.end = ((chunk?: unknown) => {
      const buffer = toBuffer(chunk);
      if (buffer) chunks.push(buffer);
      response.off('close', onClose);
      restore();
      resolve({
        status: status ?? response.statusCode,
        headers: headers ?? { ...response.getHeaders() },
        body: Buffer.concat(chunks),
      });
      return response;
    }) as ServerResponse['end'];
    handler(request, response);
  });
}

const hasNoStore = (cacheControl: unknown): boolean =>
  typeof cacheControl === 'string' && /no-store|private/i.test(cacheControl);

/** Turns what the app wrote into a page: internal hints read and removed, tag and caching decided. */
function toPage(
  captured: Captured,
  publicRequest: boolean,
  version: string,
): RenderedPage & { cacheable: boolean } {
  const headers = { ...captured.headers };
  const until = headers[CACHE_UNTIL_HEADER];
  const searchHint = headers[SEARCH_LOG_HEADER];
  delete headers[CACHE_UNTIL_HEADER];
  delete headers[SEARCH_LOG_HEADER];
  delete headers['content-length'];
  delete headers['transfer-encoding'];
  const contentType = typeof headers['content-type'] === 'string' ? headers['content-type'] : undefined;
  const compressible =
    isCompressible(contentType) &&
    captured.body.length >= MIN_COMPRESS_BYTES &&
    headers['content-encoding'] === undefined;
  // Pages, JSON and stylesheets; images (map tiles) have caches of their own.
  const cacheable =
    publicRequest &&
    isCompressible(contentType) &&
    captured.status === 200 &&
    headers['set-cookie'] === undefined &&
    !hasNoStore(headers['cache-control']);
  let etag: string | undefined;
  if (cacheable) {
    etag = weakEtag(captured.body);
    headers.etag = etag;
    // The browser keeps the page but asks each time; unchanged, the answer is a 304 of a few hundred bytes.
    headers['cache-control'] ??= 'no-cache';
  }
  if (compressible)
    headers.vary = headers.vary ? `${String(headers.vary)}, Accept-Encoding` : 'Accept-Encoding';
  const expires = typeof until === 'string' ? Date.parse(until) : Number.NaN;
  return {
    status: captured.status,
    headers,
    etag,
    compressible,
    bodies: { identity: captured.body },
    version,
    expiresAt: Number.isFinite(expires) ? expires : undefined,
    searchLog: typeof searchHint === 'string' ? decodeSearchLogHint(searchHint) : undefined,
    cacheable,
  };
}

function send(request: IncomingMessage, response: ServerResponse, page: RenderedPage): void {
  if (page.etag && matchesEtag(request.headers['if-none-match'], page.etag)) {
    const { 'content-type': _type, ...headers } = page.headers;
    response.writeHead(304, headers);
    response.end();
    return;
  }
  const encoding = page.compressible ? negotiateEncoding(request.headers['accept-encoding']) : 'identity';
  let body = page.bodies.identity;
  if (encoding !== 'identity')
    body = page.bodies[encoding] ??= compressDynamic(page.bodies.identity, encoding);
  const headers = ((page.sendHeaders ??= {})[encoding] ??= {
    ...page.headers,
    'content-length': body.length,
    ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
  });
  response.writeHead(page.status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * The last step: answers public pages from the render cache, renders the rest with the app, and
 * sends every text response compressed (Brotli or gzip) with an ETag on public pages.
 */
export function appResponsesStep(options: AppResponsesOptions): RequestStep {
  const { cache } = options;
  /** Renders in progress per URL: a burst of requests for one page renders it once. */
  const rendering = new Map<string, Promise<RenderedPage | undefined>>();

  return (request, response) => {
    const key = request.url ?? '/';
    const publicRequest = isCacheableRequest(request, options.sessionCookie);
    const version = publicRequest ? options.version.current() : '';
    // The common case answered without waiting: a public page in the cache at this version.
    const hit = publicRequest ? cache?.get(key, version, Date.now()) : undefined;
    if (hit) {
      if (hit.searchLog) options.recordSearch(hit.searchLog);
      return send(request, response, hit);
    }
    void (async () => {
      if (publicRequest && cache) {
        const cached = await waitForRender(key, version);
        if (cached) {
          if (cached.searchLog) options.recordSearch(cached.searchLog);
          return send(request, response, cached);
        }
      }
      const leader = publicRequest && cache && request.method === 'GET';
      let settle: ((page: RenderedPage | undefined) => void) | undefined;
      if (leader) rendering.set(key, new Promise((resolve) => (settle = resolve)));
      try {
        const captured = await capture(options.handler, request, response);
        if (!captured) return;
        const page = toPage(captured, publicRequest, version);
        if (page.cacheable && cache && request.method === 'GET') cache.set(key, page);
        settle?.(page.cacheable ? page : undefined);
        send(request, response, page);
      } finally {
        settle?.(undefined);
        if (leader) rendering.delete(key);
      }
    })().catch((error: unknown) => {
      console.error('Antwoord kon niet worden verstuurd:', (error as Error).message);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end();
    });
  };

  async function waitForRender(key: string, version: string): Promise<RenderedPage | undefined> {
    const page = await rendering.get(key);
    return page?.version === version ? page : undefined;
  }
}
