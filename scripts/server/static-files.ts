import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { negotiateEncoding, type Encoding } from './compression.ts';
import { matchesEtag, weakEtag } from './etag.ts';
import type { RequestStep } from './http-server.ts';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** Vite's output: the name carries a hash of the content, so the file at that URL never changes. */
const HASHED_DIR = '/_astro/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files without a hash in the name may change with a release: the browser asks, and gets a 304. */
const REVALIDATE = 'no-cache';

interface StaticFile {
  type: string;
  etag: string;
  cacheControl: string;
  bodies: Partial<Record<Encoding, Buffer>>;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Reads the built client files (dist/client) into memory once, with the `.br` and `.gz` copies
 * the build made next to them. A few hundred kilobytes in all; answering from memory keeps the
 * static files as cheap as a hello-world server.
 */
export function loadStaticFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(root)) return files;
  for (const path of walk(root)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    const type = TYPES[extname(path).toLowerCase()];
    if (!type) continue;
    const url = `/${relative(root, path).split(sep).join('/')}`;
    const identity = readFileSync(path);
    const bodies: StaticFile['bodies'] = { identity };
    if (existsSync(`${path}.br`)) bodies.br = readFileSync(`${path}.br`);
    if (existsSync(`${path}.gz`)) bodies.gzip = readFileSync(`${path}.gz`);
    files.set(url, {
      type,
      etag: weakEtag(identity),
      cacheControl: url.startsWith(HASHED_DIR) ? IMMUTABLE : REVALIDATE,
      bodies,
    });
  }
  return files;
}

function send(response: ServerResponse, file: StaticFile, encoding: Encoding, head: boolean): void {
  const body = file.bodies[encoding] ?? file.bodies.identity ?? Buffer.alloc(0);
  const headers: Record<string, string | number> = {
    'Content-Type': file.type,
    'Content-Length': body.length,
    'Cache-Control': file.cacheControl,
    ETag: file.etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (file.bodies.br || file.bodies.gzip) headers.Vary = 'Accept-Encoding';
  if (body !== file.bodies.identity) headers['Content-Encoding'] = encoding;
  // An SVG opened on its own is a document: it may not run anything.
  if (file.type === 'image/svg+xml')
    headers['Content-Security-Policy'] = "default-src 'none'; style-src 'unsafe-inline'";
  response.writeHead(200, headers);
  response.end(head ? undefined : body);
}

/** Serves the built client files; every other request goes on to the app. */
export function staticFilesStep(files: Map<string, StaticFile>): RequestStep {
  return (request, response, next) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return next();
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const file = files.get(path);
    if (!file) return next();
    if (matchesEtag(request.headers['if-none-match'], file.etag)) {
      response.writeHead(304, {
        ETag: file.etag,
        'Cache-Control': file.cacheControl,
        Vary: 'Accept-Encoding',
      });
      response.end();
      return;
    }
    const available = (['br', 'gzip'] as const).filter((encoding) => file.bodies[encoding]);
    send(response, file, negotiateEncoding(request.headers['accept-encoding'], available), method === 'HEAD');
  };
}
