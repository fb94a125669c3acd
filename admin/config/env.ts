import { isAbsolute, resolve } from 'node:path';
import { AppError } from '../errors/app-error.ts';
import { z } from 'zod';
import { parseDatabaseLocation, type DatabaseLocation } from '../db/database-location.ts';
import { projectRoot } from './paths.ts';

const BooleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * Every environment variable the app reads, validated once. README lists the same set;
 * a wrong value stops the process at start with the variable's name rather than failing later.
 */
export const EnvSchema = z.object({
  /** SQLite database file; relative paths are taken from the project root. Ignored when DATABASE_URL is set. */
  DATABASE_PATH: z.string().min(1).default('data/wijkwijzer.sqlite'),
  /** PostgreSQL server (`postgres://user:password@host:5432/name`) for several instances; SQLite when unset. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/./i, 'moet beginnen met postgres:// of postgresql://')
    .optional(),
  /** PostgreSQL: connections one instance keeps at most. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** PostgreSQL: a statement running longer is cancelled (0 = no limit). */
  DATABASE_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().min(0).max(3600).default(15),
  /** Apply pending migrations when the server starts; false: refuse to start while the schema is behind. */
  MIGRATE_ON_START: BooleanFlag.default(true),
  /** How long an instance holds background work (housekeeping, search sync, a mail being sent) before another may take it over. */
  LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  /** How often an instance asks the database whether public data changed (caches, search). */
  DATA_VERSION_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  /** Name of this instance in leases and logs; default host name and process id. */
  INSTANCE_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,80}$/)
    .optional(),
  /** Load the demo aanbod from content/demo at start (once). Set to false in production. */
  DEMO_DATA: BooleanFlag.default(true),
  /** Public base URL, e.g. https://wijkwijzer.ridderkerk.nl; used for absolute links. */
  SITE_URL: z.url().optional(),
  /** Meilisearch server; when unset the embedded engine is used. */
  MEILI_URL: z.url().optional(),
  MEILI_API_KEY: z.string().optional(),
  /** Meilisearch index name, so several sites can share one server. */
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('wijkwijzer'),
  /** How often the search sync loop repairs drift between database and index. */
  SEARCH_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** PDOK Locatieserver (search v3.1) for "wat is mijn wijk?"; point it elsewhere for a mirror or tests. */
  LOCATIESERVER_URL: z.url().default('https://api.pdok.nl/bzk/locatieserver/search/v3_1'),
  /** Overrides where the server fetches map tiles (content/gemeente.yaml `map.tileUrl`), e.g. an own tile server. */
  MAP_TILE_URL: z.url().includes('{z}').optional(),
  /** Folder of the map tile cache; relative paths are taken from the project root. */
  MAP_TILE_CACHE_DIR: z.string().min(1).default('data/tile-cache'),
  /** Size limit of the map tile cache; the least recently used tiles go first. */
  MAP_TILE_CACHE_MB: z.coerce.number().int().min(1).max(100_000).default(200),
  /** Mail server, e.g. `smtp://user:password@mail.example.nl:587`; without it mail stays in the outbox (visible to beheerders). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'moet beginnen met smtp:// of smtps://')
    .optional(),
  /** Sender of all mail. */
  MAIL_FROM: z.string().min(3).default('Wijkwijzer <noreply@localhost>'),
  /** Secure flag of the session cookie; by default on when SITE_URL or the request uses https. */
  SESSION_SECURE_COOKIE: BooleanFlag.optional(),
  /** Months after closing that a question's personal data is kept; then `npm run purge` (and the server, daily) empties it. */
  QUESTION_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /**
   * Months after a referral is closed (every organisation reported an outcome, or the follow-up was
   * answered) that its personal data is kept; a referral nobody touched for that long is purged too.
   */
  REFERRAL_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** Working days an organisation has to react to a referral before it gets one reminder (spoed: 1). */
  REFERRAL_REMINDER_WORKING_DAYS: z.coerce.number().int().min(1).max(20).default(3),
  /** Days after a referral that the teamlid is asked "Heeft het geholpen?" in the inbox. */
  REFERRAL_FOLLOW_UP_DAYS: z.coerce.number().int().min(1).max(365).default(28),
  /** Days that sent or finally failed mail stays visible to beheerders before it is deleted. */
  MAIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /**
   * Days what residents type into search is kept; after that only monthly counts of queries
   * searched at least 5 times. At least 35, so every month is counted whole.
   */
  SEARCH_LOG_RETENTION_DAYS: z.coerce.number().int().min(35).max(3650).default(90),
  /** Months a paused volunteer sign-up is kept before it and its personal data are deleted. */
  VOLUNTEER_PAUSED_RETENTION_MONTHS: z.coerce.number().int().min(1).max(60).default(6),
  /** Months after a request for a volunteer's help closed that the request's personal data is kept. */
  MATCH_RETENTION_MONTHS: z.coerce.number().int().min(1).max(60).default(6),
  /** Sign-ups, activities, requests and reports one network address may send per 10 minutes (each form on its own). */
  PUBLIC_FORM_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
  /** Questions one network address may send per 10 minutes through /vraag. */
  QUESTION_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
  /** A public form (question, sign-up, activity, request, report) sent sooner than this after it was shown is taken for a bot. */
  QUESTION_MIN_FILL_SECONDS: z.coerce.number().min(0).max(60).default(3),
  /** Memory for rendered public pages kept by the server (MB); 0 turns the render cache off. */
  RENDER_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /** How often the server asks the database whether another instance changed published data (ms). */
  /** Project folder; defaults to the working directory, which npm sets to it. */
  WIJKWIJZER_ROOT: z.string().optional(),
  HOST: z.string().default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4321),
});
export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends AppError {
  override name = 'ConfigError';
  readonly code = 'config_invalid';
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Ongeldige configuratie:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The process environment, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** A configured path; relative ones are taken from the project root. */
export const fromProjectRoot = (path: string): string =>
  path === ':memory:' || isAbsolute(path) ? path : resolve(projectRoot, path);

/** PostgreSQL when DATABASE_URL is set, the SQLite file of DATABASE_PATH otherwise. */
export function databaseLocation(config: Env = env()): DatabaseLocation {
  return parseDatabaseLocation(config.DATABASE_URL ?? config.DATABASE_PATH, projectRoot);
}
