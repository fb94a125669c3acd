import type { z } from 'zod';
import type { AddressLookup } from '../location/locatieserver.ts';
import type { AddressQuery } from '../location/address-query.ts';
import { PostcodeSchema } from '../schemas/fields.ts';
import {
  ListingInputSchema,
  type Listing,
  type ListingData,
  type ListingStatus,
} from '../schemas/listing.ts';

/**
 * The listing editor's form as typed: every value a string (or list of strings), rows of the
 * schedule and locations included. It is what the form shows again after an error, and what is
 * turned into a ListingInput for the shared zod schema.
 */
export interface WeeklyRow {
  days: string[];
  opens: string;
  closes: string;
  note: string;
}
export interface OccurrenceRow {
  date: string;
  starts: string;
  ends: string;
  note: string;
}
/** A closing period in the editor: "gesloten van … tot en met …". */
export interface ClosureRow {
  from: string;
  until: string;
  note: string;
}
export interface LocationRow {
  name: string;
  street: string;
  postcode: string;
  city: string;
  lat: string;
  lng: string;
  /** The address the coordinates were found for, so a changed address is looked up again. */
  locatedFor: string;
}
export interface ListingDraft {
  kind: string;
  title: string;
  summary: string;
  description: string;
  citywide: boolean;
  neighbourhoods: string[];
  lifeDomains: string[];
  audiences: string[];
  cost: string;
  costNote: string;
  access: string;
  contact: { phone: string; email: string; website: string };
  languages: string[];
  accessibility: string[];
  schedule: { weekly: WeeklyRow[]; occurrences: OccurrenceRow[]; closures: ClosureRow[]; note: string };
  locations: LocationRow[];
}

export const emptyWeeklyRow = (): WeeklyRow => ({ days: [], opens: '', closes: '', note: '' });
export const emptyOccurrenceRow = (): OccurrenceRow => ({ date: '', starts: '', ends: '', note: '' });
export const emptyClosureRow = (): ClosureRow => ({ from: '', until: '', note: '' });
export const emptyLocationRow = (): LocationRow => ({
  name: '',
  street: '',
  postcode: '',
  city: '',
  lat: '',
  lng: '',
  locatedFor: '',
});

const addressKey = (row: Pick<LocationRow, 'street' | 'postcode'>): string =>
  `${row.street.trim().toLowerCase()}|${row.postcode.replace(/\s/g, '').toUpperCase()}`;

export function emptyDraft(): ListingDraft {
  return {
    kind: '',
    title: '',
    summary: '',
    description: '',
    citywide: false,
    neighbourhoods: [],
    lifeDomains: [],
    audiences: [],
    cost: '',
    costNote: '',
    access: '',
    contact: { phone: '', email: '', website: '' },
    languages: ['nl'],
    accessibility: [],
    schedule: { weekly: [], occurrences: [], closures: [], note: '' },
    locations: [],
  };
}

export function draftFromListing(listing: Listing): ListingDraft {
  return {
    kind: listing.kind,
    title: listing.title,
    summary: listing.summary,
    description: listing.description,
    citywide: listing.citywide,
    neighbourhoods: listing.neighbourhoods,
    lifeDomains: listing.lifeDomains,
    audiences: listing.audiences,
    cost: listing.cost,
    costNote: listing.costNote ?? '',
    access: listing.access,
    contact: {
      phone: listing.contact.phone ?? '',
      email: listing.contact.email ?? '',
      website: listing.contact.website ?? '',
    },
    languages: listing.languages,
    accessibility: listing.accessibility,
    schedule: {
      weekly: listing.schedule.weekly.map((rule) => ({
        days: rule.days,
        opens: rule.opens,
        closes: rule.closes,
        note: rule.note ?? '',
      })),
      occurrences: listing.schedule.occurrences.map((item) => ({
        date: item.date,
        starts: item.starts,
        ends: item.ends,
        note: item.note ?? '',
      })),
      closures: closureRows(listing.schedule.closures),
      note: listing.schedule.note ?? '',
    },
    locations: listing.locations.map((location) => {
      const row = {
        name: location.name,
        street: location.address.street,
        postcode: location.address.postcode,
        city: location.address.city,
      };
      return {
        ...row,
        lat: String(location.coordinates.lat),
        lng: String(location.coordinates.lng),
        locatedFor: addressKey(row),
      };
    }),
  };
}

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};
const texts = (form: FormData, name: string): string[] =>
  form.getAll(name).filter((value): value is string => typeof value === 'string' && value !== '');

