import { z } from 'zod';
import type { Coordinates } from '../schemas/fields.ts';
import type { AddressQuery } from './address-query.ts';
import { log } from '../logging/log.ts';

/** What the Locatieserver says about an address: where it is and in which municipality. */
export interface FoundAddress {
  /** e.g. `Koningsplein 1, 2981EA Ridderkerk`. */
  displayName: string;
  municipality: string;
  point: Coordinates;
}

export type AddressLookup =
  { status: 'found'; address: FoundAddress } | { status: 'not-found' } | { status: 'unavailable' };

// Only the fields we ask for with `fl`; everything else in the answer is ignored.
const FreeResponseSchema = z.object({
  response: z.object({
    numFound: z.number(),
    docs: z.array(
      z.object({
        weergavenaam: z.string(),
        gemeentenaam: z.string(),
        centroide_ll: z.string(),
      }),
    ),
  }),
});

/** Logged without the address: a postcode with house number points at a household. */
function unavailable(reason: string): AddressLookup {
  log.warn(`Locatieserver unavailable: ${reason}`);
  return { status: 'unavailable' };
}

const POINT = /^POINT\((-?[0-9.]+) (-?[0-9.]+)\)$/;

export interface LocatieserverOptions {
  /** Base URL of the service, e.g. `https://api.pdok.nl/bzk/locatieserver/search/v3_1`. */
  baseUrl: string;
  timeoutMs?: number;
  /** How long an answer is reused; addresses hardly ever move. */
  cacheTtlMs?: number;
  cacheSize?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * The PDOK Locatieserver `free` endpoint, asked for one address at a time. Asked from the server,
 * so the resident's browser never talks to a third party; answers are cached, and a slow or
 * failing service gives `unavailable` within the timeout instead of an error page.
 */
export function createLocatieserver(options: LocatieserverOptions): {
  lookup(query: AddressQuery): Promise<AddressLookup>;
} {
  const {
    baseUrl,
    timeoutMs = 2000,
    cacheTtlMs = 24 * 3600 * 1000,
    cacheSize = 1000,
    fetch: fetchImpl = fetch,
    now = Date.now,
  } = options;
  const cache = new Map<string, { at: number; answer: AddressLookup }>();

  async function ask(query: AddressQuery): Promise<AddressLookup> {
    const url = new URL(`${baseUrl.replace(/\/$/, '')}/free`);
    url.searchParams.set(
      'q',
      `postcode:${query.postcode.replace(' ', '')} and huisnummer:${query.houseNumber}`,
    );
    url.searchParams.set('fq', 'type:adres');
    url.searchParams.set('fl', 'weergavenaam gemeentenaam centroide_ll');
    url.searchParams.set('rows', '1');
    try {
      const response = await fetchImpl(url, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) return unavailable(`HTTP ${response.status}`);
      const parsed = FreeResponseSchema.safeParse(await response.json());
      if (!parsed.success) return unavailable('unexpected answer');
      const doc = parsed.data.response.docs[0];
      if (!doc) return { status: 'not-found' };
      const match = POINT.exec(doc.centroide_ll);
      if (!match) return unavailable('unexpected centroid');
      return {
        status: 'found',
        address: {
          displayName: doc.weergavenaam,
          municipality: doc.gemeentenaam,
          point: { lng: Number(match[1]), lat: Number(match[2]) },
        },
      };
    } catch (error) {
      // Timeout, refused connection or invalid JSON: the page offers the list of wijken instead.
      return unavailable((error as Error).name);
    }
  }

  return {
    async lookup(query) {
      const key = `${query.postcode}|${query.houseNumber}`;
      const cached = cache.get(key);
      if (cached && now() - cached.at < cacheTtlMs) return cached.answer;
      const answer = await ask(query);
      // A failure is not cached: the next resident should get a fresh try.
      if (answer.status !== 'unavailable') {
        cache.delete(key);
        cache.set(key, { at: now(), answer });
        if (cache.size > cacheSize) cache.delete(cache.keys().next().value ?? key);
      }
      return answer;
    },
  };
}
