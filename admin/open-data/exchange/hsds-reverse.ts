import type { z } from 'zod';
import {
  AddressSchema,
  PhoneSchema,
  WEEKDAYS,
  WebsiteSchema,
  EmailSchema,
  type Weekday,
} from '../../schemas/fields.ts';
import { ACCESS_SHORT_LABELS, ACCESSIBILITY_LABELS, COST_LABELS } from '../../schemas/labels.ts';
import {
  ACCESS_KINDS,
  ACCESSIBILITY_FEATURES,
  COSTS,
  LANGUAGES,
  LISTING_KINDS,
  type ListingInput,
} from '../../schemas/listing.ts';
import { ORGANISATION_KINDS, type Organisation } from '../../schemas/organisation.ts';
import { WHAT_TO_BRING } from '../hsds-mapper.ts';
import type { SourceOrganization, SourceService } from './hsds-source.ts';

/**
 * HSDS objects of another sociale kaart back into our listings and organisations. Whatever the
 * source leaves out gets the plainest value (and everything imported is checked by a person
 * before residents see it); a location without a usable address or coordinates is left out.
 */
export interface ImportVocabulary {
  municipalityName: string;
  neighbourhoods: { id: string; name: string }[];
  lifeDomains: { id: string; name: string }[];
  audiences: { id: string; name: string }[];
}

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

interface Term {
  taxonomy: string;
  code: string;
  name: string;
}
const termsOf = (attributes: SourceService['attributes']): Term[] =>
  attributes.flatMap(({ taxonomy_term: term }) =>
    term
      ? [
          {
            taxonomy: fold(term.taxonomy_detail?.name ?? term.taxonomy ?? ''),
            code: term.code ?? '',
            name: term.name ?? '',
          },
        ]
      : [],
  );

/** A code of one of our fixed vocabularies, when the source used our taxonomy for it. */
function ownCode<T extends string>(terms: Term[], taxonomy: string, codes: readonly T[]): T | undefined {
  return terms
    .filter((term) => term.taxonomy === fold(taxonomy))
    .map((term) => codes.find((code) => code === term.code))
    .find((code) => code !== undefined);
}

/** Terms that name one of our own leefgebieden or doelgroepen, by id or by name, from any taxonomy. */
function matching(terms: Term[], vocabulary: { id: string; name: string }[]): string[] {
  return [
    ...new Set(
      terms.flatMap((term) =>
        vocabulary
          .filter((entry) => entry.id === term.code || fold(entry.name) === fold(term.name))
          .map((entry) => entry.id),
      ),
    ),
  ];
}

/** "Samenvatting\n\nBeschrijving" back into its two parts, each within its length. */
export function splitDescription(
  text: string,
  fallback: string,
  limits: { min: number; max: number },
): { summary: string; description: string } {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\n\s*\n/);
  if (first.length >= limits.min && first.length <= limits.max)
    return { summary: first.trim(), description: rest.join('\n\n').trim() };
  const flat = first.replace(/\s+/g, ' ').trim();
  if (flat.length > limits.max) {
    const sentence = /^(.{10,}?[.!?])\s/.exec(flat.slice(0, limits.max))?.[1];
    return { summary: sentence ?? `${flat.slice(0, limits.max - 1).trimEnd()}…`, description: trimmed };
  }
  const padded = `${fallback}: ${flat}`.replace(/:\s*$/, '.');
  return { summary: padded.slice(0, limits.max), description: rest.join('\n\n').trim() };
}

const valid = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
};

type SourceLocation = NonNullable<SourceService['service_at_locations'][number]['location']>;

function addressOf(location: SourceLocation | undefined) {
  const address =
    location?.addresses.find((candidate) => (candidate.address_type ?? 'physical') === 'physical') ??
    location?.addresses[0];
  return address
    ? valid(AddressSchema, { street: address.address_1, postcode: address.postal_code, city: address.city })
    : undefined;
}

export function organisationFromSource(source: SourceOrganization): Omit<Organisation, 'slug'> {
  const { summary, description } = splitDescription(source.description ?? '', source.name, {
    min: 10,
    max: 300,
  });
  const kind = ownCode(termsOf(source.attributes), 'Soort organisatie', ORGANISATION_KINDS) ?? 'overig';
  const phone = source.phones.map((entry) => valid(PhoneSchema, entry.number)).find(Boolean);
  const email = valid(EmailSchema, source.email);
  const website = valid(WebsiteSchema, source.website);
  const address = addressOf(source.locations[0]);
  return {
    name: source.name.slice(0, 120),
    kind,
    summary,
    description,
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(website ? { website } : {}),
    ...(address ? { address } : {}),
  };
}

const RRULE_DAYS: Record<string, Weekday> = {
  MO: 'ma',
  TU: 'di',
  WE: 'wo',
  TH: 'do',
  FR: 'vr',
  SA: 'za',
  SU: 'zo',
};
const TIME = /^([01]\d|2[0-3]):[0-5]\d/;
const DATE = /^\d{4}-\d{2}-\d{2}/;
const time = (value: string | undefined) => (value && TIME.test(value) ? value.slice(0, 5) : undefined);
const date = (value: string | undefined) => (value && DATE.test(value) ? value.slice(0, 10) : undefined);

