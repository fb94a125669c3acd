/**
 * A problem with one field of a use case's input, at its path in the input's shape (as zod reports
 * it). The site turns the path into the name of the form field that shows the message.
 */
export interface FieldIssue {
  path: readonly PropertyKey[];
  message: string;
}
