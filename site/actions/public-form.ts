import { ActionError } from 'astro:actions';
import { call } from '#admin/app/call.ts';
import { env } from '#admin/config/env.ts';
import { FieldError } from '#admin/errors/domain-errors.ts';
import { checkFormToken, formTokenSecret } from '#admin/questions/form-token.ts';
import { appRateLimiter, type PublicForm } from '#admin/rate-limit/app-rate-limiters.ts';

/** A form open longer than this is stale: the person is asked to send it again. */
const FORM_MAX_AGE_MS = 24 * 3600_000;

const TOKEN_MESSAGES = {
  'too-fast':
    'Het formulier is nog niet verstuurd: dat ging wel erg snel. Kijk alles na en verstuur het nog een keer.',
  expired: 'Het formulier stond lang open. Kijk alles na en verstuur het nog een keer.',
  invalid: 'Het formulier was niet compleet. Kijk alles na en verstuur het nog een keer.',
} as const;

/**
 * The spam defence of every public form, as on /vraag: a limit per network address, a honeypot
 * field and a signed form token that must be some seconds old. Returns the token's key (a second
 * submit of the same form finds the first); a form that fails the defence gets a message for the
 * whole form (FieldError `form`). Called inside runUseCase, so an unexpected failure is logged.
 */
export async function checkPublicForm(
  form: PublicForm,
  input: { formToken: string; website?: string | undefined },
  clientAddress: string,
): Promise<string> {
  const rate = await appRateLimiter(form).hit(clientAddress);
  if (!rate.allowed)
    throw new ActionError({
      code: 'TOO_MANY_REQUESTS',
      message: `Er is vanaf deze verbinding al veel verstuurd. Probeer het over ${Math.ceil(rate.retryAfterSeconds / 60)} minuten opnieuw, of bel ons.`,
    });
  if (input.website)
    throw new FieldError(
      'form',
      "Het formulier is niet verstuurd, omdat een verborgen veld was ingevuld. Dat doen alleen computerprogramma's. Ben je een mens? Verstuur het dan nog een keer.",
    );
  const token = checkFormToken(await call(formTokenSecret), input.formToken, {
    minFillMs: env().QUESTION_MIN_FILL_SECONDS * 1000,
    maxAgeMs: FORM_MAX_AGE_MS,
  });
  if (token.status !== 'ok') throw new FieldError('form', TOKEN_MESSAGES[token.status]);
  return token.key;
}
