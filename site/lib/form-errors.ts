import type { z } from 'zod';

/**
 * zod issues → one Dutch message per form field (the first per field), keyed by the name the
 * form uses, for the message next to the field and the summary at the top.
 */
export function fieldErrors<Field extends string>(
  error: z.ZodError,
  fieldNames: Record<string, Field>,
): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of error.issues) {
    const field = fieldNames[String(issue.path[0] ?? '')];
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** A form value as text: missing fields and file uploads count as empty. */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
