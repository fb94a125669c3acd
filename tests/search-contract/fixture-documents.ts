import type { SearchDocument } from '#search/search-document.ts';

const RIDDERKERK = { lat: 51.8725, lng: 4.6035 };

function listing(
  id: string,
  fields: Partial<SearchDocument> & Pick<SearchDocument, 'title' | 'summary'>,
  placed = true,
): SearchDocument {
  const document: SearchDocument = {
    id,
    type: 'listing',
    url: `/aanbod/${id}`,
    body: '',
    keywords: [],
    kind: 'service',
    cost: 'free',
    access: 'open',
    organisation: 'demo',
    neighbourhoods: ['centrum'],
    citywide: false,
    lifeDomains: ['meedoen'],
    audiences: ['volwassenen'],
    location: RIDDERKERK,
    version: 1,
    ...fields,
  };
  if (!placed) delete document.location;
  return document;
}

/** A small, hand-made index on which every rule of the contract can be seen. */
export const FIXTURE_DOCUMENTS: SearchDocument[] = [
  listing('schuldhulp', {
    title: 'Schuldhulp',
    summary: 'Hulp als je schulden hebt of rekeningen niet meer kunt betalen.',
    body: 'We maken samen een plan voor je schulden.',
    lifeDomains: ['geld'],
    neighbourhoods: ['bolnes'],
    location: { lat: 51.8935, lng: 4.579 },
  }),
  listing('thuisadministratie', {
    title: 'Thuisadministratie',
    summary: 'Een vrijwilliger helpt je met post, formulieren en je administratie.',
    kind: 'volunteer',
    lifeDomains: ['geld'],
    neighbourhoods: ['oost'],
    location: { lat: 51.869, lng: 4.6175 },
  }),
  listing('koffieochtend', {
    title: 'Koffieochtend De Fuik',
    summary: 'Elke week samen koffie drinken en mensen uit de buurt ontmoeten.',
    body: 'Voor wie zich eenzaam voelt of graag nieuwe mensen leert kennen.',
    kind: 'activity',
    cost: 'contribution',
    neighbourhoods: ['drievliet-het-zand'],
    audiences: ['ouderen'],
    location: { lat: 51.86, lng: 4.606 },
  }),
  listing('huiswerkklas', {
    title: 'Huiswerkklas',
    summary: 'Kinderen krijgen na school hulp bij hun huiswerk.',
    kind: 'activity',
    lifeDomains: ['opvoeden'],
    audiences: ['kinderen', 'jongeren'],
    neighbourhoods: ['west'],
    location: { lat: 51.8705, lng: 4.5905 },
  }),
  listing(
    'veilig-thuis',
    {
      title: 'Veilig Thuis',
      summary: 'Advies en hulp bij huiselijk geweld en kindermishandeling, dag en nacht.',
      lifeDomains: ['veiligheid'],
      citywide: true,
      neighbourhoods: ['bolnes', 'centrum', 'oost', 'west', 'drievliet-het-zand'],
      access: 'open',
    },
    false,
  ),
  listing('wmo-loket', {
    title: 'Wmo-loket',
    summary: 'Vraag hier een scootmobiel, rolstoel of hulp in het huishouden aan.',
    body: 'Je hebt een indicatie nodig voor de meeste hulpmiddelen.',
    lifeDomains: ['gezondheid', 'wonen'],
    access: 'indication',
    cost: 'reimbursed',
    neighbourhoods: ['centrum'],
  }),
  listing('wandelgroep', {
    title: 'Wandelgroep',
    summary: 'Samen wandelen door de polder, rustig tempo.',
    body: 'Wie schulden heeft is ook welkom; we praten niet over geld.',
    kind: 'activity',
    lifeDomains: ['gezondheid', 'meedoen'],
    neighbourhoods: ['rijsoord'],
    location: { lat: 51.8525, lng: 4.5955 },
  }),
  listing('bijles-wiskunde', {
    title: 'Bijles wiskunde',
    summary: 'Studenten geven bijles in rekenen en wiskunde.',
    kind: 'volunteer',
    lifeDomains: ['taal'],
    audiences: ['jongeren'],
    neighbourhoods: ['west'],
    location: { lat: 51.871, lng: 4.589 },
  }),
  {
    id: 'neighbourhood-bolnes',
    type: 'neighbourhood',
    url: '/wijken/bolnes',
    title: 'Bolnes',
    summary: 'Wijkinformatie over Bolnes: wie je kunt bellen en waar je mensen ontmoet.',
    body: 'Bolnes ligt aan de rivier.',
    keywords: ['wijk'],
    neighbourhoods: ['bolnes'],
    citywide: false,
    lifeDomains: [],
    audiences: [],
    location: { lat: 51.8935, lng: 4.579 },
    version: 1,
  },
];

export const FIXTURE_SYNONYMS = [
  ['schulden', 'geldzorgen', 'betalingsachterstand'],
  ['eenzaam', 'alleen', 'eenzaamheid'],
  ['formulieren', 'formulier', 'toeslagen'],
];

export const CENTRUM = RIDDERKERK;
