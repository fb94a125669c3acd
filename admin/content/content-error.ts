import { AppError } from '../errors/app-error.ts';
import type { z } from 'zod';

/** Content in git that does not fit its schema; names the file and the field. */
export class ContentError extends AppError {
  override name = 'ContentError';
  readonly code = 'content_invalid';

  readonly file: string;
  readonly problems: string[];

  constructor(file: string, problems: string[], options?: ErrorOptions) {
    super(`${file}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`, options);
    this.file = file;
    this.problems = problems;
  }

  static fromZod(file: string, error: z.ZodError): ContentError {
    return new ContentError(
      file,
      error.issues.map(
        (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(bestand)'}: ${issue.message}`,
      ),
      { cause: error },
    );
  }
}