/** Row numbers used in the form for a repeated group such as `locations.0.name`. */
function rowIndexes(form: FormData, prefix: string): number[] {
  const indexes = new Set<number>();
  for (const key of form.keys()) {
    const match = key.startsWith(prefix) ? /^(\d{1,2})\./.exec(key.slice(prefix.length)) : null;
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

export function draftFromForm(form: FormData): ListingDraft {
  return {
    kind: text(form, 'kind'),
    title: text(form, 'title'),
    summary: text(form, 'summary'),
    description: text(form, 'description'),
    citywide: form.has('citywide'),
    neighbourhoods: texts(form, 'neighbourhoods'),
    lifeDomains: texts(form, 'lifeDomains'),
    audiences: texts(form, 'audiences'),
    cost: text(form, 'cost'),
    costNote: text(form, 'costNote'),
    access: text(form, 'access'),
    contact: {
      phone: text(form, 'contact.phone'),
      email: text(form, 'contact.email'),
      website: text(form, 'contact.website'),
    },
    languages: texts(form, 'languages'),
    accessibility: texts(form, 'accessibility'),
    schedule: {
      weekly: rowIndexes(form, 'schedule.weekly.').map((i) => ({
        days: texts(form, `schedule.weekly.${i}.days`),
        opens: text(form, `schedule.weekly.${i}.opens`),
        closes: text(form, `schedule.weekly.${i}.closes`),
        note: text(form, `schedule.weekly.${i}.note`),
      })),
      occurrences: rowIndexes(form, 'schedule.occurrences.').map((i) => ({
        date: text(form, `schedule.occurrences.${i}.date`),
        starts: text(form, `schedule.occurrences.${i}.starts`),
        ends: text(form, `schedule.occurrences.${i}.ends`),
        note: text(form, `schedule.occurrences.${i}.note`),
      })),
      closures: closureRowsFromForm(form),
      note: text(form, 'schedule.note'),
    },
    locations: rowIndexes(form, 'locations.').map((i) => ({
      name: text(form, `locations.${i}.name`),
      street: text(form, `locations.${i}.street`),
      postcode: text(form, `locations.${i}.postcode`),
      city: text(form, `locations.${i}.city`),
      lat: text(form, `locations.${i}.lat`),
      lng: text(form, `locations.${i}.lng`),
      locatedFor: text(form, `locations.${i}.locatedFor`),
    })),
  };
}

const isBlank = (values: (string | string[])[]): boolean =>
  values.every((value) => (Array.isArray(value) ? value.length === 0 : value.trim() === ''));
const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value);
const coordinate = (value: string): number =>
  value.trim() === '' ? Number.NaN : Number(value.trim().replace(',', '.'));

/** Rows left completely empty are the form's spare rows, not mistakes. */
export function withoutBlankRows(draft: ListingDraft): ListingDraft {
  return {
    ...draft,
    schedule: {
      ...draft.schedule,
      weekly: draft.schedule.weekly.filter((row) => !isBlank([row.days, row.opens, row.closes, row.note])),
      occurrences: draft.schedule.occurrences.filter(
        (row) => !isBlank([row.date, row.starts, row.ends, row.note]),
      ),
      closures: draft.schedule.closures.filter((row) => !isBlank([row.from, row.until, row.note])),
    },
    locations: draft.locations.filter(
      (row) => !isBlank([row.name, row.street, row.postcode, row.city, row.lat, row.lng]),
    ),
  };
}

/** What the database decides, not the form: which listing this is and its state. */
export interface FixedListingFields {
  slug: string;
  organisation: string;
  status: ListingStatus;
  lastVerifiedAt: string;
}

/** The draft in the shape of ListingInputSchema; validation is the schema's job. */
export function inputFromDraft(draft: ListingDraft, fixed: FixedListingFields): unknown {
  return {
    ...fixed,
    kind: draft.kind || undefined,
    title: draft.title,
    summary: draft.summary,
    description: draft.description,
    citywide: draft.citywide,
    neighbourhoods: draft.citywide ? [] : draft.neighbourhoods,
    lifeDomains: draft.lifeDomains,
    audiences: draft.audiences,
    cost: draft.cost || undefined,
    costNote: optional(draft.costNote),
    access: draft.access || undefined,
    contact: {
      phone: optional(draft.contact.phone),
      email: optional(draft.contact.email),
      website: optional(draft.contact.website),
    },
    languages: draft.languages,
    accessibility: draft.accessibility,
    schedule: {
      weekly: draft.schedule.weekly.map((row) => ({
        days: row.days,
        opens: row.opens,
        closes: row.closes,
        note: optional(row.note),
      })),
      occurrences: draft.schedule.occurrences.map((row) => ({
        date: row.date,
        starts: row.starts,
        ends: row.ends,
        note: optional(row.note),
      })),
      closures: closuresFromRows(draft.schedule.closures),
      note: optional(draft.schedule.note),
    },
    locations: draft.locations.map((row) => ({
      name: row.name,
      address: { street: row.street, postcode: row.postcode, city: row.city },
      coordinates:
        row.lat.trim() === '' && row.lng.trim() === ''
          ? undefined
          : { lat: coordinate(row.lat), lng: coordinate(row.lng) },
    })),
  };
}

/** Form field name of a zod issue path; a whole-object issue points at its first field. */
export function fieldNameOf(path: readonly PropertyKey[]): string {
  const name = path.map(String).join('.');
  if (name === 'contact') return 'contact.phone';
  if (/^locations\.\d+\.coordinates(\.lat)?$/.test(name)) return name.replace(/coordinates(\.lat)?$/, 'lat');
  if (/^locations\.\d+\.coordinates\.lng$/.test(name)) return name.replace(/coordinates\.lng$/, 'lng');
  if (/^locations\.\d+\.address\./.test(name)) return name.replace('.address.', '.');
  return name;
}

export function errorsByField(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = fieldNameOf(issue.path);
    errors[name] ??= issue.message;
  }
  return errors;
}

