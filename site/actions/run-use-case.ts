import { ActionError } from 'astro:actions';
import type { z } from 'zod';
import {
  ConflictError,
  DomainError,
  FieldError,
  ForbiddenError,
  InvalidInputError,
  LoginRequiredError,
  NotFoundError,
  TooManyAttemptsError,
} from '#admin/errors/domain-errors.ts';
import { log } from '#admin/logging/log.ts';
import { decodeForm, errorsByName, type FormValues } from '#site/lib/forms/decode-form.ts';

/**
 * What a form action returns: done, or Dutch messages per form field (`form` for the whole form),
 * with what was sent so the form can show it again.
 */
export type FormOutcome<T extends object = object> =
  ({ ok: true } & T) | { ok: false; errors: Record<string, string>; values?: FormValues };

const ACTION_CODES = {
  login_required: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  too_many_attempts: 'TOO_MANY_REQUESTS',
} as const;

/**
 * Runs a use case from admin/ and turns its domain errors into what the page shows: messages about
 * fields stay a typed result; missing login, refusal, absence, conflicts and throttling become
 * ActionErrors with their status. Anything else is a bug: logged once with its stack, shown as a
 * 500 with a message that promises nothing was changed (each use case is one transaction).
 */
export async function runUseCase<T extends object>(useCase: () => Promise<T>): Promise<FormOutcome<T>> {
  try {
    return { ok: true, ...(await useCase()) };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, errors: { [error.field]: error.message } };
    if (error instanceof InvalidInputError) return { ok: false, errors: errorsByName(error.issues) };
    if (
      error instanceof LoginRequiredError ||
      error instanceof ForbiddenError ||
      error instanceof NotFoundError ||
      error instanceof ConflictError ||
      error instanceof TooManyAttemptsError
    ) {
      throw new ActionError({ code: ACTION_CODES[error.code], message: error.message });
    }
    if (error instanceof DomainError) return { ok: false, errors: { form: error.message } };
    // Already an answer with its own status and message.
    if (error instanceof ActionError) throw error;
    log.error('Back-office action failed', error);
    throw new ActionError({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Er ging iets mis bij het opslaan. Er is niets veranderd. Probeer het later nog eens.',
    });
  }
}

/**
 * A form decoded against the zod schema of what it edits, then handed to a use case. When either
 * finds a problem, the messages come back with what was sent.
 */
export async function runFormUseCase<Schema extends z.ZodType, T extends object>(
  form: FormData,
  schema: Schema,
  useCase: (input: z.output<Schema>) => Promise<T>,
): Promise<FormOutcome<T>> {
  const decoded = decodeForm(form, schema);
  if (!decoded.ok) return { ok: false, errors: decoded.errors, values: decoded.values };
  const outcome = await runUseCase(() => useCase(decoded.value));
  return outcome.ok ? outcome : { ...outcome, values: decoded.values };
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
