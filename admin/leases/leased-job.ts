import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { log } from '../logging/log.ts';
import { acquireLease, releaseLease } from './lease-repository.ts';

export interface LeasedJobOptions {
  db: Kysely<Database>;
  /** The work's name, one lease per name across all instances. */
  name: string;
  /** This instance (see admin/app/instance-id.ts). */
  holder: string;
  /** How long the lease lasts without renewal: after a crash, another instance takes over within this. */
  ttlMs: number;
  /** How often the holder runs the work. */
  intervalMs: number;
  run: () => Promise<unknown>;
}

export interface LeasedJob {
  /** True while this instance holds the lease. */
  holds(): boolean;
  /** Stops the timer, waits for a round in progress and releases the lease. */
  stop(): Promise<void>;
}

/**
 * Work that must run on one instance at a time (purges, reminders, the shared search sync).
 * Every instance keeps trying; the holder renews its lease three times per lease length and runs
 * the work every `intervalMs`, the others find the lease taken. When the holder dies, its lease
 * runs out and the next try of another instance, within a third of the lease length, takes over.
 * The work must be safe to repeat: a lease that ran out during a very slow round could overlap
 * with the next holder's first round.
 */
export function startLeasedJob(options: LeasedJobOptions): LeasedJob {
  const { db, name, holder, ttlMs } = options;
  let holding = false;
  let lastRunAt = 0;
  let stopped = false;
  let renewing: Promise<void> | undefined;
  let running: Promise<void> | undefined;

  // A failure is logged when it starts and when it ends, not at every round in between.
  let failing = false;
  async function runOnce(): Promise<void> {
    lastRunAt = Date.now();
    try {
      await options.run();
      if (failing) log.info(`Background work "${name}" works again`);
      failing = false;
    } catch (error) {
      if (!failing) log.error(`Background work "${name}" failed; it is tried again every round`, error);
      failing = true;
    }
  }

  /** Renews (or tries to take) the lease; a long round keeps running meanwhile and stays covered. */
  async function renew(): Promise<void> {
    try {
      const held = await acquireLease(db, { name, holder, ttlMs });
      if (held && !holding) log.info(`Lease "${name}" taken by ${holder}`);
      if (!held && holding) log.warn(`Lease "${name}" lost; another instance does this work now`);
      holding = held;
    } catch (error) {
      holding = false;
      log.error(`Lease "${name}" could not be renewed`, error);
      return;
    }
    if (holding && !stopped && !running && Date.now() - lastRunAt >= options.intervalMs) {
      running = runOnce().finally(() => {
        running = undefined;
      });
    }
  }

  const beat = (): void => {
    if (stopped) return;
    renewing ??= renew().finally(() => {
      renewing = undefined;
    });
  };
  const timer = setInterval(beat, Math.max(100, Math.floor(ttlMs / 3)));
  timer.unref();
  beat();

  return {
    holds: () => holding,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await renewing;
      await running;
      if (holding) {
        holding = false;
        await releaseLease(db, { name, holder }).catch((error: unknown) =>
          log.warn(`Lease "${name}" not released; it runs out by itself`, error),
        );
      }
    },
  };
}
