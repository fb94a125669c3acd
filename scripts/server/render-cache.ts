import type { OutgoingHttpHeaders } from 'node:http';
import type { SearchLogEntry } from '#admin/search-log/search-log-repository.ts';
import type { Encoding } from './compression.ts';

/** A response as the app rendered it, ready to send again in any encoding. */
export interface RenderedPage {
  status: number;
  /** Lower-case names; without Content-Length and Content-Encoding, which depend on the encoding. */
  headers: OutgoingHttpHeaders;
  /** Set for public pages: a repeat view with this tag gets a 304. */
  etag: string | undefined;
  compressible: boolean;
  /** The body per encoding; compressed copies are made on first demand and kept. */
  bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer };
  /** Data version the page was rendered from. */
  version: string;
  /** The page said it changes by itself then (opening hours), in ms since the epoch. */
  expiresAt: number | undefined;
  /** The search the page ran, counted again whenever the cache answers for it. */
  searchLog: SearchLogEntry | undefined;
  /** Response headers per encoding, made on first use: a cached answer only writes them. */
  sendHeaders?: Partial<Record<Encoding, OutgoingHttpHeaders>>;
}

export interface RenderCache {
  /** The page for this key if it was rendered from `version` and has not expired. */
  get(key: string, version: string, now: number): RenderedPage | undefined;
  set(key: string, page: RenderedPage): void;
  readonly stats: { entries: number; bytes: number };
}

const sizeOf = (page: RenderedPage): number =>
  Object.values(page.bodies).reduce((sum, body) => sum + body.length, 0) + 512;

/**
 * An in-process LRU of rendered public pages, bounded in bytes. Entries of an older data
 * version are never served; they are replaced on the next request or pushed out by newer ones.
 */
export function createRenderCache(maxBytes: number): RenderCache {
  const pages = new Map<string, { page: RenderedPage; size: number }>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = pages.get(key);
    if (!entry) return;
    pages.delete(key);
    bytes -= entry.size;
  };
  return {
    get(key, version, now) {
      const entry = pages.get(key);
      if (!entry) return undefined;
      if (
        entry.page.version !== version ||
        (entry.page.expiresAt !== undefined && now >= entry.page.expiresAt)
      ) {
        drop(key);
        return undefined;
      }
      // Most recently used last: eviction takes from the front.
      pages.delete(key);
      pages.set(key, entry);
      // Compressed copies made since it was stored count too.
      const size = sizeOf(entry.page);
      bytes += size - entry.size;
      entry.size = size;
      return entry.page;
    },
    set(key, page) {
      drop(key);
      const size = sizeOf(page);
      if (size > maxBytes / 8) return;
      pages.set(key, { page, size });
      bytes += size;
      for (const oldest of pages.keys()) {
        if (bytes <= maxBytes) break;
        drop(oldest);
      }
    },
    get stats() {
      return { entries: pages.size, bytes };
    },
  };
}
