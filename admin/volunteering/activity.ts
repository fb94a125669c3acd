import { z } from 'zod';
import type { ActivitySubmissionRow } from '../db/tables.ts';
import { AddressSchema, EmailSchema, PhoneSchema } from '../schemas/fields.ts';
import { CostSchema, ScheduleSchema } from '../schemas/listing.ts';
import { text } from '../schemas/text.ts';
import { isPlainText } from './volunteering-context.ts';

/**
 * An activity a resident registers at /activiteit-aanmelden. Its public fields become a listing of
 * kind `activity` once the team approved it; the organiser's name and contact never do.
 */

/** `unconfirmed` → `submitted` → `approved` (published) | `changes-requested` | `declined`; `withdrawn`; `ended`. */
export const ACTIVITY_STATUSES = [
  'unconfirmed',
  'submitted',
  'changes-requested',
  'approved',
  'declined',
  'withdrawn',
  'ended',
] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const LIVE_ACTIVITY_STATUSES: readonly ActivityStatus[] = [
  'unconfirmed',
  'submitted',
  'changes-requested',
  'approved',
  'declined',
];

const NO_HTML = 'Gebruik geen HTML-code zoals <script> of <b>. Schrijf gewone tekst.';

/** The public part: what a resident will read about the activity. */
const ActivityFieldsObject = z.object({
  title: text({ error: 'Geef je activiteit een naam van minstens 3 tekens.' })
    .trim()
    .min(3, 'Geef je activiteit een naam van minstens 3 tekens.')
    .max(100, 'Maak de naam korter dan 100 tekens.')
    .refine(isPlainText, NO_HTML),
  summary: text({ error: 'Vertel in één of twee zinnen wat er gebeurt (minstens 20 tekens).' })
    .trim()
    .min(20, 'Vertel in één of twee zinnen wat er gebeurt (minstens 20 tekens).')
    .max(160, 'Maak de korte uitleg korter: hooguit 160 tekens.')
    .refine(isPlainText, NO_HTML),
  description: text()
    .trim()
    .max(2000, 'Maak de uitleg korter: hooguit 2.000 tekens.')
    .refine(isPlainText, NO_HTML)
    .default(''),
  audiences: z.array(text()).default([]),
  lifeDomains: z.array(text()).default([]),
  schedule: ScheduleSchema,
  online: z.enum(['ja']).optional(),
  location: z
    .object({
      name: text()
        .trim()
        .max(120, 'Maak de naam van de plek korter dan 120 tekens.')
        .refine(isPlainText, NO_HTML)
        .optional(),
      address: AddressSchema.partial().optional(),
    })
    .optional(),
  cost: CostSchema.exclude(['reimbursed']),
  costNote: text()
    .trim()
    .max(200, 'Maak de uitleg over de kosten korter: hooguit 200 tekens.')
    .refine(isPlainText, NO_HTML)
    .optional(),
  volunteersWanted: z.enum(['ja']).optional(),
});

/** A date or a weekly time, and a place (or online): the form says which is missing. */
function checkWhenAndWhere(activity: z.output<typeof ActivityFieldsObject>, context: z.RefinementCtx): void {
  if (activity.schedule.weekly.length === 0 && activity.schedule.occurrences.length === 0)
    context.addIssue({
      code: 'custom',
      path: ['schedule', 'occurrences', 0, 'date'],
      message: 'Vul minstens één datum in, of de vaste tijd als het elke week is.',
    });
  if (activity.online !== 'ja') {
    const address = activity.location?.address;
    if (!activity.location?.name)
      context.addIssue({
        code: 'custom',
        path: ['location', 'name'],
        message: 'Vul de naam van de plek in, bijvoorbeeld Wijkcentrum De Fuik.',
      });
    if (!address?.street)
      context.addIssue({
        code: 'custom',
        path: ['location', 'address', 'street'],
        message: 'Vul straat en huisnummer in.',
      });
    if (!address?.postcode)
      context.addIssue({
        code: 'custom',
        path: ['location', 'address', 'postcode'],
        message: 'Vul een postcode in zoals 2981 AB.',
      });
    if (!address?.city)
      context.addIssue({
        code: 'custom',
        path: ['location', 'address', 'city'],
        message: 'Vul een plaats in.',
      });
  }
}

export const ActivityFieldsSchema = ActivityFieldsObject.superRefine(checkWhenAndWhere);
export type ActivityFields = z.output<typeof ActivityFieldsSchema>;

/** The organiser: never public. */
export const OrganiserSchema = z.object({
  organiserName: text({ error: 'Vul je naam in.' })
    .trim()
    .min(2, 'Vul je naam in.')
    .max(100, 'Gebruik voor je naam hooguit 100 tekens.')
    .refine(isPlainText, 'Gebruik geen HTML-code in je naam.'),
  organiserEmail: EmailSchema.max(254, 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.'),
  organiserPhone: PhoneSchema.optional(),
});

/** The public form: the activity, the organiser, and the spam defences. */
export const ActivityRegistrationSchema = ActivityFieldsObject.extend({
  ...OrganiserSchema.shape,
  formToken: text({ error: 'Het formulier is niet compleet. Laad de pagina opnieuw.' }).max(200),
  website: text().optional(),
}).superRefine(checkWhenAndWhere);

/** What the organiser sends from their own page to change the activity. */
export const ActivityChangeSchema = ActivityFieldsObject.extend({ token: text().max(200) }).superRefine(
  checkWhenAndWhere,
);
export type ActivityRegistration = z.output<typeof ActivityRegistrationSchema>;

/** What is stored while the activity waits: its public fields, the place found for its address. */
export const StoredDraftSchema = z.object({
  fields: z.unknown(),
  coordinates: z.object({ lat: z.number(), lng: z.number() }).optional(),
});

export interface ActivitySubmission {
  id: number;
  reference: string;
  status: ActivityStatus;
  version: number;
  fields: ActivityFields | null;
  neighbourhood: string | null;
  organiser: { name: string | null; email: string | null; phone: string | null };
  decisionNote: string | null;
  listingId: number | null;
  lastDate: string | null;
  createdAt: string;
  purged: boolean;
}

export function activityFromRow(row: ActivitySubmissionRow): ActivitySubmission {
  const draft = row.draft_json ? StoredDraftSchema.parse(JSON.parse(row.draft_json)) : undefined;
  const fields = draft ? ActivityFieldsSchema.safeParse(draft.fields) : undefined;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as ActivityStatus,
    version: row.version,
    fields: fields?.success ? fields.data : null,
    neighbourhood: row.neighbourhood,
    organiser: { name: row.organiser_name, email: row.organiser_email, phone: row.organiser_phone },
    decisionNote: row.decision_note,
    listingId: row.listing_id,
    lastDate: row.last_date,
    createdAt: row.created_at,
    purged: row.purged_at !== null,
  };
}
