import { z } from 'zod';

/**
 * What an import reads from another sociale kaart's HSDS: only the fields it uses, leniently
 * (HSDS allows extra fields, and other publishers fill fewer). An export of Wijkwijzer, a plain
 * list of fully nested services, or an HSDS `Page` of them are all accepted.
 */
const str = z.string().trim();
const optionalText = str.optional().catch(undefined);

const TermSchema = z.looseObject({
  id: str.optional(),
  code: optionalText,
  name: optionalText,
  taxonomy: optionalText,
  taxonomy_detail: z.looseObject({ name: optionalText }).optional().catch(undefined),
});
const AttributeSchema = z.looseObject({ taxonomy_term: TermSchema.optional().catch(undefined) });
const PhoneSchema = z.looseObject({ number: optionalText });
const AddressSchema = z.looseObject({
  address_1: optionalText,
  city: optionalText,
  postal_code: optionalText,
  address_type: optionalText,
});
const LocationSchema = z.looseObject({
  name: optionalText,
  latitude: z.number().optional().catch(undefined),
  longitude: z.number().optional().catch(undefined),
  addresses: z.array(AddressSchema).catch([]).default([]),
  accessibility: z
    .array(z.looseObject({ description: optionalText }))
    .catch([])
    .default([]),
});
const ScheduleSchema = z.looseObject({
  freq: optionalText,
  byday: optionalText,
  dtstart: optionalText,
  valid_from: optionalText,
  valid_to: optionalText,
  opens_at: optionalText,
  closes_at: optionalText,
  description: optionalText,
  notes: optionalText,
});

export const SourceOrganizationSchema = z.looseObject({
  id: str,
  name: str,
  description: optionalText,
  email: optionalText,
  website: optionalText,
  phones: z.array(PhoneSchema).catch([]).default([]),
  locations: z.array(LocationSchema).catch([]).default([]),
  attributes: z.array(AttributeSchema).catch([]).default([]),
});
export type SourceOrganization = z.output<typeof SourceOrganizationSchema>;

export const SourceServiceSchema = z.looseObject({
  id: str,
  organization_id: optionalText,
  name: str,
  description: optionalText,
  url: optionalText,
  email: optionalText,
  application_process: optionalText,
  fees_description: optionalText,
  assured_date: optionalText,
  phones: z.array(PhoneSchema).catch([]).default([]),
  schedules: z.array(ScheduleSchema).catch([]).default([]),
  service_areas: z
    .array(z.looseObject({ name: optionalText, uri: optionalText }))
    .catch([])
    .default([]),
  service_at_locations: z
    .array(z.looseObject({ location: LocationSchema.optional().catch(undefined) }))
    .catch([])
    .default([]),
  languages: z
    .array(z.looseObject({ code: optionalText }))
    .catch([])
    .default([]),
  cost_options: z
    .array(
      z.looseObject({
        option: optionalText,
        amount: z.number().optional().catch(undefined),
        amount_description: optionalText,
      }),
    )
    .catch([])
    .default([]),
  attributes: z.array(AttributeSchema).catch([]).default([]),
  organization: SourceOrganizationSchema.optional().catch(undefined),
});
export type SourceService = z.output<typeof SourceServiceSchema>;

export interface ImportSource {
  organizations: unknown[];
  services: unknown[];
}

/** The lists in whatever shape the file has; each entry is read on its own, so one bad entry is skipped, not fatal. */
export function importSource(json: unknown): ImportSource {
  if (Array.isArray(json)) return { organizations: [], services: json };
  const document = z
    .looseObject({
      organizations: z.array(z.unknown()).optional(),
      services: z.array(z.unknown()).optional(),
      contents: z.array(z.unknown()).optional(),
    })
    .safeParse(json);
  if (!document.success) return { organizations: [], services: [] };
  return {
    organizations: document.data.organizations ?? [],
    services: document.data.services ?? document.data.contents ?? [],
  };
}
