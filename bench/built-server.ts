import { spawn } from 'node:child_process';

/**
 * Starts the built server (`npm run build` first) on loopback with extra environment (a value
 * of `undefined` removes a variable the benchmark itself was given), waits until it answers
 * /api/health and returns its base URL and a stop function.
 */
export async function startBuiltServer(
  port: number,
  env: Record<string, string | undefined>,
): Promise<{ base: string; stop: () => void }> {
  const base = `http://127.0.0.1:${port}`;
  const merged: Record<string, string | undefined> = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    ...env,
  };
  const server = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/serve.ts'], {
    env: Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => server.kill();
  try {
    await waitFor(`${base}/api/health`);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}

export async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
