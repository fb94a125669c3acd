import { fieldName, type FormValues } from './decode-form.ts';

type Path = readonly (string | number)[];

function at(values: unknown, path: Path): unknown {
  let current = values;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

const asText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';

/**
 * Read access to a form's values and messages by schema path, for rendering: the values of a
 * stored object or what was sent before an error, the field's name and its message.
 */
export function formFields(values: FormValues, errors: Record<string, string>) {
  return {
    name: (...path: Path): string => fieldName(path),
    text: (...path: Path): string => asText(at(values, path)),
    /** A multiple choice: one value arrives as a string, several as a list. */
    list: (...path: Path): string[] => {
      const value = at(values, path);
      return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(asText);
    },
    checked: (...path: Path): boolean => {
      const value = at(values, path);
      return value === true || value === 'on';
    },
    /** How many rows a repeated group has. */
    rows: (...path: Path): number => {
      const value = at(values, path);
      return Array.isArray(value) ? value.length : 0;
    },
    error: (...path: Path): string | undefined => errors[fieldName(path)],
  };
}
export type FormFields = ReturnType<typeof formFields>;