function scheduleOf(source: SourceService['schedules']): NonNullable<ListingInput['schedule']> {
  const schedule: NonNullable<ListingInput['schedule']> = { weekly: [], occurrences: [], closures: [] };
  for (const entry of source) {
    const opens = time(entry.opens_at);
    const closes = time(entry.closes_at);
    const days = (entry.byday ?? '')
      .split(',')
      .map((day) => RRULE_DAYS[day.trim().toUpperCase().slice(-2)])
      .filter((day): day is Weekday => day !== undefined)
      .sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
    const note = entry.notes?.slice(0, 120);
    if (entry.freq === 'WEEKLY' && days.length > 0 && opens && closes)
      schedule.weekly?.push({ days: [...new Set(days)], opens, closes, ...(note ? { note } : {}) });
    else if (date(entry.dtstart) && opens && closes)
      schedule.occurrences?.push({
        date: date(entry.dtstart) ?? '',
        starts: opens,
        ends: closes,
        ...(note ? { note } : {}),
      });
    else if (date(entry.valid_from) && !opens && !entry.freq)
      schedule.closures?.push({
        from: date(entry.valid_from) ?? '',
        until: date(entry.valid_to) ?? date(entry.valid_from) ?? '',
        ...(note ? { note } : {}),
      });
    else if (entry.description && !schedule.note) schedule.note = entry.description.slice(0, 200);
  }
  return schedule;
}

const costLabel = (code: (typeof COSTS)[number]) => COST_LABELS[code];

function costOf(service: SourceService, terms: Term[]): Pick<ListingInput, 'cost' | 'costNote'> {
  const option = service.cost_options[0];
  const fees = service.fees_description ?? '';
  const own = ownCode(terms, 'Kosten', COSTS);
  const cost =
    own ??
    (option?.amount === 0 || /^gratis/i.test(fees)
      ? 'free'
      : /^vergoed/i.test(fees)
        ? 'reimbursed'
        : 'contribution');
  const prefix = `${costLabel(cost)}: `;
  const note =
    option?.amount_description ?? (fees.startsWith(prefix) ? fees.slice(prefix.length) : undefined);
  return { cost, ...(note ? { costNote: note.slice(0, 200) } : {}) };
}

/** The listing fields of an HSDS service; the caller adds slug, organisation and state. */
export function listingFromSource(
  service: SourceService,
  vocabulary: ImportVocabulary,
): Omit<ListingInput, 'slug' | 'organisation' | 'status' | 'lastVerifiedAt'> & { lastVerifiedAt?: string } {
  const terms = termsOf(service.attributes);
  const { summary, description } = splitDescription(service.description ?? '', service.name, {
    min: 20,
    max: 160,
  });
  const neighbourhoods = [
    ...new Set(
      service.service_areas.flatMap((area) =>
        vocabulary.neighbourhoods
          .filter(
            (wijk) =>
              fold(wijk.name) === fold(area.name ?? '') || (area.uri ?? '').endsWith(`/wijken/${wijk.id}`),
          )
          .map((wijk) => wijk.id),
      ),
    ),
  ];
  const locations = service.service_at_locations.flatMap(({ location }) => {
    const address = addressOf(location);
    if (!location || !address || location.latitude === undefined || location.longitude === undefined)
      return [];
    return [
      {
        name: (location.name ?? address.street).slice(0, 120),
        address,
        coordinates: { lat: location.latitude, lng: location.longitude },
      },
    ];
  });
  const labels = new Map(
    Object.entries(ACCESSIBILITY_LABELS).map(([feature, label]) => [fold(label), feature]),
  );
  const accessibility = [
    ...new Set([
      ...terms
        .filter((term) => term.taxonomy === fold('Toegankelijkheid'))
        .flatMap((term) => ACCESSIBILITY_FEATURES.find((known) => known === term.code) ?? []),
      ...service.service_at_locations.flatMap(({ location }) =>
        (location?.accessibility ?? []).flatMap((entry) => {
          const feature = labels.get(fold(entry.description ?? ''));
          return ACCESSIBILITY_FEATURES.find((known) => known === feature) ?? [];
        }),
      ),
    ]),
  ];
  const languages = [
    ...new Set(service.languages.flatMap((entry) => LANGUAGES.find((code) => code === entry.code) ?? [])),
  ];
  const phone = service.phones.map((entry) => valid(PhoneSchema, entry.number)).find(Boolean);
  const email = valid(EmailSchema, service.email);
  const website = valid(WebsiteSchema, service.url);
  const [howToApply = '', ...toBring] = (service.application_process ?? '').split(WHAT_TO_BRING);
  const whatToBring = toBring.join(WHAT_TO_BRING).trim().slice(0, 300);
  const access =
    ownCode(terms, 'Toegang', ACCESS_KINDS) ??
    ACCESS_KINDS.find((kind) => fold(ACCESS_SHORT_LABELS[kind]) === fold(howToApply)) ??
    'open';
  return {
    kind: ownCode(terms, 'Soort aanbod', LISTING_KINDS) ?? 'service',
    title: service.name.slice(0, 100),
    summary,
    description,
    citywide: neighbourhoods.length === 0,
    neighbourhoods,
    locations,
    lifeDomains: matching(terms, vocabulary.lifeDomains),
    audiences: matching(terms, vocabulary.audiences),
    ...costOf(service, terms),
    access,
    contact: { ...(phone ? { phone } : {}), ...(email ? { email } : {}), ...(website ? { website } : {}) },
    schedule: scheduleOf(service.schedules),
    languages: languages.length > 0 ? languages : ['nl'],
    accessibility,
    ...(whatToBring ? { whatToBring } : {}),
    ...(date(service.assured_date) ? { lastVerifiedAt: date(service.assured_date) } : {}),
  };
}
