import { z } from 'zod';
import type { VolunteerRow } from '../db/tables.ts';
import { EmailSchema, PhoneSchema, WEEKDAYS, type Weekday } from '../schemas/fields.ts';
import { LANGUAGES } from '../schemas/listing.ts';
import { text } from '../schemas/text.ts';
import { isPlainText } from './volunteering-context.ts';

/**
 * `unconfirmed`: waits for the e-mail link (deleted after 7 days); `submitted`: waits for the team;
 * `changes-requested`: the team asked the volunteer to change something; `approved`: in the pool
 * (and public, when the volunteer chose so); `paused`: not available for now; `declined`,
 * `withdrawn`, `expired`: ended, personal data removed.
 */
export const VOLUNTEER_STATUSES = [
  'unconfirmed',
  'submitted',
  'changes-requested',
  'approved',
  'paused',
  'declined',
  'withdrawn',
  'expired',
] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];
/** Statuses in which a sign-up is still alive and its volunteer may change it. */
export const LIVE_STATUSES: readonly VolunteerStatus[] = [
  'unconfirmed',
  'submitted',
  'changes-requested',
  'approved',
  'paused',
];

export const DAY_PARTS = ['ochtend', 'middag', 'avond'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

export const MIN_AGE = 16;
export const OWN_WORDS_MAX = 1000;

export interface Availability {
  days: Weekday[];
  dayParts: DayPart[];
}

/** The volunteer's own fields, as the sign-up form and the own page send them. */
export function volunteerFieldsSchema(vocabulary: {
  kinds: readonly string[];
  neighbourhoods: readonly string[];
}) {
  return z.object({
    kinds: z
      .array(text())
      .default([])
      .refine((values) => values.every((value) => vocabulary.kinds.includes(value)), 'Kies uit de lijst.'),
    ownWords: text()
      .trim()
      .max(OWN_WORDS_MAX, `Gebruik hooguit ${OWN_WORDS_MAX.toLocaleString('nl-NL')} tekens.`)
      .refine(isPlainText, 'Gebruik geen HTML-code zoals <script> of <b>. Schrijf gewone tekst.')
      .optional(),
    days: z.array(z.enum(WEEKDAYS, { error: 'Kies dagen uit de lijst.' })).min(1, 'Kies minstens één dag.'),
    dayParts: z
      .array(z.enum(DAY_PARTS, { error: 'Kies uit ochtend, middag of avond.' }))
      .min(1, 'Kies minstens één dagdeel: ochtend, middag of avond.'),
    neighbourhoods: z
      .array(text())
      .default([])
      .refine(
        (values) => values.every((value) => vocabulary.neighbourhoods.includes(value)),
        'Kies wijken uit de lijst.',
      ),
    citywide: z.enum(['ja']).optional(),
    languages: z.array(z.enum(LANGUAGES, { error: 'Kies talen uit de lijst.' })).default([]),
    phone: PhoneSchema.optional(),
    showOffer: z.enum(['ja', 'nee'], { error: 'Geef aan of je aanbod op de site mag staan.' }),
  });
}

/** Something to do and somewhere to do it; the form says which is missing. */
function checkWhatAndWhere(
  input: {
    kinds: string[];
    ownWords?: string | undefined;
    neighbourhoods: string[];
    citywide?: 'ja' | undefined;
  },
  context: z.RefinementCtx,
): void {
  if (input.kinds.length === 0 && !input.ownWords)
    context.addIssue({
      code: 'custom',
      path: ['kinds'],
      message: 'Kies wat je graag wilt doen, of schrijf het in je eigen woorden.',
    });
  if (input.citywide !== 'ja' && input.neighbourhoods.length === 0)
    context.addIssue({
      code: 'custom',
      path: ['neighbourhoods'],
      message: 'Kies de wijken waar je wilt helpen, of kies "In de hele gemeente".',
    });
}

/** The public sign-up form (/helpen). */
export function volunteerSignUpSchema(vocabulary: {
  kinds: readonly string[];
  neighbourhoods: readonly string[];
}) {
  return volunteerFieldsSchema(vocabulary)
    .extend({
      name: text({ error: 'Vul je naam in.' })
        .trim()
        .min(2, 'Vul je naam in.')
        .max(100, 'Gebruik voor je naam hooguit 100 tekens.')
        .refine(isPlainText, 'Gebruik geen HTML-code in je naam.'),
      email: EmailSchema.max(254, 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.'),
      age: z.enum(['ja'], { error: `Je kunt je aanmelden als je ${MIN_AGE} jaar of ouder bent.` }),
      /** Signed when the form was shown: proves a person took some time, and makes a second submit harmless. */
      formToken: text({ error: 'Het formulier is niet compleet. Laad de pagina opnieuw.' }).max(200),
      /** Honeypot: hidden from people, filled in by bots. */
      website: text().optional(),
    })
    .superRefine(checkWhatAndWhere);
}
export type VolunteerSignUp = z.output<ReturnType<typeof volunteerSignUpSchema>>;

/** What a volunteer changes on their own page. */
export function volunteerChangeSchema(vocabulary: {
  kinds: readonly string[];
  neighbourhoods: readonly string[];
}) {
  return volunteerFieldsSchema(vocabulary)
    .extend({ token: text().max(200) })
    .superRefine(checkWhatAndWhere);
}
export type VolunteerChange = z.output<ReturnType<typeof volunteerChangeSchema>>;

const StringList = z.array(z.string());
const AvailabilitySchema = z.object({
  days: z.array(z.enum(WEEKDAYS)),
  dayParts: z.array(z.enum(DAY_PARTS)),
});

/** A sign-up as the back office and the volunteer's own page show it. */
export interface Volunteer {
  id: number;
  reference: string;
  status: VolunteerStatus;
  version: number;
  kinds: string[];
  neighbourhoods: string[];
  citywide: boolean;
  showOffer: boolean;
  availability: Availability | null;
  languages: string[];
  ownWords: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  decisionNote: string | null;
  listingId: number | null;
  createdAt: string;
  confirmedAt: string | null;
  availabilityAskedAt: string | null;
  availabilityConfirmedAt: string | null;
  pausedAt: string | null;
  purged: boolean;
}

export function volunteerFromRow(row: VolunteerRow): Volunteer {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as VolunteerStatus,
    version: row.version,
    kinds: StringList.parse(JSON.parse(row.kinds_json)),
    neighbourhoods: StringList.parse(JSON.parse(row.neighbourhoods_json)),
    citywide: row.citywide === 1,
    showOffer: row.show_offer === 1,
    availability: row.availability_json ? AvailabilitySchema.parse(JSON.parse(row.availability_json)) : null,
    languages: row.languages_json ? StringList.parse(JSON.parse(row.languages_json)) : [],
    ownWords: row.own_words,
    name: row.name,
    email: row.email,
    phone: row.phone,
    decisionNote: row.decision_note,
    listingId: row.listing_id,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    availabilityAskedAt: row.availability_asked_at,
    availabilityConfirmedAt: row.availability_confirmed_at,
    pausedAt: row.paused_at,
    purged: row.purged_at !== null,
  };
}

/** The columns of the volunteer's own fields. */
export function columnsOf(fields: z.output<ReturnType<typeof volunteerFieldsSchema>>) {
  return {
    kinds_json: JSON.stringify(fields.kinds),
    neighbourhoods_json: JSON.stringify(fields.citywide === 'ja' ? [] : fields.neighbourhoods),
    citywide: fields.citywide === 'ja' ? 1 : 0,
    show_offer: fields.showOffer === 'ja' ? 1 : 0,
    availability_json: JSON.stringify({ days: fields.days, dayParts: fields.dayParts }),
    languages_json: JSON.stringify(fields.languages),
    own_words: fields.ownWords || null,
    phone: fields.phone ?? null,
  };
}

/** Every personal field emptied: what withdrawing and the retention purge leave behind. */
export const FORGOTTEN_VOLUNTEER = {
  availability_json: null,
  languages_json: null,
  own_words: null,
  name: null,
  email: null,
  phone: null,
  decision_note: null,
} as const;
