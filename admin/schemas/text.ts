import { z } from 'zod';

/** Line breaks as a browser sends them from a textarea (`\r\n`) are stored as `\n`. */
const normaliseLineBreaks = (value: string): string => value.replace(/\r\n?/g, '\n');

// Control characters other than tab and newline: a NUL cuts text off in places that show it, and
// none of them is something a person typed on purpose.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A text field of any schema: a string without control characters, with line breaks normalised.
 * Chain it like `z.string()`: `text({ error: '…' }).trim().min(3, '…')`.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .overwrite(normaliseLineBreaks)
    .refine((value) => !CONTROL_CHARACTER.test(value), {
      message:
        'Er staat een onzichtbaar teken in deze tekst. Typ de tekst opnieuw, of plak hem zonder opmaak.',
    });
}
