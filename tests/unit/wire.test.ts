import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { decodeSearchLogHint, encodeSearchLogHint } from '#admin/cache/cache-hints.ts';
import type { IncomingMessage } from 'node:http';
import { isCacheableRequest } from '../../scripts/server/app-responses.ts';
import { compressDynamic, isCompressible, negotiateEncoding } from '../../scripts/server/compression.ts';
import { createDataVersionSource } from '../../scripts/server/data-version-source.ts';
import { matchesEtag, weakEtag } from '../../scripts/server/etag.ts';
import { createRenderCache, type RenderedPage } from '../../scripts/server/render-cache.ts';

describe('content negotiation', () => {
  it('prefers Brotli, then gzip, and respects q=0 and *', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0')).toBe('identity');
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('br, gzip', ['gzip'])).toBe('gzip');
  });

  it('compresses text only, and the result decodes to the same bytes', () => {
    expect(isCompressible('text/html; charset=utf-8')).toBe(true);
    expect(isCompressible('application/json')).toBe(true);
    expect(isCompressible('image/svg+xml')).toBe(true);
    expect(isCompressible('image/png')).toBe(false);
    const body = Buffer.from('<p>Hulp in je wijk</p>'.repeat(100));
    expect(brotliDecompressSync(compressDynamic(body, 'br')).equals(body)).toBe(true);
    expect(gunzipSync(compressDynamic(body, 'gzip')).equals(body)).toBe(true);
  });
});

describe('ETags', () => {
  it('are weak, follow the content and match with or without W/', () => {
    const tag = weakEtag(Buffer.from('a'));
    expect(tag).toMatch(/^W\/"[\w-]+"$/);
    expect(weakEtag(Buffer.from('a'))).toBe(tag);
    expect(weakEtag(Buffer.from('b'))).not.toBe(tag);
    expect(matchesEtag(tag, tag)).toBe(true);
    expect(matchesEtag(`"x", ${tag.slice(2)}`, tag)).toBe(true);
    expect(matchesEtag('*', tag)).toBe(true);
    expect(matchesEtag('"x"', tag)).toBe(false);
    expect(matchesEtag(undefined, tag)).toBe(false);
  });
});

const page = (version: string, size = 100, expiresAt?: number): RenderedPage => ({
  status: 200,
  headers: {},
  etag: 'W/"x"',
  compressible: true,
  bodies: { identity: Buffer.alloc(size) },
  version,
  expiresAt,
  searchLog: undefined,
});

describe('render cache', () => {
  it('serves a page only for the data version it was rendered from, and not after it expires', () => {
    const cache = createRenderCache(1_000_000);
    cache.set('/', page('v1', 100, 5000));
    expect(cache.get('/', 'v1', 1000)).toBeDefined();
    expect(cache.get('/', 'v1', 5000)).toBeUndefined();
    cache.set('/', page('v1'));
    expect(cache.get('/', 'v2', 1000)).toBeUndefined();
    // An entry of an old version is dropped, not kept beside the new one.
    expect(cache.stats.entries).toBe(0);
  });

  it('stays within its bytes, dropping the least recently used page first', () => {
    // Each page counts its body plus 512 bytes of bookkeeping: 1000 bytes, eight fit.
    const cache = createRenderCache(8000);
    for (const key of ['/a', '/b', '/c', '/d', '/e', '/f', '/g', '/h']) cache.set(key, page('v', 488));
    cache.get('/a', 'v', 0);
    cache.set('/i', page('v', 488));
    expect(cache.stats.bytes).toBeLessThanOrEqual(8000);
    expect(cache.stats.entries).toBe(8);
    expect(cache.get('/a', 'v', 0)).toBeDefined();
    expect(cache.get('/b', 'v', 0)).toBeUndefined();
    // Too large for the cache (more than an eighth): not kept at all.
    cache.set('/big', page('v', 1000));
    expect(cache.get('/big', 'v', 0)).toBeUndefined();
  });
});

describe('what the render cache may keep', () => {
  const cacheable = (url: string, method = 'GET', cookie?: string) =>
    isCacheableRequest({ url, method, headers: cookie ? { cookie } : {} } as IncomingMessage, 'ww_session');

  it('public pages, the calendars of activities included', () => {
    for (const url of [
      '/',
      '/zoeken?q=koffie&wanneer=deze-week',
      '/aanbod/taalcafe',
      '/aanbod/taalcafe/agenda.ics',
      '/wijken/bolnes',
      '/wijken/bolnes/activiteiten.ics',
      '/organisaties/sport-en-welzijn/activiteiten.ics',
      '/helpende-hand',
    ])
      expect(cacheable(url), url).toBe(true);
  });

  it("never a form (its token is one person's), a personal link, the back office or a posted form", () => {
    for (const url of [
      '/vraag',
      '/helpen',
      '/helpen/',
      '/helpen?wijk=bolnes',
      '/helpen/aangemeld/abc',
      '/helpen/mijn/abc.def',
      '/helpen/beschikbaar/abc.def?antwoord=ja',
      '/helpen/ingetrokken',
      '/activiteit-aanmelden',
      '/activiteit-aanmelden/mijn/abc.def',
      '/activiteit-aanmelden/ontvangen/abc',
      '/gelukt/abc.def?antwoord=nee',
      '/aanvraag/ontvangen/abc',
      '/aanbod/hulp-bij-boodschappen-in-bolnes/gebruik-maken',
      '/aanbod/taalcafe/klopt-niet',
      '/beheer/vrijwilligers',
      '/wijken/mijn-wijk?postcode=2981AB',
      '/zoeken?q=koffie&lat=51.87&lng=4.6',
    ])
      expect(cacheable(url), url).toBe(false);
    expect(cacheable('/helpen', 'POST')).toBe(false);
    expect(cacheable('/aanbod/taalcafe', 'GET', 'ww_session=x')).toBe(false);
  });

  it('not even when the path is spelled so that the router still finds the form', () => {
    for (const url of [
      '//helpen',
      '/h%65lpen',
      '/%68elpen/mijn/abc',
      '/aanbod/taalcafe//klopt-niet',
      '/HELPEN',
      '/%zz',
    ])
      expect(cacheable(url), url).toBe(false);
  });
});

it('the cache version changes with the data version and with the search index generation', () => {
  let data = 7;
  let generation = 0;
  const version = createDataVersionSource({ dataVersion: () => data, searchGeneration: () => generation });
  const first = version.current();
  expect(version.current()).toBe(first);
  data += 1; // a listing or organisation changed, through any instance
  const second = version.current();
  expect(second).not.toBe(first);
  generation += 1; // the search index took a write
  expect(version.current()).not.toBe(second);
});

it('a search log hint survives the header and rejects anything else', () => {
  const entry = { text: 'schulden "hulp"', filters: { wijk: ['oost'] }, hitCount: 3, tookMs: 1.5 };
  expect(decodeSearchLogHint(encodeSearchLogHint(entry))).toEqual(entry);
  expect(decodeSearchLogHint('%7B%22text%22%3A1%7D')).toBeUndefined();
  expect(decodeSearchLogHint('%E0%A4%A')).toBeUndefined();
});
