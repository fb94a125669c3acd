import { describe, expect, it } from 'vitest';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { loadDemoListings } from '#admin/content/load-demo-listings.ts';
import { LISTING_KINDS } from '#admin/schemas/listing.ts';

const content = loadContent(contentRoot);
const listings = loadDemoListings(contentRoot, content);

describe('Ridderkerk content', () => {
  it('has the eight wijken in three gebieden, as in the implementation plan', () => {
    expect(content.neighbourhoods.map((wijk) => wijk.data.name).sort()).toEqual([
      'Bolnes',
      'Centrum',
      'Drievliet-Het Zand',
      'Oost',
      'Oostendam',
      'Rijsoord',
      'Slikkerveer',
      'West',
    ]);
    const byArea = Object.fromEntries(
      content.areas.map((area) => [
        area.id,
        content.neighbourhoods
          .filter((wijk) => wijk.data.area === area.id)
          .map((wijk) => wijk.id)
          .sort(),
      ]),
    );
    expect(byArea).toEqual({
      'bolnes-slikkerveer': ['bolnes', 'slikkerveer'],
      'centrum-oost-west': ['centrum', 'oost', 'west'],
      'drievliet-rijsoord-oostendam': ['drievliet-het-zand', 'oostendam', 'rijsoord'],
    });
  });

  it('gives Bolnes no ankerplaats yet, with a place to go instead', () => {
    const bolnes = content.anchorPlaces.find((place) => place.data.neighbourhood === 'bolnes');
    expect(bolnes?.data.status).toBe('geen-locatie');
    expect(bolnes?.data.status === 'geen-locatie' && bolnes.data.alternative.length).toBeGreaterThan(10);
  });

  it('has the info pages the footer and the law ask for', () => {
    expect(content.pages.map((page) => page.id).sort()).toEqual([
      'contact',
      'over-deze-site',
      'privacy',
      'toegankelijkheid',
    ]);
  });

  it('uses the general number and the real urgent-help numbers', () => {
    expect(content.municipality.phone).toBe('0180-451234');
    const phones = content.municipality.urgentHelp.map((help) => help.phone);
    expect(phones).toEqual(expect.arrayContaining(['112', '0800-2000', '0800-0113']));
  });
});

describe('demo aanbod', () => {
  it('holds at least 80 listings, all marked as demo and published', () => {
    expect(listings.length).toBeGreaterThanOrEqual(80);
    expect(listings.every((listing) => listing.isDemo && listing.status === 'published')).toBe(true);
  });

  it('has every kind of listing', () => {
    for (const kind of LISTING_KINDS) {
      expect(listings.filter((listing) => listing.kind === kind).length, kind).toBeGreaterThanOrEqual(10);
    }
  });

  it('has local listings for every leefgebied in every gebied', () => {
    const areaOf = new Map(content.neighbourhoods.map((wijk) => [wijk.id, wijk.data.area]));
    const missing: string[] = [];
    for (const area of content.areas) {
      for (const domain of content.taxonomy.lifeDomains) {
        const found = listings.some(
          (listing) =>
            listing.lifeDomains.includes(domain.id) &&
            listing.neighbourhoods.some((wijk) => areaOf.get(wijk) === area.id),
        );
        if (!found) missing.push(`${area.id} × ${domain.id}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
