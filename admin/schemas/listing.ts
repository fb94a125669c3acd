import { z } from 'zod';
import {
  AddressSchema,
  ClosureSchema,
  CoordinatesSchema,
  DateSchema,
  EmailSchema,
  OccurrenceSchema,
  PhoneSchema,
  SlugSchema,
  WeeklyRuleSchema,
  WebsiteSchema,
} from './fields.ts';
import { text } from './text.ts';

/** `service`: voorziening; `activity`: activiteit; `volunteer`: vrijwillige hulp. */
export const LISTING_KINDS = ['service', 'activity', 'volunteer'] as const;
export const ListingKindSchema = z.enum(LISTING_KINDS, { error: 'Kies wat voor aanbod dit is.' });
export type ListingKind = z.infer<typeof ListingKindSchema>;

/** `free`: gratis; `contribution`: eigen bijdrage; `reimbursed`: vergoed (insurance, Wmo). */
export const COSTS = ['free', 'contribution', 'reimbursed'] as const;
export const CostSchema = z.enum(COSTS, { error: 'Kies wat het kost.' });
export type Cost = z.infer<typeof CostSchema>;

/** `open`: vrij toegankelijk; `referral`: verwijzing nodig; `indication`: indicatie nodig. */
export const ACCESS_KINDS = ['open', 'referral', 'indication'] as const;
export const AccessSchema = z.enum(ACCESS_KINDS, { error: 'Kies hoe mensen eraan kunnen meedoen.' });
export type Access = z.infer<typeof AccessSchema>;

/** `editor`: an organisation's form; `volunteer`: a volunteer's public offer; `resident`: an activity a resident registered. */
export const LISTING_ORIGINS = ['editor', 'volunteer', 'resident'] as const;
export const ListingOriginSchema = z.enum(LISTING_ORIGINS);
export type ListingOrigin = z.infer<typeof ListingOriginSchema>;

export const LISTING_STATUSES = ['draft', 'published', 'unpublished', 'archived'] as const;
export const ListingStatusSchema = z.enum(LISTING_STATUSES);
export type ListingStatus = z.infer<typeof ListingStatusSchema>;

export const ACCESSIBILITY_FEATURES = [
  'rolstoeltoegankelijk',
  'invalidentoilet',
  'lift',
  'ringleiding',
  'invalidenparkeerplaats',
  'prikkelarm',
  'hulphond-welkom',
] as const;
export const AccessibilityFeatureSchema = z.enum(ACCESSIBILITY_FEATURES, { error: 'Kies uit de lijst.' });

/** ISO 639-1 codes of languages in which help is given. */
export const LANGUAGES = [
  'nl',
  'en',
  'de',
  'pl',
  'tr',
  'ar',
  'ti',
  'uk',
  'pap',
  'so',
  'fa',
  'es',
  'fr',
  'ro',
  'bg',
] as const;
export const LanguageSchema = z.enum(LANGUAGES, { error: 'Kies talen uit de lijst.' });

export const ListingLocationSchema = z.object({
  /** Name of the building, e.g. `Wijkcentrum De Fuik`. */
  name: text({ error: 'Vul de naam van de plek in.' })
    .trim()
    .min(2, 'Vul de naam van de plek in.')
    .max(120, 'Maak de naam korter dan 120 tekens.'),
  address: AddressSchema,
  coordinates: CoordinatesSchema,
});
export type ListingLocation = z.infer<typeof ListingLocationSchema>;

export const ListingContactSchema = z
  .object({
    phone: PhoneSchema.optional(),
    email: EmailSchema.optional(),
    website: WebsiteSchema.optional(),
  })
  .refine((contact) => Boolean(contact.phone ?? contact.email ?? contact.website), {
    message: 'Vul minstens een telefoonnummer, e-mailadres of website in.',
  });
export type ListingContact = z.infer<typeof ListingContactSchema>;

export const ScheduleSchema = z
  .object({
    weekly: z.array(WeeklyRuleSchema).default([]),
    occurrences: z.array(OccurrenceSchema).default([]),
    /** The first day the weekly times apply; absent: they already do. */
    startsOn: DateSchema.optional(),
    /** The last day the weekly times apply; absent: they go on. */
    endsOn: DateSchema.optional(),
    /** Own closing days on top of the Dutch public holidays (which close everything anyway). */
    closures: z.array(ClosureSchema).default([]),
    /** Free text for what rules cannot say: `op afspraak`, `niet in de schoolvakanties`. */
    note: text().trim().max(200, 'Maak de opmerking korter: hooguit 200 tekens.').optional(),
  })
  .refine((schedule) => !schedule.startsOn || !schedule.endsOn || schedule.startsOn <= schedule.endsOn, {
    message: 'De einddatum moet na de begindatum liggen.',
    path: ['endsOn'],
  });
export type Schedule = z.infer<typeof ScheduleSchema>;

/**
 * Whether there is room: `available` (plek beschikbaar), `waiting-list` (wachtlijst, about
 * `waitWeeks` weeks), `full` (vol), `closed` (tijdelijk gesloten). No status: the organisation
 * does not say. When it was set is the database's business (`roomSetAt`).
 */
export const ROOM_STATUSES = ['available', 'waiting-list', 'full', 'closed'] as const;
export const RoomStatusSchema = z.enum(ROOM_STATUSES, { error: 'Kies of er plek is.' });
export type RoomStatus = z.infer<typeof RoomStatusSchema>;

