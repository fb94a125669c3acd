/**
 * The base of every error this project throws on purpose. It carries a stable `code` (for logs,
 * tests and the API) and, when it wraps another failure, that failure as `cause`, so the log shows
 * the whole chain once, where the error is handled.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
