import type { APIRoute } from 'astro';
import { call } from '#admin/app/call.ts';
import { monitorContext } from '#admin/app/app-context.ts';
import { ForbiddenError, InvalidInputError, LoginRequiredError } from '#admin/errors/domain-errors.ts';
import { monitorTableCsv } from '#admin/monitoring/monitor-csv.ts';
import { parseMonitorParams } from '#admin/monitoring/monitor-filter.ts';
import { monitorTable } from '#admin/monitoring/monitor-report.ts';

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** One monitor table as CSV: the same filter, the same checks, exactly the cells the page shows. */
export const GET: APIRoute = async ({ params, url, locals }) => {
  try {
    const filter = parseMonitorParams(url.searchParams);
    const table = await call(monitorTable, locals.actor, filter, monitorContext(), params.tabel ?? '');
    if (!table) return text(404, 'Deze tabel bestaat niet.');
    return new Response(monitorTableCsv(table), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="${table.id}-${filter.from}-${filter.to}.csv"`,
      },
    });
  } catch (error) {
    if (error instanceof InvalidInputError)
      return text(400, error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`).join('\n'));
    if (error instanceof LoginRequiredError) return text(401, error.message);
    if (error instanceof ForbiddenError) return text(403, error.message);
    throw error;
  }
};
