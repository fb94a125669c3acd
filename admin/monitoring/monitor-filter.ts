import { z } from 'zod';
import { InvalidInputError } from '../errors/domain-errors.ts';
import { addDays, localDay, type Granularity } from './periods.ts';

/**
 * What the monitor shows, as it stands in the URL (`/beheer/monitor?van=2026-01-01&tot=…&per=week
 * &gebied=…&wijk=…`), so a view can be bookmarked and shared with a colleague.
 */
export const CENTRAL_DESK_SCOPE = 'centrale-toegang';
const MAX_DAYS = 5 * 366;
const MAX_WEEKS_DAYS = 2 * 366;

const Day = z.iso.date('Vul een datum in zoals 2026-03-01.');
const Id = z.string().regex(/^[a-z0-9-]{1,80}$/, 'Kies uit de lijst.');

export const MonitorParamsSchema = z
  .object({
    van: Day.optional(),
    tot: Day.optional(),
    per: z.enum(['maand', 'week'], { error: 'Kies per maand of per week.' }).default('maand'),
    gebied: Id.optional(),
    wijk: Id.optional(),
  })
  .transform((params, ctx) => {
    const today = localDay(new Date());
    const to = params.tot ?? today;
    // By default the last twelve months, this month included.
    const from = params.van ?? `${addDays(`${to.slice(0, 7)}-15`, -334).slice(0, 7)}-01`;
    if (from > to)
      ctx.addIssue({ code: 'custom', path: ['tot'], message: 'De einddatum moet na de begindatum liggen.' });
    const days = (Date.parse(to) - Date.parse(from)) / (24 * 3600_000);
    const granularity: Granularity = params.per === 'week' ? 'week' : 'month';
    if (days > MAX_DAYS)
      ctx.addIssue({ code: 'custom', path: ['van'], message: 'Kies een periode van hooguit vijf jaar.' });
    else if (granularity === 'week' && days > MAX_WEEKS_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['per'],
        message: 'Per week gaat tot twee jaar. Kies per maand, of een kortere periode.',
      });
    return { from, to, granularity, area: params.gebied, neighbourhood: params.wijk };
  });
export type MonitorFilter = z.output<typeof MonitorParamsSchema>;

/** The filter from URL parameters; a value that does not fit is an InvalidInputError naming its field. */
export function parseMonitorParams(params: URLSearchParams): MonitorFilter {
  const input: Record<string, string> = {};
  for (const key of ['van', 'tot', 'per', 'gebied', 'wijk']) {
    const value = params.get(key);
    if (value) input[key] = value;
  }
  const result = MonitorParamsSchema.safeParse(input);
  if (!result.success)
    throw new InvalidInputError(
      result.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    );
  return result.data;
}

/** The filter back as URL parameters, for the CSV links. */
export function monitorParams(filter: MonitorFilter): URLSearchParams {
  const params = new URLSearchParams({
    van: filter.from,
    tot: filter.to,
    per: filter.granularity === 'week' ? 'week' : 'maand',
  });
  if (filter.area) params.set('gebied', filter.area);
  if (filter.neighbourhood) params.set('wijk', filter.neighbourhood);
  return params;
}
