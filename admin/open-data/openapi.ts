import { MAX_PER_PAGE } from './hsds-query.ts';

/**
 * The one description of every public JSON endpoint: our own (/api/health, /api/zoeken) and the
 * HSDS 3.1 ones. HSDS objects refer to the official compiled schemas by a URL pinned to the
 * commit the tests validate against (tests/fixtures/hsds); the tests request every operation
 * described here and check each answer against the schema given for its status code.
 */
export const HSDS_SCHEMAS =
  'https://raw.githubusercontent.com/openreferral/specification/abc731c8ac11825010e9d74a0ab61dcd48e880ec/schema/compiled/';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const hsds = (pointer: string): Schema => ({ $ref: `${HSDS_SCHEMAS}${pointer}` });
const TAXONOMY =
  'service.json#/properties/attributes/items/properties/taxonomy_term/properties/taxonomy_detail';
const TERM = 'service.json#/properties/attributes/items/properties/taxonomy_term';

const json = (description: string, schema: Schema) => ({
  description,
  content: { 'application/json': { schema } },
});
const errorResponse = (description: string) => json(description, ref('Error'));
const pageOf = (item: Schema): Schema => ({
  allOf: [ref('Page'), { type: 'object', properties: { contents: { type: 'array', items: item } } }],
});

const query = (name: string, description: string, schema: Schema) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const uuidParameter = (name: string, description: string) =>
  query(name, description, { type: 'string', format: 'uuid' });
const PAGING = [
  query('search', 'Woorden die in naam of beschrijving moeten staan (alle woorden).', {
    type: 'string',
    maxLength: 200,
  }),
  query('page', 'Paginanummer, vanaf 1.', { type: 'integer', minimum: 1, default: 1 }),
  query('per_page', `Aantal per pagina, hooguit ${MAX_PER_PAGE}.`, {
    type: 'integer',
    minimum: 1,
    maximum: MAX_PER_PAGE,
    default: 50,
  }),
  query('format', 'Alleen `json`.', { type: 'string', enum: ['json'] }),
];
const SERVICE_FILTERS = [
  uuidParameter('taxonomy_term_id', 'Alleen met deze term (bijvoorbeeld het leefgebied "geld").'),
  uuidParameter('taxonomy_id', 'Alleen met een term uit deze taxonomie.'),
  uuidParameter('organization_id', 'Alleen van deze organisatie.'),
  query('modified_after', 'Alleen gewijzigd op of na dit moment (datum of tijdstip, ISO 8601).', {
    type: 'string',
    anyOf: [{ format: 'date-time' }, { format: 'date' }],
  }),
];
const ID = [
  {
    name: 'id',
    in: 'path',
    required: true,
    description: 'De UUID van het object.',
    schema: { type: 'string' },
  },
];

const list = (operationId: string, summary: string, parameters: unknown[], item: Schema) => ({
  get: {
    operationId,
    summary,
    tags: ['HSDS'],
    parameters,
    responses: {
      200: json('Een pagina (HSDS `Page`).', pageOf(item)),
      400: errorResponse('Een parameter klopt niet; `issues` noemt welke.'),
    },
  },
});
const item = (operationId: string, summary: string, schema: Schema) => ({
  get: {
    operationId,
    summary,
    tags: ['HSDS'],
    parameters: ID,
    responses: {
      200: json('Het object, met alles wat erbij hoort.', schema),
      404: errorResponse('Geen gepubliceerd object met dit id.'),
    },
  },
});

const SEARCH_FILTER = (name: string, description: string) =>
  query(name, `${description} Meer waarden mag (herhaal de parameter of scheid met komma's).`, {
    type: 'string',
  });

