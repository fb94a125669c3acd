import { expect, it } from 'vitest';
import { progressBar, renderProgressBar } from '#admin/cli/progress-bar.ts';

it('draws how far along it is', () => {
  expect(renderProgressBar(0, 4, 'diensten', 8)).toBe('[--------]   0% 0/4 diensten');
  expect(renderProgressBar(3, 4, 'diensten', 8)).toBe('[######--]  75% 3/4 diensten');
  expect(renderProgressBar(0, 0, 'diensten', 8)).toBe('[########] 100% 0/0 diensten');
});

it('redraws in place on a terminal, and writes a line per quarter elsewhere', () => {
  const terminal: string[] = [];
  const bar = progressBar('x', { isTTY: true, write: (text: string) => terminal.push(text) > 0 });
  for (let done = 0; done <= 10; done++) bar.update(done, 10);
  bar.finish();
  expect(terminal).toHaveLength(12);
  expect(terminal.every((text, index) => (index < 11 ? text.startsWith('\r') : text === '\n'))).toBe(true);

  const log: string[] = [];
  const quiet = progressBar('x', { isTTY: false, write: (text: string) => log.push(text) > 0 });
  for (let done = 0; done <= 100; done++) quiet.update(done, 100);
  expect(log).toHaveLength(5);
});
