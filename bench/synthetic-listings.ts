import type { Content } from '#admin/content/load-content.ts';
import type { ListingData } from '#admin/schemas/listing.ts';

/** A small deterministic PRNG (mulberry32), so every benchmark run indexes the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` listings that read like the demo aanbod: sentences and titles recombined from the
 * demo listings, with their own wijken, leefgebieden and coordinates around the wijk centres.
 */
export function syntheticListings(
  count: number,
  demo: ListingData[],
  content: Content,
  seed = 42,
): ListingData[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentences = demo
    .flatMap((listing) => listing.description.split(/(?<=[.!?])\s+/))
    .filter((sentence) => sentence.length > 20);
  const titleWords = demo.flatMap((listing) => listing.title.split(/\s+/));
  const wijken = content.neighbourhoods;
  const domains = content.taxonomy.lifeDomains.map((domain) => domain.id);
  const audiences = content.taxonomy.audiences.map((audience) => audience.id);

  return Array.from({ length: count }, (_, index) => {
    const base = pick(demo);
    const wijk = pick(wijken);
    const extraWords = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(titleWords)).join(' ');
    const description = Array.from({ length: 3 + Math.floor(random() * 6) }, () => pick(sentences)).join(' ');
    return {
      ...base,
      slug: `synthetisch-${index}`,
      title: `${base.title} ${extraWords}`.slice(0, 100),
      description,
      citywide: random() < 0.1,
      neighbourhoods: [wijk.id],
      lifeDomains: [...new Set([pick(domains), ...(random() < 0.5 ? [pick(domains)] : [])])],
      audiences: [...new Set([pick(audiences), pick(audiences)])],
      locations: [
        {
          name: `Locatie ${index}`,
          address: { street: `Straat ${index % 200}`, postcode: '2981 AB', city: 'Ridderkerk' },
          coordinates: {
            lat: wijk.data.center.lat + (random() - 0.5) * 0.01,
            lng: wijk.data.center.lng + (random() - 0.5) * 0.01,
          },
        },
      ],
      isDemo: true,
    };
  });
}
