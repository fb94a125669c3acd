import { connect, type Socket } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** One HTTP/1.1 response as it came over the wire. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as sent (possibly compressed). */
  body: Buffer;
  /** Status line, headers and body: what the connection carried. */
  wireBytes: number;
}

/**
 * A minimal keep-alive HTTP/1.1 client on a raw socket. Node's fetch costs more CPU per request
 * than a small server does, which would make every server look alike; this one does not.
 */
export class RawConnection {
  private readonly socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: (() => void) | undefined;
  private closed = false;
  private readonly opened: Promise<void>;
  private readonly host: string;
  private readonly port: number;

  constructor(host: string, port: number) {
    this.host = host;
    this.port = port;
    this.socket = connect({ host, port, noDelay: true });
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.waiting?.();
    });
    this.socket.on('close', () => {
      this.closed = true;
      this.waiting?.();
    });
    this.socket.on('error', () => undefined);
  }

  private async more(): Promise<void> {
    if (this.closed) throw new Error('connection closed by the server');
    await new Promise<void>((resolve) => (this.waiting = resolve));
    this.waiting = undefined;
  }

  async request(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
    await this.opened;
    const lines = [`${method} ${path} HTTP/1.1`, `Host: ${this.host}:${this.port}`, 'Connection: keep-alive'];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    this.socket.write(`${lines.join('\r\n')}\r\n\r\n`);

    let end: number;
    while ((end = this.buffer.indexOf('\r\n\r\n')) < 0) await this.more();
    const head = this.buffer.subarray(0, end).toString('latin1').split('\r\n');
    const status = Number(head[0]?.split(' ')[1]);
    const responseHeaders: Record<string, string> = {};
    for (const line of head.slice(1)) {
      const colon = line.indexOf(':');
      responseHeaders[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let offset = end + 4;
    let body: Buffer;
    if (status === 304 || status === 204 || method === 'HEAD') {
      body = Buffer.alloc(0);
    } else if (responseHeaders['transfer-encoding']?.includes('chunked')) {
      const parts: Buffer[] = [];
      for (;;) {
        let lineEnd: number;
        while ((lineEnd = this.buffer.indexOf('\r\n', offset)) < 0) await this.more();
        const size = Number.parseInt(this.buffer.subarray(offset, lineEnd).toString('latin1'), 16);
        while (this.buffer.length < lineEnd + 2 + size + 2) await this.more();
        parts.push(this.buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        offset = lineEnd + 2 + size + 2;
        if (size === 0) break;
      }
      body = Buffer.concat(parts);
    } else {
      const length = Number(responseHeaders['content-length'] ?? 0);
      while (this.buffer.length < offset + length) await this.more();
      body = this.buffer.subarray(offset, offset + length);
      offset += length;
    }
    const wireBytes = offset;
    this.buffer = this.buffer.subarray(offset);
    return { status, headers: responseHeaders, body: Buffer.from(body), wireBytes };
  }

  close(): void {
    this.socket.destroy();
  }
}

/** The body as text, whatever encoding the server chose. */
export function decodeBody(response: RawResponse): string {
  const encoding = response.headers['content-encoding'];
  const body =
    encoding === 'br'
      ? brotliDecompressSync(response.body)
      : encoding === 'gzip'
        ? gunzipSync(response.body)
        : response.body;
  return body.toString('utf8');
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p975: number;
}

/**
 * `connections` keep-alive connections, each sending its next request when the last answered,
 * for `seconds` (and at most `maxRequests` in all): bounded in time and count.
 */
export async function loadTest(options: {
  host: string;
  port: number;
  path: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  maxRequests: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  let sent = 0;
  const worker = async () => {
    const connection = new RawConnection(options.host, options.port);
    try {
      while (performance.now() < deadline && sent < options.maxRequests) {
        sent += 1;
        const before = performance.now();
        const response = await connection.request(options.path, options.headers);
        if (response.status !== 200) throw new Error(`HTTP ${response.status} for ${options.path}`);
        latencies.push(performance.now() - before);
      }
    } finally {
      connection.close();
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
  return {
    requests: sorted.length,
    seconds,
    perSecond: sorted.length / seconds,
    p50: at(0.5),
    p975: at(0.975),
  };
}
