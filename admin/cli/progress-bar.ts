/**
 * A progress bar for the command line: drawn in place on a terminal, a line per quarter when
 * the output goes to a file or a CI log (where `\r` would only make noise).
 */
export function renderProgressBar(done: number, total: number, label: string, width = 30): string {
  const fraction = total === 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${done}/${total} ${label}`;
}

export interface ProgressBar {
  update(done: number, total: number): void;
  finish(): void;
}

export function progressBar(
  label: string,
  stream: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean } = process.stderr,
): ProgressBar {
  let lastQuarter = -1;
  let last = '';
  return {
    update(done, total) {
      last = renderProgressBar(done, total, label);
      if (stream.isTTY) {
        stream.write(`\r${last}`);
        return;
      }
      const quarter = total === 0 ? 4 : Math.floor((done / total) * 4);
      if (quarter > lastQuarter) {
        lastQuarter = quarter;
        stream.write(`${last}\n`);
      }
    },
    finish() {
      if (stream.isTTY && last) stream.write('\n');
    },
  };
}
