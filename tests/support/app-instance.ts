import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './server-process.ts';

/**
 * One instance of the built server (`npm run build` first), as an operator starts it: its own
 * process on a free loopback port, with the given environment. For the cluster tests and the
 * cluster benchmark.
 */
export interface AppInstance {
  name: string;
  base: string;
  process: ChildProcess;
  /** Everything it wrote to stderr (its log) so far. */
  log(): string;
  /** Resolves with the exit code (null after a signal kill) once the process ended. */
  exited: Promise<number | null>;
  /** SIGTERM (a graceful stop) or SIGKILL (a crash); resolves with the exit code. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<number | null>;
}

export async function startAppInstance(
  name: string,
  env: Record<string, string>,
  options: { waitFor?: 'ready' | 'health'; timeoutMs?: number } = {},
): Promise<AppInstance> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/serve.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), INSTANCE_NAME: name, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const instance: AppInstance = {
    name,
    base,
    process: child,
    log: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const path = options.waitFor === 'health' ? '/api/health' : '/api/ready';
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} stopped at start:\n${output}`);
    const status = await fetch(`${base}${path}`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return instance;
    if (Date.now() > deadline) {
      await instance.stop('SIGKILL');
      throw new Error(`${name} not ${options.waitFor ?? 'ready'} within the time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
