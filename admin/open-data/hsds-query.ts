import { z } from 'zod';

/**
 * The query parameters of the HSDS list endpoints, as HSDS 3.1's API reference names them. A
 * value that does not fit is refused with its parameter's name (a 400, never a 500); parameters
 * we do not know are ignored, as HSDS asks.
 */
const PageNumber = z.coerce
  .number({ error: 'moet een geheel getal zijn' })
  .int('moet een geheel getal zijn')
  .min(1, 'moet 1 of meer zijn')
  .max(100_000, 'is te groot');

export const MAX_PER_PAGE = 200;

const Uuid = z.uuid({ error: 'moet een UUID zijn' });
const Flag = z
  .enum(['true', 'false'], { error: 'moet true of false zijn' })
  .transform((value) => value === 'true');

/** A moment or a date; a date means its start (UTC). Always compared as an ISO timestamp. */
const Moment = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'moet een datum (2026-01-31) of tijdstip (2026-01-31T12:00:00Z) zijn',
  })
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString());

const common = {
  search: z.string().trim().max(200, 'is te lang (hooguit 200 tekens)').optional(),
  page: PageNumber.default(1),
  per_page: z.coerce
    .number({ error: 'moet een geheel getal zijn' })
    .int('moet een geheel getal zijn')
    .min(1, 'moet 1 of meer zijn')
    .max(MAX_PER_PAGE, `mag hooguit ${MAX_PER_PAGE} zijn`)
    .default(50),
  format: z.enum(['json'], { error: 'alleen json wordt ondersteund' }).optional(),
};

export const ServiceListQuerySchema = z.object({
  ...common,
  taxonomy_term_id: Uuid.optional(),
  taxonomy_id: Uuid.optional(),
  organization_id: Uuid.optional(),
  modified_after: Moment.optional(),
});
export type ServiceListQuery = z.output<typeof ServiceListQuerySchema>;

export const OrganizationListQuerySchema = z.object({
  ...common,
  taxonomy_term_id: Uuid.optional(),
  taxonomy_id: Uuid.optional(),
});
export type OrganizationListQuery = z.output<typeof OrganizationListQuerySchema>;

export const TaxonomyListQuerySchema = z.object({ ...common });
export type TaxonomyListQuery = z.output<typeof TaxonomyListQuerySchema>;

export const TaxonomyTermListQuerySchema = z.object({
  ...common,
  taxonomy_id: Uuid.optional(),
  top_only: Flag.optional(),
  parent_id: Uuid.optional(),
});
export type TaxonomyTermListQuery = z.output<typeof TaxonomyTermListQuerySchema>;

export interface ParameterIssue {
  parameter: string;
  message: string;
}

/** Reads the known parameters from a URL; the issues name each wrong parameter. */
export function parseQuery<T extends z.ZodObject>(
  schema: T,
  params: URLSearchParams,
): { ok: true; query: z.output<T> } | { ok: false; issues: ParameterIssue[] } {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = params.get(key);
    if (value !== null && value !== '') input[key] = value;
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, query: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      parameter: String(issue.path[0] ?? ''),
      message: issue.message,
    })),
  };
}
