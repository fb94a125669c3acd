import { z } from 'zod';
import type { AddressLookup } from '../location/locatieserver.ts';
import type { AddressQuery } from '../location/address-query.ts';
import type { FieldIssue } from '../errors/field-issue.ts';
import { CoordinatesSchema, PostcodeSchema, type Address } from '../schemas/fields.ts';
import {
  ListingFieldsSchema,
  ListingInputSchema,
  ListingLocationSchema,
  type Listing,
  type ListingData,
  type ListingStatus,
} from '../schemas/listing.ts';

/** Dutch editors write decimals with a comma: `51,872`. */
const decimal = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().replace(',', '.') : value;

const DraftLocationSchema = ListingLocationSchema.extend({
  /** Found from the address when left empty. */
  coordinates: z
    .object({
      lat: z.preprocess(decimal, CoordinatesSchema.shape.lat.optional()),
      lng: z.preprocess(decimal, CoordinatesSchema.shape.lng.optional()),
    })
    .optional(),
  /** The address the coordinates were found for, so a changed address is looked up again. */
  locatedFor: z.string().max(300).optional(),
});

/**
 * What an editor sends: the listing's own fields, with locations whose coordinates may still be
 * missing. Derived from the listing's schema, so a new field of a listing is a field of the draft.
 */
export const ListingDraftSchema = ListingFieldsSchema.extend({
  locations: z.array(DraftLocationSchema).default([]),
});
export type ListingDraft = z.output<typeof ListingDraftSchema>;
type DraftLocation = z.output<typeof DraftLocationSchema>;

const addressKey = (address: Pick<Address, 'street' | 'postcode'>): string =>
  `${address.street.trim().toLowerCase()}|${address.postcode.replace(/\s/g, '').toUpperCase()}`;

/** The editor's starting point for a stored listing. */
export function draftFromListing(listing: Listing): ListingDraft {
  const draft = ListingDraftSchema.parse(listing);
  return {
    ...draft,
    locations: draft.locations.map((location) => ({ ...location, locatedFor: addressKey(location.address) })),
  };
}

/** What the database decides, not the editor: which listing this is and its state. */
export interface FixedListingFields {
  slug: string;
  organisation: string;
  status: ListingStatus;
  lastVerifiedAt: string;
}

export type LookupAddress = (query: AddressQuery) => Promise<AddressLookup>;

const HOUSE_NUMBER = /\s([1-9][0-9]{0,4})\s*[-\s]?\s*[A-Za-z0-9]{0,4}$/;

/**
 * Finds coordinates for a location that has none yet, or whose address changed since they were
 * found. Returns the location, with an issue when it could not be placed.
 */
async function locate(
  location: DraftLocation,
  index: number,
  lookup: LookupAddress,
): Promise<{ location: DraftLocation; issue?: FieldIssue }> {
  const { lat, lng } = location.coordinates ?? {};
  const hasCoordinates = lat !== undefined && lng !== undefined;
  const key = addressKey(location.address);
  const addressChanged = location.locatedFor !== undefined && location.locatedFor !== key;
  if (hasCoordinates && !addressChanged) return { location };
  const postcode = PostcodeSchema.safeParse(location.address.postcode);
  const houseNumber = HOUSE_NUMBER.exec(location.address.street.trim());
  if (!postcode.success || !houseNumber) return { location }; // the schema reports the address itself
  const answer = await lookup({ postcode: postcode.data, houseNumber: Number(houseNumber[1]) });
  if (answer.status === 'found') {
    return { location: { ...location, coordinates: answer.address.point, locatedFor: key } };
  }
  if (hasCoordinates) return { location }; // keep what the editor typed
  return {
    location,
    issue: {
      path: ['locations', index, 'address', 'street'],
      message:
        answer.status === 'not-found'
          ? 'We vinden dit adres niet. Kijk of straat, huisnummer en postcode kloppen, of vul de coördinaten zelf in.'
          : 'We kunnen het adres nu niet opzoeken. Vul de coördinaten zelf in, of probeer het later nog eens.',
    },
  };
}

export interface Vocabulary {
  neighbourhoods: readonly string[];
  lifeDomains: readonly string[];
  audiences: readonly string[];
}

/** Wijken, leefgebieden and doelgroepen come from lists; a value not on them is refused. */
function unknownTerms(input: unknown, vocabulary: Vocabulary): FieldIssue[] {
  const messages: Record<keyof Vocabulary, string> = {
    neighbourhoods: 'Kies wijken uit de lijst.',
    lifeDomains: 'Kies leefgebieden uit de lijst.',
    audiences: 'Kies doelgroepen uit de lijst.',
  };
  const fields = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  return (Object.keys(messages) as (keyof Vocabulary)[])
    .filter((field) => {
      const values = fields[field];
      return Array.isArray(values) && values.some((value) => !vocabulary[field].includes(String(value)));
    })
    .map((field) => ({ path: [field], message: messages[field] }));
}

const withoutKey = ({ locatedFor: _key, ...location }: DraftLocation) => location;

/** The locations of an input that failed as a whole, each on its own (undefined where invalid). */
function locationsIn(input: unknown): (DraftLocation | undefined)[] {
  const locations =
    typeof input === 'object' && input !== null ? (input as Record<string, unknown>).locations : [];
  return Array.isArray(locations)
    ? locations.map((location) => DraftLocationSchema.safeParse(location).data)
    : [];
}

export type PreparedListing = { ok: true; data: ListingData } | { ok: false; issues: FieldIssue[] };

/**
 * An editor's input → validated ListingData: addresses located, vocabulary and the listing's own
 * schema checked. The input is `unknown`: the use case validates whatever it is given.
 */
export async function prepareListing(
  input: unknown,
  fixed: FixedListingFields,
  deps: { lookupAddress: LookupAddress; vocabulary: Vocabulary },
): Promise<PreparedListing> {
  const parsedDraft = ListingDraftSchema.safeParse(input);
  // Every message at once: addresses that are complete are looked up even when other fields fail.
  const located = await Promise.all(
    (parsedDraft.success ? parsedDraft.data.locations : locationsIn(input)).map((location, index) =>
      location
        ? locate(location, index, deps.lookupAddress)
        : Promise.resolve({ location, issue: undefined }),
    ),
  );
  const issues: FieldIssue[] = [
    ...(parsedDraft.success ? [] : parsedDraft.error.issues),
    ...unknownTerms(input, deps.vocabulary),
    ...located.flatMap(({ issue }) => (issue ? [issue] : [])),
  ];
  if (!parsedDraft.success) return { ok: false, issues };
  const { locations: _drafted, ...fields } = parsedDraft.data;
  const parsed = ListingInputSchema.safeParse({
    ...fields,
    ...fixed,
    neighbourhoods: fields.citywide ? [] : fields.neighbourhoods,
    locations: located.map(({ location }) => location && withoutKey(location)),
  });
  if (!parsed.success) issues.push(...parsed.error.issues);
  if (parsed.success && issues.length === 0) return { ok: true, data: parsed.data };
  return { ok: false, issues };
}
