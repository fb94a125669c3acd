/** Latency percentiles in milliseconds. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/**
 * Sends `total` GET requests over `concurrency` parallel loops to one server on loopback and
 * returns each request's latency. Bounded in count, so it always stops by itself.
 */
export async function loadTest(urls: () => string, total: number, concurrency: number): Promise<number[]> {
  const latencies: number[] = [];
  let sent = 0;
  async function worker(): Promise<void> {
    while (sent < total) {
      sent += 1;
      const started = performance.now();
      const response = await fetch(urls());
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`HTTP ${response.status} for a benchmark request`);
      latencies.push(performance.now() - started);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}
