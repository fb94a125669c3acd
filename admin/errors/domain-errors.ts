import { AppError } from './app-error.ts';
import type { FieldIssue } from './field-issue.ts';

/**
 * Errors the use cases in admin/ throw and the site turns into messages and status codes. Their
 * messages are Dutch and safe to show.
 */
export abstract class DomainError extends AppError {}

/** Nobody is logged in (or the second factor is still missing). The site sends them to the login page. */
export class LoginRequiredError extends DomainError {
  override name = 'LoginRequiredError';
  readonly code = 'login_required';
  constructor(message = 'Log eerst in.') {
    super(message);
  }
}

/** Logged in, but this object or action is not theirs. Nothing has been changed. */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  readonly code = 'forbidden';
  constructor(message = 'Dit mag je niet doen met jouw account.') {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  readonly code = 'not_found';
}

/** Someone else saved the same object since the form was opened. */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
  readonly code = 'conflict';
}

/** A domain error about one form field, which the site shows next to that field. */
export class FieldError extends DomainError {
  override name = 'FieldError';
  readonly code = 'invalid_field';
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** Input that does not fit what the use case accepts; each issue points at a field. Nothing was changed. */
export class InvalidInputError extends DomainError {
  override name = 'InvalidInputError';
  readonly code = 'invalid_input';
  readonly issues: readonly FieldIssue[];
  constructor(issues: readonly FieldIssue[]) {
    super('De invoer klopt niet.');
    this.issues = issues;
  }
}

/** Too many tries from one account or address; the caller may try again after the wait. */
export class TooManyAttemptsError extends DomainError {
  override name = 'TooManyAttemptsError';
  readonly code = 'too_many_attempts';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Te veel pogingen. Probeer het over ${minutes} ${minutes > 1 ? 'minuten' : 'minuut'} opnieuw.`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
