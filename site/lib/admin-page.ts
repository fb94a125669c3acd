import { ForbiddenError, LoginRequiredError, NotFoundError } from '#admin/errors/domain-errors.ts';

export type Loaded<T> = { ok: true; value: T } | { ok: false; status: 401 | 403 | 404; message: string };

/**
 * Loads what a back-office page shows through a use case: refusals become a page with a status
 * and a Dutch message (the object of another organisation is "not yours", not an error page).
 * Anything else is a real failure and goes on to the 500 page.
 */
export async function loadForPage<T>(load: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    if (error instanceof LoginRequiredError) return { ok: false, status: 401, message: error.message };
    if (error instanceof ForbiddenError) return { ok: false, status: 403, message: error.message };
    if (error instanceof NotFoundError) return { ok: false, status: 404, message: error.message };
    throw error;
  }
}
