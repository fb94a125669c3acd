import { formatPaths } from '@conform-to/dom';
import { parseWithZod } from '@conform-to/zod/v4';
import type { z } from 'zod';
import type { FieldIssue } from '#admin/errors/field-issue.ts';

/** What a form sent, nested by its field names (`locations[0].address.street`), as strings. */
export type FormValues = Record<string, unknown>;

export type DecodedForm<T> =
  | { ok: true; value: T; values: FormValues }
  | { ok: false; errors: Record<string, string>; values: FormValues };

/** The name of the form field for a path in a schema: `['locations', 0, 'name']` → `locations[0].name`. */
export const fieldName = (path: readonly PropertyKey[]): string =>
  formatPaths(path.filter((key): key is string | number => typeof key !== 'symbol'));

/** Issues → the first message per form field, for the field and the error summary. */
export function errorsByName(issues: readonly FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[fieldName(issue.path)] ??= issue.message;
  return errors;
}

const ROW_FIELD = /^(.+\[\d+\])\./;

/**
 * Repeated groups (opening hours, dates, places) come with spare rows to fill in without
 * JavaScript; a row left completely empty is a spare, not a mistake, and is dropped.
 */
function withoutSpareRows(form: FormData): FormData {
  const filled = new Map<string, boolean>();
  for (const [name, value] of form) {
    const row = ROW_FIELD.exec(name)?.[1];
    if (row)
      filled.set(row, (filled.get(row) ?? false) || (typeof value === 'string' && value.trim() !== ''));
  }
  const kept = new FormData();
  for (const [name, value] of form) {
    const row = ROW_FIELD.exec(name)?.[1];
    if (!row || filled.get(row)) kept.append(name, value);
  }
  return kept;
}

/**
 * An empty field arrives as "missing"; where a schema names no message for that, say it in Dutch
 * rather than zod's English default.
 */
const requiredInDutch: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'Vul dit veld in.' : undefined;

/**
 * Decodes a form against the zod schema of what it edits: field names are the schema's paths,
 * values are coerced by the schema's types, messages come from the schema. A new field in the
 * schema needs only its input in the form.
 */
export function decodeForm<Schema extends z.ZodType>(
  form: FormData,
  schema: Schema,
): DecodedForm<z.output<Schema>> {
  const submission = parseWithZod(withoutSpareRows(form), { schema, error: requiredInDutch });
  const values = (submission.payload ?? {}) as FormValues;
  if (submission.status === 'success') return { ok: true, value: submission.value, values };
  const errors: Record<string, string> = {};
  for (const [name, messages] of Object.entries(submission.error ?? {})) {
    const message = messages?.[0];
    if (message) errors[name === '' ? 'form' : name] = message;
  }
  return { ok: false, errors, values };
}
