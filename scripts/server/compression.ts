import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Text that shrinks well; images other than SVG and fonts are compressed already. */
const COMPRESSIBLE =
  /^(text\/|application\/(json|javascript|ld\+json|geo\+json|xml|manifest\+json)|image\/svg\+xml)/;

/** Below this a compressed body plus its header saves nothing worth the work. */
export const MIN_COMPRESS_BYTES = 512;

export function isCompressible(contentType: string | undefined): boolean {
  return contentType !== undefined && COMPRESSIBLE.test(contentType.toLowerCase());
}

/**
 * The best encoding the client accepts among those on offer: Brotli, then gzip, else none.
 * `q=0` refuses an encoding; `*` stands for every encoding not named.
 */
export function negotiateEncoding(
  acceptEncoding: string | string[] | undefined,
  available: readonly Encoding[] = ['br', 'gzip'],
): Encoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  if (header === '') return 'identity';
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  for (const encoding of ['br', 'gzip'] as const)
    if (available.includes(encoding) && weight(encoding) > 0) return encoding;
  return 'identity';
}

/** Brotli at a quality that costs about as much as gzip -6 but saves more; for bodies made per request. */
export function compressDynamic(body: Buffer, encoding: Exclude<Encoding, 'identity'>): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      })
    : gzipSync(body, { level: 6 });
}

/** The smallest encodings, for files compressed once at build. */
export function compressStatic(body: Buffer, encoding: Exclude<Encoding, 'identity'>): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body, { level: 9 });
}
