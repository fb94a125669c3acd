import { z } from 'zod';
import { CoordinatesSchema, EmailSchema, PhoneSchema, SlugSchema, WebsiteSchema } from './fields.ts';
import { text } from './text.ts';

/** A number to call when help cannot wait; shown wherever someone asks for help. */
export const UrgentHelpSchema = z.object({
  /** Who answers, e.g. `Veilig Thuis`. */
  name: text().min(2),
  phone: PhoneSchema,
  /** When to call, in one B1 sentence. */
  when: text().min(5).max(200),
  /** Opening times, e.g. `dag en nacht`. */
  available: text().min(2).max(80),
});
export type UrgentHelp = z.infer<typeof UrgentHelpSchema>;

/** The municipality running this site: identity, contact, theme and map defaults. */
export const MunicipalitySchema = z.object({
  /** Display name, e.g. `Ridderkerk`. */
  name: text().min(2),
  slug: SlugSchema,
  /** The site's own name as residents see it, e.g. `Wijkwijzer Ridderkerk`. */
  siteName: text().min(2),
  phone: PhoneSchema,
  /** When the general number is answered. */
  phoneHours: text().min(2),
  email: EmailSchema,
  website: WebsiteSchema,
  address: z.object({ street: text(), postcode: text(), city: text() }),
  /** The province, e.g. `Zuid-Holland`: open data (HSDS addresses) names it. */
  province: text().min(2).optional(),
  theme: z.object({
    /** Brand colour; must reach 4.5:1 contrast against white because it colours text and buttons. */
    primaryColor: text().regex(/^#[0-9a-fA-F]{6}$/),
    /** Darker shade for hover and focus states. */
    primaryColorDark: text().regex(/^#[0-9a-fA-F]{6}$/),
    /** Logo path under `content/assets/`, served self-hosted. */
    logo: text().regex(/^[a-z0-9._-]+\.svg$/),
    logoAlt: text().min(2),
  }),
  map: z.object({
    center: CoordinatesSchema,
    zoom: z.number().int().min(5).max(19),
    /**
     * Where the tiles come from, as a URL template with `{z}`, `{x}`, `{y}`. Browsers never ask it:
     * the server fetches and caches tiles and serves them at /kaart/tegels/{z}/{x}/{y}.png.
     */
    tileUrl: text().url().includes('{z}'),
    attribution: text().min(2),
    /** Zoom levels the maps may show; tiles outside them are not served. */
    minZoom: z.number().int().min(0).max(22),
    maxZoom: z.number().int().min(0).max(22),
    /** The area the maps may show (the municipality with a margin); tiles outside it are not served. */
    bounds: z.object({
      south: z.number().min(-90).max(90),
      west: z.number().min(-180).max(180),
      north: z.number().min(-90).max(90),
      east: z.number().min(-180).max(180),
    }),
  }),
  urgentHelp: z.array(UrgentHelpSchema).min(1),
  /**
   * The central desk that divides questions arriving without a wijk (seed 002: "a desk that
   * divides the questions"), with the same kind of response promise as a wijkteam.
   */
  centralDesk: z.object({
    name: text().min(3),
    email: EmailSchema,
    /** Working days within which the desk passes the question on or contacts the resident. */
    responseDays: z.number().int().min(1).max(20),
  }),
});
export type Municipality = z.infer<typeof MunicipalitySchema>;