export function openApiDocument(baseUrl: string, siteName: string): Schema {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: `${siteName} API`,
      version: '1.0.0',
      summary: 'De sociale kaart als open data (HSDS 3.1), zoeken en status.',
      description:
        'Alle openbare JSON-eindpunten van Wijkwijzer. `/api/hsds/…` volgt Open Referral HSDS 3.1: ' +
        'alleen gepubliceerd aanbod en gecontroleerde organisaties, niets over personen. Iedereen mag ' +
        'de API gebruiken vanaf elke site (CORS `*`); antwoorden zijn 5 minuten te cachen en hebben een ETag.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      'x-hsds-profile': {
        description:
          'Het Wijkwijzer-profiel van HSDS 3.1. Taxonomieën: Leefgebieden, Doelgroepen, Soort aanbod, ' +
          'Kosten, Toegang, Toegankelijkheid (op diensten) en Soort organisatie, als `attributes`. `description` is de ' +
          'korte samenvatting, dan een lege regel, dan de lange beschrijving (Markdown). `assured_date` ' +
          'is de datum waarop het aanbod voor het laatst is gecontroleerd. Openingstijden en data van ' +
          'activiteiten zijn `schedules` (wekelijks: `freq` WEEKLY met `byday`; een datum: `dtstart` ' +
          'met `count` 1; een sluitingsperiode: `valid_from` en `valid_to` zonder tijden). Wijken zijn `service_areas`. ' +
          'Of er plek is staat in `capacities`: `available` 1 is plek beschikbaar, 0 is wachtlijst, vol of gesloten; ' +
          '`description` zegt welke. Wat je meeneemt staat in `application_process` na ". Neem mee: ". ' +
          'Aanbod met een adres op aanvraag heeft geen locaties. Voorbeeldgegevens hebben een `alert`.',
      },
    },
    servers: [{ url: baseUrl }],
    tags: [
      { name: 'HSDS', description: 'Open Referral Human Services Data Specification 3.1' },
      { name: 'Wijkwijzer', description: 'Eigen eindpunten' },
    ],
    paths: {
      '/api/health': {
        get: {
          operationId: 'health',
          summary: 'Of het proces leeft en HTTP beantwoordt (om te herstarten).',
          tags: ['Wijkwijzer'],
          responses: { 200: json('Het proces leeft.', ref('Health')) },
        },
      },
      '/api/ready': {
        get: {
          operationId: 'ready',
          summary:
            'Of deze instantie verkeer kan krijgen: de database antwoordt, het schema is bij, de zoekmachine is klaar en de instantie stopt niet.',
          tags: ['Wijkwijzer'],
          responses: {
            200: json('Klaar voor verkeer.', ref('Ready')),
            503: json('Niet klaar; `reasons` zegt waarom.', ref('Ready')),
          },
        },
      },
      '/api/zoeken': {
        get: {
          operationId: 'search',
          summary: 'Zoeken in aanbod, wijken en ankerplaatsen, zoals /zoeken.',
          tags: ['Wijkwijzer'],
          parameters: [
            query('q', 'Wat je zoekt, in je eigen woorden.', { type: 'string', maxLength: 200 }),
            SEARCH_FILTER('wijk', 'Wijk-id, zoals `bolnes`.'),
            SEARCH_FILTER('leefgebied', 'Leefgebied-id, zoals `geld`.'),
            SEARCH_FILTER('doelgroep', 'Doelgroep-id, zoals `ouderen`.'),
            SEARCH_FILTER('soort', '`voorziening`, `activiteit` of `vrijwillige-hulp`.'),
            SEARCH_FILTER('kosten', '`gratis`, `eigen-bijdrage` of `vergoed`.'),
            SEARCH_FILTER('toegang', '`vrij`, `verwijzing` of `indicatie`.'),
            query('bij', 'Sorteer op afstand tot het midden van deze wijk.', { type: 'string' }),
            query('lat', 'Sorteer op afstand tot dit punt (met `lng`).', { type: 'number' }),
            query('lng', 'Sorteer op afstand tot dit punt (met `lat`).', { type: 'number' }),
            query('sorteer', 'Volgorde.', { type: 'string', enum: ['relevantie', 'afstand', 'titel'] }),
            query('pagina', 'Paginanummer, vanaf 1.', { type: 'integer', minimum: 1 }),
            query('per_pagina', 'Aantal per pagina, hooguit 50.', {
              type: 'integer',
              minimum: 1,
              maximum: 50,
            }),
          ],
          responses: {
            200: json('De resultaten. Onbekende filterwaarden worden genegeerd.', ref('SearchResponse')),
            503: json(
              'Zoeken werkt even niet; probeer het later opnieuw. Hulpnummers bij een noodsituatie komen toch mee.',
              ref('SearchUnavailable'),
            ),
          },
        },
      },
      '/api/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'Deze beschrijving.',
          tags: ['Wijkwijzer'],
          responses: { 200: json('OpenAPI 3.1.', { type: 'object', required: ['openapi', 'paths'] }) },
        },
      },
      '/api/hsds/': {
        get: {
          operationId: 'getAPIMetaInformation',
          summary: 'De HSDS-versie, het profiel en waar deze beschrijving staat.',
          tags: ['HSDS'],
          responses: { 200: json('Over deze API.', ref('HsdsMeta')) },
        },
      },
      '/api/hsds/services': list(
        'getPaginatedListOfServices',
        'Gepubliceerd aanbod, met de velden die één waarde hebben.',
        [...PAGING, ...SERVICE_FILTERS],
        hsds('service_list.json'),
      ),
      '/api/hsds/services/{id}': item(
        'getFullyNestedServiceById',
        'Eén dienst, helemaal uitgeschreven.',
        hsds('service.json'),
      ),
      '/api/hsds/organizations': list(
        'getPaginatedListOfOrganizations',
        'Organisaties.',
        [
          ...PAGING,
          uuidParameter('taxonomy_term_id', 'Alleen organisaties met (aanbod met) deze term.'),
          uuidParameter('taxonomy_id', 'Alleen organisaties met (aanbod met) een term uit deze taxonomie.'),
        ],
        hsds('organization_list.json'),
      ),
      '/api/hsds/organizations/{id}': item(
        'getOrganizationById',
        'Eén organisatie, met haar gepubliceerde aanbod.',
        hsds('organization.json'),
      ),
      '/api/hsds/service_at_locations': list(
        'getPaginatedListOfServiceAtLocation',
        'Aanbod per locatie.',
        [...PAGING, ...SERVICE_FILTERS],
        hsds('service_at_location_list.json'),
      ),
      '/api/hsds/service_at_locations/{id}': item(
        'getServiceAtLocationWithNestedDataById',
        'Eén dienst op één locatie.',
        hsds('service_at_location.json'),
      ),
      '/api/hsds/taxonomies': list('getPaginatedListOfTaxonomies', 'De taxonomieën.', PAGING, hsds(TAXONOMY)),
      '/api/hsds/taxonomies/{id}': item('getTaxonomyById', 'Eén taxonomie.', hsds(TAXONOMY)),
      '/api/hsds/taxonomy_terms': list(
        'getPaginatedListOfTaxonomyTerms',
        'De termen, zoals de leefgebieden en doelgroepen.',
        [
          ...PAGING,
          uuidParameter('taxonomy_id', 'Alleen termen van deze taxonomie.'),
          query('top_only', 'Alleen termen zonder bovenliggende term (bij ons: alle).', {
            type: 'string',
            enum: ['true', 'false'],
          }),
          uuidParameter('parent_id', 'Alleen termen onder deze term (bij ons: geen).'),
        ],
        hsds(TERM),
      ),
      '/api/hsds/taxonomy_terms/{id}': item('getTaxonomyTermById', 'Eén term.', hsds(TERM)),
    },
    components: {
      schemas: {
        Page: {
          type: 'object',
          description: 'HSDS `Page`: een pagina van een lijst.',
          required: [
            'total_items',
            'total_pages',
            'page_number',
            'size',
            'first_page',
            'last_page',
            'empty',
            'contents',
          ],
          properties: {
            total_items: { type: 'integer', minimum: 0 },
            total_pages: { type: 'integer', minimum: 1 },
            page_number: { type: 'integer', minimum: 1 },
            size: { type: 'integer', minimum: 0 },
            first_page: { type: 'boolean' },
            last_page: { type: 'boolean' },
            empty: { type: 'boolean' },
            contents: { type: 'array' },
          },
        },
        HsdsMeta: {
          type: 'object',
          required: ['version', 'profile', 'openapi_url'],
          properties: {
            version: { type: 'string', const: '3.1' },
            profile: { type: 'string', format: 'uri' },
            openapi_url: { type: 'string', format: 'uri' },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          additionalProperties: false,
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              additionalProperties: false,
              properties: {
                code: { type: 'string' },
                message: { type: 'string', description: 'In het Nederlands.' },
                issues: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['parameter', 'message'],
                    additionalProperties: false,
                    properties: { parameter: { type: 'string' }, message: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
        Health: {
          type: 'object',
          required: ['status'],
          additionalProperties: false,
          properties: { status: { const: 'ok' } },
        },
        Ready: {
          type: 'object',
          required: ['status', 'checks'],
          additionalProperties: false,
          properties: {
            status: { enum: ['ready', 'not-ready'] },
            checks: {
              type: 'object',
              required: ['database', 'migrations', 'instance', 'search'],
              additionalProperties: false,
              properties: {
                database: { enum: ['ok', 'unavailable'] },
                migrations: { enum: ['current', 'behind', 'unknown'] },
                instance: { enum: ['running', 'stopping'] },
                search: { enum: ['starting', 'ready', 'unavailable'] },
              },
            },
            reasons: { type: 'array', items: { type: 'string' } },
          },
        },
        Coordinates: {
          type: 'object',
          required: ['lat', 'lng'],
          additionalProperties: false,
          properties: { lat: { type: 'number' }, lng: { type: 'number' } },
        },
        Crisis: {
          description:
            'Hulpnummers, wanneer de zoekvraag op een noodsituatie lijkt (anders `null`); toon ze boven de resultaten.',
          oneOf: [
            {
              type: 'object',
              required: ['situations', 'heading', 'message', 'numbers'],
              additionalProperties: false,
              properties: {
                situations: { type: 'array', items: { type: 'string' } },
                heading: { type: 'string' },
                message: { type: 'string' },
                numbers: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['name', 'phone', 'when', 'available'],
                    additionalProperties: false,
                    properties: {
                      name: { type: 'string' },
                      phone: { type: 'string' },
                      when: { type: 'string' },
                      available: { type: 'string' },
                    },
                  },
                },
              },
            },
            { type: 'null' },
          ],
        },
        SearchUnavailable: {
          type: 'object',
          required: ['error', 'crisis'],
          additionalProperties: false,
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              additionalProperties: false,
              properties: { code: { const: 'search_unavailable' }, message: { type: 'string' } },
            },
            crisis: ref('Crisis'),
          },
        },
        SearchResponse: {
          type: 'object',
          required: ['query', 'crisis', 'total', 'suggestion', 'facets', 'results'],
          additionalProperties: false,
          properties: {
            query: {
              type: 'object',
              required: ['text', 'filters', 'sort', 'page', 'perPage'],
              additionalProperties: false,
              properties: {
                text: { type: 'string' },
                filters: {
                  type: 'object',
                  additionalProperties: { type: 'array', items: { type: 'string' } },
                },
                sort: { enum: ['relevance', 'distance', 'title'] },
                page: { type: 'integer', minimum: 1 },
                perPage: { type: 'integer', minimum: 1 },
              },
            },
            crisis: ref('Crisis'),
            total: { type: 'integer', minimum: 0 },
            suggestion: {
              type: ['string', 'null'],
              description: 'Een verbeterde zoekvraag bij een typefout.',
            },
            facets: {
              type: 'object',
              description: 'Per filter: waarde → aantal resultaten.',
              additionalProperties: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
            },
            results: {
              type: 'array',
              items: {
                type: 'object',
                required: [
                  'type',
                  'url',
                  'title',
                  'summary',
                  'kind',
                  'cost',
                  'access',
                  'neighbourhoods',
                  'lifeDomains',
                  'location',
                  'distanceKm',
                ],
                additionalProperties: false,
                properties: {
                  type: { enum: ['listing', 'neighbourhood', 'anchorPlace'] },
                  url: { type: 'string', pattern: '^/' },
                  title: { type: 'string' },
                  summary: { type: 'string' },
                  kind: { enum: ['service', 'activity', 'volunteer', null] },
                  cost: { enum: ['free', 'contribution', 'reimbursed', null] },
                  access: { enum: ['open', 'referral', 'indication', null] },
                  neighbourhoods: { type: 'array', items: { type: 'string' } },
                  lifeDomains: { type: 'array', items: { type: 'string' } },
                  location: { oneOf: [ref('Coordinates'), { type: 'null' }] },
                  distanceKm: { type: ['number', 'null'] },
                },
              },
            },
          },
        },
      },
    },
  };
}
