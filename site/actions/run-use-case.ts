import { ActionError } from 'astro:actions';
import { LinkError } from '#admin/accounts/account-flows.ts';
import {
  ConflictError,
  FieldError,
  ForbiddenError,
  LoginRequiredError,
  NotFoundError,
} from '#admin/errors/domain-errors.ts';

/** What a form action returns: done, or Dutch messages per form field (`form` for the whole form). */
export type FormOutcome<T extends object = object> =
  ({ ok: true } & T) | { ok: false; errors: Record<string, string> };

/**
 * Runs a use case from admin/ and turns its domain errors into what the page shows: field
 * messages stay a typed result; missing login, refusal, absence and conflicts become ActionErrors
 * with their status. Anything else is a bug and surfaces as a 500 with a generic message.
 */
export async function runUseCase<T extends object>(useCase: () => Promise<T>): Promise<FormOutcome<T>> {
  try {
    return { ok: true, ...(await useCase()) };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, errors: { [error.field]: error.message } };
    if (error instanceof LinkError) return { ok: false, errors: { form: error.message } };
    if (error instanceof LoginRequiredError)
      throw new ActionError({ code: 'UNAUTHORIZED', message: error.message });
    if (error instanceof ForbiddenError) throw new ActionError({ code: 'FORBIDDEN', message: error.message });
    if (error instanceof NotFoundError) throw new ActionError({ code: 'NOT_FOUND', message: error.message });
    if (error instanceof ConflictError) throw new ActionError({ code: 'CONFLICT', message: error.message });
    console.error(
      'Back-office action failed:',
      error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error',
    );
    throw new ActionError({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Er ging iets mis bij het opslaan. Er is niets veranderd. Probeer het later nog eens.',
    });
  }
}

/** A number from a hidden form field (an id or version); anything else is refused. */
export function idFrom(value: FormDataEntryValue | null): number {
  const id = typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1)
    throw new ActionError({
      code: 'BAD_REQUEST',
      message: 'Dit formulier is niet compleet. Laad de pagina opnieuw.',
    });
  return id;
}
