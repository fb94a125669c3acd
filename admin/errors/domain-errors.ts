/**
 * Errors the use cases in admin/ throw and the site turns into messages and status codes.
 * Their messages are Dutch and safe to show.
 */

/** Nobody is logged in (or the second factor is still missing). The site sends them to the login page. */
export class LoginRequiredError extends Error {
  override name = 'LoginRequiredError';
  constructor(message = 'Log eerst in.') {
    super(message);
  }
}

/** Logged in, but this object or action is not theirs. Nothing has been changed. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
  constructor(message = 'Dit mag je niet doen met jouw account.') {
    super(message);
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** Someone else saved the same object since the form was opened. */
export class ConflictError extends Error {
  override name = 'ConflictError';
}

/** A domain error about one form field, which the site shows next to that field. */
export class FieldError extends Error {
  override name = 'FieldError';
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}
