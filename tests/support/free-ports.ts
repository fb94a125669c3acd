import { execFileSync } from 'node:child_process';

/**
 * Ports nobody listens on right now, found synchronously (Playwright's config is evaluated
 * synchronously): a child process binds them all to port 0 at once, so they are distinct, and
 * releases them.
 */
export function freePorts(count: number): number[] {
  const script = `
    const net = require('node:net');
    const servers = Array.from({ length: ${count} }, () => net.createServer());
    Promise.all(servers.map((s) => new Promise((r) => s.listen(0, '127.0.0.1', r)))).then(() => {
      process.stdout.write(servers.map((s) => s.address().port).join(','));
      for (const s of servers) s.close();
    });`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).split(',').map(Number);
}
