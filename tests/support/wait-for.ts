/**
 * Waits until `condition` holds, checking every `everyMs`; fails after `timeoutMs` with `what`.
 * For effects that other timers bring about (a lease taken over, an index following a change):
 * the test waits for the condition, never for a fixed time.
 */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Not within ${options.timeoutMs ?? 30_000} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 25));
  }
}
