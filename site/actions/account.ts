import { ActionError, defineAction } from 'astro:actions';
import { z } from 'zod';
import {
  acceptInvite,
  changeOwnPassword,
  completeTwoFactor,
  finishTwoFactorSetup,
  newPasswordShape,
  newRecoveryCodes,
  passwordsMatch,
  resetPassword,
  TwoFactorCodeInputSchema,
} from '#admin/accounts/account-flows.ts';
import { logIn, LoginInputSchema } from '#admin/accounts/log-in.ts';
import { requestPasswordResetLater } from '#admin/accounts/password-reset-requests.ts';
import { invalidateSession, invalidateUserSessions } from '#admin/accounts/sessions.ts';
import { call } from '#admin/app/call.ts';
import { FieldError, LoginRequiredError, TooManyAttemptsError } from '#admin/errors/domain-errors.ts';
import { appRateLimiter } from '#admin/rate-limit/app-rate-limiters.ts';
import { linkContext } from '#admin/app/app-context.ts';
import { deliverMailSoon } from '#admin/app/background-work.ts';
import { clearSessionCookie, setSessionCookie } from '../middleware/admin-session.ts';
import { runUseCase } from './run-use-case.ts';
import { text } from '#admin/schemas/text.ts';

const tooManyTries = (seconds: number) =>
  new ActionError({
    code: 'TOO_MANY_REQUESTS',
    message: `Te veel pogingen. Probeer het over ${Math.max(1, Math.ceil(seconds / 60))} ${seconds > 60 ? 'minuten' : 'minuut'} opnieuw.`,
  });

const TokenSchema = text().min(10).max(200);

export const account = {
  logIn: defineAction({
    accept: 'form',
    input: LoginInputSchema,
    handler: async (input, context) =>
      runUseCase(async () => {
        const result = await call(logIn, { ...input, clientAddress: context.clientAddress });
        if (result.status === 'throttled') throw new TooManyAttemptsError(result.retryAfterSeconds);
        if (result.status === 'invalid')
          throw new FieldError('password', 'Het e-mailadres of het wachtwoord klopt niet.');
        setSessionCookie(context, result.token);
        return { nextStep: result.nextStep };
      }),
  }),

  verifyTwoFactor: defineAction({
    accept: 'form',
    input: TwoFactorCodeInputSchema,
    handler: async ({ code }, context) => {
      const { session, user } = context.locals;
      if (!session || !user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Log opnieuw in.' });
      return runUseCase(async () => call(completeTwoFactor, session, code, context.clientAddress));
    },
  }),

  setUpTwoFactor: defineAction({
    accept: 'form',
    input: TwoFactorCodeInputSchema,
    handler: async ({ code }, context) => {
      const { session } = context.locals;
      if (!session) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Log opnieuw in.' });
      return runUseCase(async () => ({
        recoveryCodes: await call(finishTwoFactorSetup, session, code),
      }));
    },
  }),

  newRecoveryCodes: defineAction({
    accept: 'form',
    handler: async (_input, context) =>
      runUseCase(async () => ({
        recoveryCodes: await call(newRecoveryCodes, context.locals.actor),
      })),
  }),

  logOut: defineAction({
    accept: 'form',
    handler: async (_input, context) => {
      if (context.locals.session) await call(invalidateSession, context.locals.session.id);
      clearSessionCookie(context);
      return { ok: true as const };
    },
  }),

  logOutEverywhere: defineAction({
    accept: 'form',
    handler: async (_input, context) => {
      const user = context.locals.user;
      // Nobody logged in: nothing to end; the page sends them to the login page.
      if (!user) throw new ActionError({ code: 'UNAUTHORIZED', message: new LoginRequiredError().message });
      await call(invalidateUserSessions, user.id);
      clearSessionCookie(context);
      return { ok: true as const };
    },
  }),

  requestPasswordReset: defineAction({
    accept: 'form',
    input: z.object({
      email: text({ error: 'Vul je e-mailadres in.' })
        .trim()
        .min(3, 'Vul je e-mailadres in.')
        .max(254, 'Vul een geldig e-mailadres in.'),
    }),
    handler: async ({ email }, context) => {
      const rate = await appRateLimiter('password-reset').hit(context.clientAddress);
      if (!rate.allowed) throw tooManyTries(rate.retryAfterSeconds);
      const { baseUrl, siteName } = linkContext();
      call(requestPasswordResetLater, email, { baseUrl, siteName }, deliverMailSoon);
      return { ok: true as const };
    },
  }),

  resetPassword: defineAction({
    accept: 'form',
    input: z.object({ token: TokenSchema, ...newPasswordShape }).refine(...passwordsMatch),
    handler: async ({ token, password }) =>
      runUseCase(async () => call(resetPassword, token, password).then(() => ({}))),
  }),

  acceptInvite: defineAction({
    accept: 'form',
    input: z.object({ token: TokenSchema, ...newPasswordShape }).refine(...passwordsMatch),
    handler: async ({ token, password }, context) =>
      runUseCase(async () => {
        const started = await call(acceptInvite, token, password);
        setSessionCookie(context, started.token);
        return { nextStep: started.nextStep };
      }),
  }),

  changePassword: defineAction({
    accept: 'form',
    input: z
      .object({
        currentPassword: text({ error: 'Vul je huidige wachtwoord in.' })
          .min(1, 'Vul je huidige wachtwoord in.')
          .max(256),
        ...newPasswordShape,
      })
      .refine(...passwordsMatch),
    handler: async ({ currentPassword, password }, context) =>
      runUseCase(async () => {
        const started = await call(changeOwnPassword, context.locals.actor, {
          currentPassword,
          password,
        });
        setSessionCookie(context, started.token);
        return {};
      }),
  }),
};
