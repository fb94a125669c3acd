import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { prepareDatabase } from '#admin/setup/prepare-database.ts';
import { createDocumentSource } from '#search/document-source.ts';
import { createEmbeddedEngine } from '#search/embedded/embedded-engine.ts';
import { SearchQuerySchema, type SearchQueryInput } from '#search/search-query.ts';
import { createSearchService, type SearchService } from '#search/search-service.ts';
import { tempDatabase, type TempDatabase } from '../support/temp-database.ts';

/**
 * Resident-style queries against the demo aanbod: what people type when something is wrong,
 * typos included. Each names what must be among the first three results: a listing (by
 * slug), a wijk page, or a leefgebied that one of the three must belong to.
 */
type Expectation = { listing: string } | { lifeDomain: string } | { page: string };
const CASES: { query: string | SearchQueryInput; top3: Expectation }[] = [
  { query: 'schulden', top3: { lifeDomain: 'geld' } },
  { query: 'geldzorgen', top3: { listing: 'schuldhulpmaatje' } },
  { query: 'ik heb schulden', top3: { lifeDomain: 'geld' } },
  { query: 'deurwaarder', top3: { lifeDomain: 'geld' } },
  { query: 'hulp bij formulieren', top3: { listing: 'formulierenhulp-bibliotheek' } },
  { query: 'toeslagen aanvragen', top3: { lifeDomain: 'geld' } },
  { query: 'administratie', top3: { listing: 'thuisadministratie-humanitas' } },
  { query: 'eenzaam', top3: { lifeDomain: 'meedoen' } },
  { query: 'ik voel me alleen', top3: { lifeDomain: 'meedoen' } },
  { query: 'maatje', top3: { listing: 'maatjesproject' } },
  { query: 'huiswerk', top3: { lifeDomain: 'opvoeden' } },
  { query: 'huiswek', top3: { lifeDomain: 'opvoeden' } },
  { query: 'bijles', top3: { lifeDomain: 'opvoeden' } },
  { query: 'mantelzorg', top3: { lifeDomain: 'gezondheid' } },
  { query: 'mantelzorger overbelast', top3: { listing: 'mantelzorgondersteuning' } },
  { query: 'scootmobiel', top3: { listing: 'wmo-loket' } },
  { query: 'rolstoel aanvragen', top3: { listing: 'wmo-loket' } },
  { query: 'vervoer naar het ziekenhuis', top3: { listing: 'automaatje' } },
  { query: 'taxi', top3: { lifeDomain: 'vervoer' } },
  { query: 'nederlands leren', top3: { lifeDomain: 'taal' } },
  { query: 'taalcafe', top3: { listing: 'taalcafe' } },
  { query: 'digid', top3: { lifeDomain: 'taal' } },
  { query: 'computer hulp', top3: { lifeDomain: 'taal' } },
  { query: 'werk zoeken', top3: { lifeDomain: 'werk' } },
  { query: 'solliciteren', top3: { lifeDomain: 'werk' } },
  { query: 'vrijwilligerswerk', top3: { listing: 'vrijwilligerspunt' } },
  { query: 'somber', top3: { lifeDomain: 'psychisch' } },
  { query: 'depressie', top3: { lifeDomain: 'psychisch' } },
  { query: 'alcohol', top3: { listing: 'verslavingszorg-antes' } },
  { query: 'gokken', top3: { listing: 'verslavingszorg-antes' } },
  { query: 'huiselijk geweld', top3: { listing: 'veilig-thuis' } },
  { query: 'mijn man slaat mij', top3: { lifeDomain: 'veiligheid' } },
  { query: 'ruzie met de buren', top3: { listing: 'buurtbemiddeling' } },
  { query: 'burenoverlast', top3: { listing: 'buurtbemiddeling' } },
  { query: 'voedselbank', top3: { listing: 'voedselbank' } },
  { query: 'geen geld voor eten', top3: { lifeDomain: 'geld' } },
  { query: 'rouw', top3: { lifeDomain: 'zingeving' } },
  { query: 'mijn vrouw is overleden', top3: { lifeDomain: 'zingeving' } },
  { query: 'opvoeding', top3: { lifeDomain: 'opvoeden' } },
  { query: 'consultatiebureau', top3: { lifeDomain: 'opvoeden' } },
  { query: 'dementie', top3: { lifeDomain: 'gezondheid' } },
  { query: 'wijkverpleegkundige', top3: { listing: 'wijkverpleging-aafje' } },
  { query: 'energierekening', top3: { listing: 'energiecoach' } },
  { query: 'klusjes in huis', top3: { listing: 'klussendienst' } },
  { query: 'huur betalen', top3: { listing: 'huurachterstand-woonvisie' } },
  { query: 'boodschappen', top3: { listing: 'boodschappenhulp' } },
  { query: 'bolnes', top3: { page: '/wijken/bolnes' } },
  { query: 'spreekuur wijkteam slikkerveer', top3: { page: '/wijken/slikkerveer' } },
  {
    query: { text: 'koffie', filters: { neighbourhoods: ['drievliet-het-zand'] } },
    top3: { listing: 'koffieochtend-fuik' },
  },
];

let database: TempDatabase;
let service: SearchService;

beforeAll(async () => {
  const content = loadContent(contentRoot);
  database = await tempDatabase();
  await prepareDatabase(database.db, { content, contentRoot, demoData: true });
  service = createSearchService({
    engine: createEmbeddedEngine(),
    source: createDocumentSource(database.db, content),
    settings: { synonyms: content.taxonomy.synonyms },
    syncIntervalMs: 0,
  });
  await service.ready();
});
afterAll(async () => {
  await service.stop();
  await database.close();
});

describe('relevance on the demo aanbod (embedded engine)', () => {
  it.each(
    CASES.map(
      (entry) =>
        [typeof entry.query === 'string' ? entry.query : JSON.stringify(entry.query), entry] as const,
    ),
  )('%s', async (_name, { query, top3 }) => {
    const input = typeof query === 'string' ? { text: query } : query;
    const { hits } = await service.search(SearchQuerySchema.parse({ ...input, perPage: 3 }));
    const shown = hits.map((hit) => `${hit.document.url} [${hit.document.lifeDomains.join(',')}]`);
    if ('listing' in top3) expect(shown.join('\n')).toContain(`/aanbod/${top3.listing} `);
    else if ('page' in top3) expect(shown.join('\n')).toContain(`${top3.page} `);
    else
      expect(
        hits.some((hit) => hit.document.lifeDomains.includes(top3.lifeDomain)),
        shown.join('\n'),
      ).toBe(true);
  });
});
