import { isInputError, type SafeResult } from 'astro:actions';

/**
 * An action's result as a form shows it: messages per field, one message for the whole form, and
 * the status the response should carry. The page re-renders the form with these.
 */
export interface FormView<T> {
  errors: Record<string, string>;
  message?: string;
  status?: number;
  /** Set when the action succeeded. */
  done?: T;
}

const MESSAGES: Record<string, string> = {
  UNSUPPORTED_MEDIA_TYPE:
    'Het formulier kwam niet goed aan. Laad de pagina opnieuw en probeer het nog een keer.',
  CONTENT_TOO_LARGE: 'Wat je stuurde is te groot. Maak je tekst korter en probeer het nog een keer.',
  UNAUTHORIZED: 'Je bent niet (meer) ingelogd. Log opnieuw in.',
  FORBIDDEN: 'Dit mag je niet doen met jouw account.',
  NOT_FOUND: 'Dit bestaat niet (meer).',
};

export function formView<T extends { ok: boolean }>(
  result: SafeResult<Record<string, unknown>, T> | undefined,
): FormView<Extract<T, { ok: true }>> {
  if (!result) return { errors: {} };
  if (result.error) {
    if (isInputError(result.error)) {
      const errors: Record<string, string> = {};
      for (const [field, messages] of Object.entries(
        result.error.fields as Record<string, string[] | undefined>,
      )) {
        if (messages?.[0]) errors[field] = messages[0];
      }
      return { errors, status: 422 };
    }
    const code = result.error.code;
    const known =
      code === 'CONFLICT' ||
      code === 'TOO_MANY_REQUESTS' ||
      code === 'BAD_REQUEST' ||
      code === 'INTERNAL_SERVER_ERROR';
    return {
      errors: {},
      message: known ? result.error.message : (MESSAGES[code] ?? result.error.message),
      // A form that did not arrive as a form is a bad request, whatever its content type said.
      status: code === 'UNSUPPORTED_MEDIA_TYPE' ? 400 : result.error.status,
    };
  }
  const data = result.data;
  if (data.ok) return { errors: {}, done: data as Extract<T, { ok: true }> };
  const { form, ...fields } = (data as unknown as { errors: Record<string, string> }).errors;
  return { errors: fields, ...(form ? { message: form } : {}), status: 422 };
}

/** The id an input gets for a form field name such as `locations.0.street`. */
export const fieldId = (name: string): string =>
  `veld-${name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-$/, '')}`;

/** Field name → message, keyed by element id, for the error summary's links. */
export const summaryOf = (errors: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(errors).map(([name, message]) => [fieldId(name), message]));

/**
 * What the form sent, for showing typed values again after an error. Astro's action handler reads
 * a clone of the request, so the page can still read the body.
 */
export async function submittedForm(
  request: Request,
): Promise<{ text: (name: string) => string | undefined; all: (name: string) => string[] }> {
  const type = request.headers.get('content-type') ?? '';
  const isForm =
    request.method === 'POST' &&
    (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'));
  // A body that is not a form (broken multipart) shows as an empty form; the action reports it.
  const form = isForm
    ? await request
        .clone()
        .formData()
        .catch(() => undefined)
    : undefined;
  return {
    text: (name) => {
      const value = form?.get(name);
      return typeof value === 'string' ? value : undefined;
    },
    all: (name) => (form?.getAll(name) ?? []).filter((value): value is string => typeof value === 'string'),
  };
}
