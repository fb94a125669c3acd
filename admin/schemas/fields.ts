import { z } from 'zod';
import { text } from './text.ts';

/**
 * Field schemas shared by content, forms and the database. Messages are Dutch because they
 * reach residents and editors unchanged.
 */

/** A URL-safe identifier such as `drievliet-het-zand`. */
export const SlugSchema = text().regex(
  /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  'Gebruik alleen kleine letters, cijfers en streepjes.',
);

/** Dutch phone number as people write it: `0180-451234`, `06 12345678`, `0800-2000`, `112`. */
export const PhoneSchema = text()
  .trim()
  .regex(/^(\+31[\s-]?|0)?[1-9][0-9\s-]{1,12}$/, 'Vul een geldig telefoonnummer in, zoals 0180-451234.')
  .refine(
    (value) => value.replace(/\D/g, '').length >= 3,
    'Vul een geldig telefoonnummer in, zoals 0180-451234.',
  );

export const EmailSchema = z.email('Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.');

export const WebsiteSchema = z.url({
  protocol: /^https?$/,
  message: 'Vul een geldig webadres in dat begint met https://.',
});

/** Dutch postcode `1234 AB`; spaces and case are tolerated and normalised. */
export const PostcodeSchema = text({ error: 'Vul een postcode in zoals 2981 AB.' })
  .trim()
  .transform((value) => value.toUpperCase().replace(/\s+/g, ''))
  .pipe(text().regex(/^[1-9][0-9]{3}[A-Z]{2}$/, 'Vul een postcode in zoals 2981 AB.'))
  .transform((value) => `${value.slice(0, 4)} ${value.slice(4)}`);

/** WGS84 coordinates; the bounds keep typos from landing in the ocean. */
export const CoordinatesSchema = z.object(
  {
    lat: z
      .number({ error: 'Vul de breedtegraad in als getal, zoals 51.872.' })
      .min(-90, 'De breedtegraad ligt tussen -90 en 90.')
      .max(90, 'De breedtegraad ligt tussen -90 en 90.'),
    lng: z
      .number({ error: 'Vul de lengtegraad in als getal, zoals 4.603.' })
      .min(-180, 'De lengtegraad ligt tussen -180 en 180.')
      .max(180, 'De lengtegraad ligt tussen -180 en 180.'),
  },
  { error: 'Vul de coördinaten in, of een adres dat we kunnen vinden.' },
);
export type Coordinates = z.infer<typeof CoordinatesSchema>;

export const AddressSchema = z.object({
  /** Street and house number, e.g. `Koningsplein 1`. */
  street: text({ error: 'Vul straat en huisnummer in.' }).trim().min(2, 'Vul straat en huisnummer in.'),
  postcode: PostcodeSchema,
  city: text({ error: 'Vul een plaats in.' }).trim().min(2, 'Vul een plaats in.'),
});
export type Address = z.infer<typeof AddressSchema>;

export const WEEKDAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export const WeekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof WeekdaySchema>;

/** 24-hour clock time `HH:MM`. */
export const TimeSchema = text().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Vul een tijd in zoals 09:30.');

/** Calendar date `YYYY-MM-DD`. */
export const DateSchema = z.iso.date('Vul een datum in zoals 2026-03-01.');

/** A weekly recurring time slot, e.g. every Tuesday and Thursday 09:00–12:00. */
export const WeeklyRuleSchema = z
  .object({
    days: z.array(WeekdaySchema).min(1, 'Kies minstens één dag.'),
    opens: TimeSchema,
    closes: TimeSchema,
    /** Short remark such as `alleen op afspraak` or `even weken`. */
    note: text().trim().max(120, 'Maak de opmerking korter: hooguit 120 tekens.').optional(),
  })
  .refine((rule) => rule.opens < rule.closes, {
    message: 'De eindtijd moet na de begintijd liggen.',
    path: ['closes'],
  });
export type WeeklyRule = z.infer<typeof WeeklyRuleSchema>;

/** One dated occurrence, for activities that happen on specific days. */
export const OccurrenceSchema = z
  .object({
    date: DateSchema,
    starts: TimeSchema,
    ends: TimeSchema,
    note: text().trim().max(120, 'Maak de opmerking korter: hooguit 120 tekens.').optional(),
  })
  .refine((occurrence) => occurrence.starts < occurrence.ends, {
    message: 'De eindtijd moet na de begintijd liggen.',
    path: ['ends'],
  });
export type Occurrence = z.infer<typeof OccurrenceSchema>;

/**
 * Days on which a listing is closed although its weekly times say otherwise, both days
 * included: "gesloten van 24 december tot en met 2 januari". Public holidays need no closure.
 */
export const ClosureSchema = z
  .object({
    from: DateSchema,
    /** The last closed day; left empty, the closure is the one day `from`. */
    until: DateSchema.optional(),
    /** Shown to residents, e.g. `kerstvakantie` or `verbouwing`. */
    note: text().trim().max(120, 'Maak de opmerking korter: hooguit 120 tekens.').optional(),
  })
  .refine((closure) => closure.until === undefined || closure.from <= closure.until, {
    message: 'De laatste dag moet op of na de eerste dag liggen.',
    path: ['until'],
  })
  .transform((closure) => ({ ...closure, until: closure.until ?? closure.from }));
export type Closure = z.infer<typeof ClosureSchema>;
