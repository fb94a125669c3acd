/**
 * The one way the server writes to its log. Every line is escaped, so text from a request (a path,
 * a header) can never start a forged line; errors are written once, where they are handled, with
 * their stack and the chain of causes. Callers pass no personal data: names of things, ids and
 * counts only.
 */

/** Control characters (CR, LF, ESC, NUL, …) become visible escapes such as `\x0d`. */
export function escapeForLog(text: string): string {
  return text
    .replace(
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g,
      (char) => (char === '\r' ? '\\r' : `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`),
    )
    .replace(/\n/g, '\\n');
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return `non-error value: ${typeof error}`;
  const own = error.stack ?? `${error.name}: ${error.message}`;
  return error.cause === undefined ? own : `${own}\nCaused by: ${describe(error.cause)}`;
}

type Writer = (line: string) => void;
let write: Writer = (line) => process.stderr.write(`${line}\n`);

/** Tests capture the log to prove what it holds (and what it never holds). */
export function captureLog(writer: Writer): () => void {
  const previous = write;
  write = writer;
  return () => {
    write = previous;
  };
}

function line(level: 'ERROR' | 'WARN' | 'INFO', message: string, detail?: string): void {
  const stamp = new Date().toISOString();
  // The stack keeps its line breaks as escaped `\n`, so one error is one log line.
  write(`${stamp} [${level}] ${escapeForLog(message)}${detail ? ` | ${escapeForLog(detail)}` : ''}`);
}

export const log = {
  error(message: string, error?: unknown): void {
    line('ERROR', message, error === undefined ? undefined : describe(error));
  },
  warn(message: string, error?: unknown): void {
    line('WARN', message, error === undefined ? undefined : describe(error));
  },
  info(message: string): void {
    line('INFO', message);
  },
};
