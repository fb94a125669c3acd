import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { decodeBase64, encodeBase64 } from '@oslojs/encoding';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import type { Database } from '../db/tables.ts';
import { constantTimeEqual } from './session-token.ts';
import { inTransaction } from '../db/transaction.ts';

const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** Codes of one step either side are accepted, for phones whose clock drifts. */
const GRACE_STEPS = 1;

export const TotpCodePattern = /^[0-9]{6}$/;

function createTotpKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(20));
}

const timeStep = (now: Date): number => Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);

/**
 * The time step whose code this is, within the grace window, or undefined. Knowing the step
 * (not just "valid") lets us refuse any code at or before the last one accepted.
 */
export function matchingTimeStep(key: Uint8Array, code: string, now = new Date()): number | undefined {
  const given = code.trim();
  if (!TotpCodePattern.test(given)) return undefined;
  const encoder = new TextEncoder();
  const current = timeStep(now);
  let matched: number | undefined;
  // Every candidate is computed and compared, so timing does not tell which step matched.
  for (let step = current - GRACE_STEPS; step <= current + GRACE_STEPS; step++) {
    if (constantTimeEqual(encoder.encode(generateHOTP(key, BigInt(step), DIGITS)), encoder.encode(given)))
      matched = step;
  }
  return matched;
}

/** The code an authenticator app shows for `key` at `now` (tests and the CLI use it). */
export function totpCode(key: Uint8Array, now = new Date(), stepOffset = 0): string {
  return generateHOTP(key, BigInt(timeStep(now) + stepOffset), DIGITS);
}

export interface TotpSetup {
  /** The key in base32, for typing it into an app by hand (a QR code is not for everyone). */
  manualKey: string;
  uri: string;
  /** An SVG QR code: no script, no external image, allowed by the CSP. */
  qrSvg: string;
}

/**
 * The key being set up for a user: made once and kept as pending, so reloading the page shows
 * the same QR code. It only becomes the user's key when a code from it is entered.
 */
export async function pendingTotpSetup(
  db: Kysely<Database>,
  userId: number,
  issuer: string,
  accountName: string,
): Promise<TotpSetup> {
  const row = await db
    .selectFrom('users')
    .select('totp_pending_key')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  let key: Uint8Array;
  if (row.totp_pending_key) {
    key = decodeBase64(row.totp_pending_key);
  } else {
    key = createTotpKey();
    await db
      .updateTable('users')
      .set({ totp_pending_key: encodeBase64(key) })
      .where('id', '=', userId)
      .execute();
  }
  const uri = createTOTPKeyURI(issuer, accountName, key, PERIOD_SECONDS, DIGITS);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const manualKey = new URL(uri).searchParams.get('secret') ?? '';
  return { manualKey, uri, qrSvg };
}

/** Turns the pending key into the user's key once a code from it is right. */
export async function confirmTotpSetup(
  db: Kysely<Database>,
  userId: number,
  code: string,
  now = new Date(),
): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('totp_pending_key')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row?.totp_pending_key) return false;
  const step = matchingTimeStep(decodeBase64(row.totp_pending_key), code, now);
  if (step === undefined) return false;
  await db
    .updateTable('users')
    .set({
      totp_key: row.totp_pending_key,
      totp_pending_key: null,
      totp_last_step: step,
      updated_at: now.toISOString(),
    })
    .where('id', '=', userId)
    .execute();
  return true;
}

/**
 * Checks a code of a user with two-factor set up. A code is accepted once: its time step must be
 * later than the last accepted one, so an overheard code cannot be replayed.
 */
export async function verifyUserTotp(
  db: Kysely<Database>,
  userId: number,
  code: string,
  now = new Date(),
): Promise<boolean> {
  const row = await db.selectFrom('users').select(['totp_key']).where('id', '=', userId).executeTakeFirst();
  if (!row?.totp_key) return false;
  const step = matchingTimeStep(decodeBase64(row.totp_key), code, now);
  if (step === undefined) return false;
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** For a lost phone, by a beheerder: the user sets up a new app at the next login. */
export async function resetTotp(db: Kysely<Database>, userId: number, now = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_key: null, totp_pending_key: null, totp_last_step: null, updated_at: now.toISOString() })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  });
}