export const RoomSchema = z
  .object({
    status: RoomStatusSchema.optional(),
    waitWeeks: z
      .number({ error: 'Vul het aantal weken in als getal, zoals 6.' })
      .int('Vul een heel aantal weken in, zoals 6.')
      .min(1, 'Vul minstens 1 week in.')
      .max(104, 'Vul hooguit 104 weken in.')
      .optional(),
  })
  // Weeks belong to a waiting list only; with another status they are left out, not refused.
  .transform((room) => (room.status === 'waiting-list' ? room : room.status ? { status: room.status } : {}));
export type Room = z.output<typeof RoomSchema>;

/**
 * What organisations tell referrers only (wijkteam members): never on a public page, in the search
 * index or in open data.
 */
export const ProfessionalInfoSchema = z.object({
  /** Who a referrer can ask for. */
  contactName: text().trim().max(100, 'Maak de naam korter: hooguit 100 tekens.').optional(),
  /** A direct line for referrers, not for residents. */
  phone: PhoneSchema.optional(),
  email: EmailSchema.optional(),
  /** Who qualifies: age, income, indication, region… */
  intakeConditions: text().trim().max(1000, 'Maak de voorwaarden korter: hooguit 1.000 tekens.').optional(),
});
export type ProfessionalInfo = z.infer<typeof ProfessionalInfoSchema>;

/**
 * The fields an editor (or a demo file) writes: everything a resident needs to decide and to go
 * there. The editor's form is decoded against this shape, so a new field added here (and to the
 * table and the form) needs nothing else.
 */
export const ListingFieldsSchema = z.object({
  kind: ListingKindSchema,
  title: text({ error: 'Vul een titel in van minstens 3 tekens.' })
    .trim()
    .min(3, 'Vul een titel in van minstens 3 tekens.')
    .max(100, 'Maak de titel korter dan 100 tekens.'),
  /** One or two B1 sentences shown in lists and search results. */
  summary: text({ error: 'Schrijf een korte samenvatting van minstens 20 tekens.' })
    .trim()
    .min(20, 'Schrijf een korte samenvatting van minstens 20 tekens.')
    .max(160, 'Maak de samenvatting korter: hooguit 160 tekens.'),
  /** Markdown; sanitised when rendered. */
  description: text().trim().max(10_000, 'Maak de beschrijving korter: hooguit 10.000 tekens.').default(''),
  /** Available in the whole municipality, not tied to wijken. */
  citywide: z.boolean().default(false),
  /** Wijk ids where it is offered; empty only when citywide. */
  neighbourhoods: z.array(SlugSchema).default([]),
  locations: z.array(ListingLocationSchema).default([]),
  lifeDomains: z.array(SlugSchema).min(1, 'Kies minstens één leefgebied.'),
  audiences: z.array(SlugSchema).default([]),
  cost: CostSchema,
  /** e.g. `€ 2,50 per keer, koffie inbegrepen`. */
  costNote: text().trim().max(200, 'Maak de uitleg over de kosten korter: hooguit 200 tekens.').optional(),
  access: AccessSchema,
  contact: ListingContactSchema,
  schedule: ScheduleSchema.default({ weekly: [], occurrences: [], closures: [] }),
  languages: z.array(LanguageSchema).default(['nl']),
  accessibility: z.array(AccessibilityFeatureSchema).default([]),
  /** e.g. `je ID-bewijs en je laatste loonstrook`: shown to residents and on the handover sheet. */
  whatToBring: text().trim().max(300, 'Maak de tekst korter: hooguit 300 tekens.').optional(),
  room: RoomSchema.default({}),
  /** The address is for professionals only (a shelter): residents, the map and search see the wijk. */
  addressOnRequest: z.boolean().default(false),
  professional: ProfessionalInfoSchema.default({}),
});

/**
 * A listing as stored: its fields plus what the database decides (which listing, its
 * organisation and state). Ids, version and timestamps are the database's business.
 */
export const ListingInputSchema = ListingFieldsSchema.extend({
  slug: SlugSchema.max(80),
  /** Slug of the organisation that offers it. */
  organisation: SlugSchema,
  status: ListingStatusSchema.default('published'),
  lastVerifiedAt: DateSchema,
  /** When the room status was last set; absent without a room status. */
  roomSetAt: z.iso.datetime().optional(),
  isDemo: z.boolean().default(false),
  /** The HSDS `id` (open data); a new listing gets one when it is stored, an imported one keeps its own. */
  openDataId: z.uuid().optional(),
  /** Imported and not yet checked by a person: shown as "nog controleren" until it is saved, confirmed or published. */
  needsReview: z.boolean().optional(),
  /** Managed in the listing editor, or through a volunteer's or resident's moderated sign-up. */
  origin: ListingOriginSchema.default('editor'),
}).refine((listing) => listing.citywide || listing.neighbourhoods.length > 0, {
  message: 'Kies de wijken waar dit aanbod is, of kies "hele gemeente".',
  path: ['neighbourhoods'],
});
export type ListingInput = z.input<typeof ListingInputSchema>;
export type ListingData = z.output<typeof ListingInputSchema>;

/** A stored listing. */
export const ListingSchema = ListingInputSchema.and(
  z.object({
    id: z.number().int().positive(),
    openDataId: z.uuid(),
    /** Incremented on every change; the search index records the version it holds. */
    version: z.number().int().positive(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  }),
);
export type Listing = z.output<typeof ListingSchema>;