export type LookupAddress = (query: AddressQuery) => Promise<AddressLookup>;

const HOUSE_NUMBER = /\s([1-9][0-9]{0,4})\s*[-\s]?\s*[A-Za-z0-9]{0,4}$/;

/**
 * Finds coordinates for locations whose address has none yet, or changed since they were found.
 * Returns the draft with coordinates filled in, and a message per location it could not place.
 */
export async function locateDraft(
  draft: ListingDraft,
  lookup: LookupAddress,
): Promise<{ draft: ListingDraft; errors: Record<string, string> }> {
  const errors: Record<string, string> = {};
  const locations = await Promise.all(
    draft.locations.map(async (row, index) => {
      const hasCoordinates = row.lat.trim() !== '' && row.lng.trim() !== '';
      const addressChanged = row.locatedFor !== '' && row.locatedFor !== addressKey(row);
      if (hasCoordinates && !addressChanged) return row;
      const postcode = PostcodeSchema.safeParse(row.postcode);
      const houseNumber = HOUSE_NUMBER.exec(row.street.trim());
      if (!postcode.success || !houseNumber) return row; // the schema reports the address itself
      const answer = await lookup({ postcode: postcode.data, houseNumber: Number(houseNumber[1]) });
      if (answer.status === 'found') {
        return {
          ...row,
          lat: String(answer.address.point.lat),
          lng: String(answer.address.point.lng),
          locatedFor: addressKey(row),
        };
      }
      if (hasCoordinates) return row; // keep what the editor typed
      errors[`locations.${index}.street`] =
        answer.status === 'not-found'
          ? 'We vinden dit adres niet. Kijk of straat, huisnummer en postcode kloppen, of vul de coördinaten zelf in.'
          : 'We kunnen het adres nu niet opzoeken. Vul de coördinaten zelf in, of probeer het later nog eens.';
      return row;
    }),
  );
  return { draft: { ...draft, locations }, errors };
}

export interface Vocabulary {
  neighbourhoods: readonly string[];
  lifeDomains: readonly string[];
  audiences: readonly string[];
}

function unknownTerms(draft: ListingDraft, vocabulary: Vocabulary): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = (field: keyof Vocabulary, message: string) => {
    if (draft[field].some((value) => !vocabulary[field].includes(value))) errors[field] = message;
  };
  check('neighbourhoods', 'Kies wijken uit de lijst.');
  check('lifeDomains', 'Kies leefgebieden uit de lijst.');
  check('audiences', 'Kies doelgroepen uit de lijst.');
  return errors;
}

export type PreparedListing =
  | { ok: true; data: ListingData; draft: ListingDraft }
  | { ok: false; errors: Record<string, string>; draft: ListingDraft };

/** Draft → validated ListingData: spare rows dropped, addresses located, vocabulary and schema checked. */
export async function prepareListing(
  input: ListingDraft,
  fixed: FixedListingFields,
  deps: { lookupAddress: LookupAddress; vocabulary: Vocabulary },
): Promise<PreparedListing> {
  const located = await locateDraft(withoutBlankRows(input), deps.lookupAddress);
  const draft = located.draft;
  const parsed = ListingInputSchema.safeParse(inputFromDraft(draft, fixed));
  const errors = {
    ...(parsed.success ? {} : errorsByField(parsed.error)),
    ...unknownTerms(draft, deps.vocabulary),
    ...located.errors,
  };
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, data: parsed.data, draft };
  return { ok: false, errors, draft };
}

// Closing periods ("gesloten van … tot en met …"): the rows of the editor and back.

function closureRows(
  closures: readonly { from: string; until: string; note?: string | undefined }[],
): ClosureRow[] {
  return closures.map((closure) => ({ from: closure.from, until: closure.until, note: closure.note ?? '' }));
}

function closureRowsFromForm(form: FormData): ClosureRow[] {
  return rowIndexes(form, 'schedule.closures.').map((i) => ({
    from: text(form, `schedule.closures.${i}.from`),
    until: text(form, `schedule.closures.${i}.until`),
    note: text(form, `schedule.closures.${i}.note`),
  }));
}

/** A closure of one day may leave "tot en met" empty. */
function closuresFromRows(rows: readonly ClosureRow[]): unknown[] {
  return rows.map((row) => ({
    from: row.from,
    until: row.until.trim() === '' ? row.from : row.until,
    note: optional(row.note),
  }));
}
