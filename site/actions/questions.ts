import { ActionError, defineAction } from 'astro:actions';
import { z } from 'zod';
import { env } from '#admin/config/env.ts';
import { call } from '#admin/app/call.ts';
import { appRateLimiter } from '#admin/rate-limit/app-rate-limiters.ts';
import { checkFormToken, formTokenSecret } from '#admin/questions/form-token.ts';
import {
  addNote,
  assignQuestion,
  ContactAttemptInputSchema,
  forwardQuestion,
  NoteInputSchema,
  recordContactAttempt,
  setQuestionStatus,
  SETTABLE_STATUSES,
  takeQuestion,
} from '#admin/questions/inbox.ts';
import { questionInputSchema } from '#admin/questions/question.ts';
import { submitQuestion } from '#admin/questions/submit-question.ts';
import { inboxTeams, routeQuestion } from '#admin/questions/team-directory.ts';
import { inboxContext, appContent } from '#admin/app/app-context.ts';
import { deliverMailSoon } from '#admin/app/background-work.ts';
import { FieldError } from '#admin/errors/domain-errors.ts';
import { runUseCase } from './run-use-case.ts';
import { text } from '#admin/schemas/text.ts';
import { IdSchema } from './id-schema.ts';

/** A form open longer than this is stale: the resident is asked to send it again. */
const FORM_MAX_AGE_MS = 24 * 3600_000;
const content = appContent();

const TOKEN_MESSAGES = {
  'too-fast':
    'Je vraag is nog niet verstuurd: dat ging wel erg snel. Kijk je vraag na en klik nog een keer op "Vraag versturen".',
  expired: 'Het formulier stond lang open. Kijk je vraag na en klik nog een keer op "Vraag versturen".',
  invalid: 'Het formulier was niet compleet. Kijk je vraag na en klik nog een keer op "Vraag versturen".',
} as const;

export const questions = {
  /** The public question form: no account, works without JavaScript. */
  ask: defineAction({
    accept: 'form',
    input: questionInputSchema({
      neighbourhoods: content.neighbourhoods.map((wijk) => wijk.id),
      lifeDomains: content.taxonomy.lifeDomains.map((domain) => domain.id),
    }),
    handler: async (input, context) =>
      runUseCase(async () => {
        const rate = await appRateLimiter('question').hit(context.clientAddress);
        if (!rate.allowed) {
          throw new ActionError({
            code: 'TOO_MANY_REQUESTS',
            message: `Er zijn vanaf deze verbinding veel vragen verstuurd. Probeer het over ${Math.ceil(rate.retryAfterSeconds / 60)} minuten opnieuw, of bel ons.`,
          });
        }
        if (input.website) {
          throw new FieldError(
            'form',
            "Je vraag is niet verstuurd, omdat een verborgen veld was ingevuld. Dat doen alleen computerprogramma's. Ben je een mens? Verstuur je vraag dan nog een keer.",
          );
        }
        const token = checkFormToken(await call(formTokenSecret), input.formToken, {
          minFillMs: env().QUESTION_MIN_FILL_SECONDS * 1000,
          maxAgeMs: FORM_MAX_AGE_MS,
        });
        if (token.status !== 'ok') throw new FieldError('form', TOKEN_MESSAGES[token.status]);
        const teams = inboxTeams(content);
        const teamId = routeQuestion(content, {
          neighbourhood: input.neighbourhood,
          aboutYouth: input.aboutYouth === 'ja',
        });
        const team = teams.find((candidate) => candidate.id === teamId);
        if (!team)
          throw new ActionError({
            code: 'INTERNAL_SERVER_ERROR',
            message: 'Je vraag kon niet worden opgeslagen. Bel ons, dan helpen we je verder.',
          });
        const { baseUrl, siteName } = inboxContext();
        const submitted = await call(submitQuestion, input, token.key, { team, siteName, baseUrl });
        deliverMailSoon();
        return { key: submitted.key };
      }),
  }),

  take: defineAction({
    accept: 'form',
    input: z.object({ id: IdSchema, version: IdSchema }),
    handler: async ({ id, version }, context) =>
      runUseCase(async () => call(takeQuestion, context.locals.actor, id, version).then(() => ({}))),
  }),
  assign: defineAction({
    accept: 'form',
    input: z.object({
      id: IdSchema,
      version: IdSchema,
      userId: z.coerce.number({ error: 'Kies een collega.' }).int().positive('Kies een collega.'),
    }),
    handler: async ({ id, version, userId }, context) =>
      runUseCase(async () =>
        call(assignQuestion, context.locals.actor, id, version, userId).then(() => ({})),
      ),
  }),
  setStatus: defineAction({
    accept: 'form',
    input: z.object({
      id: IdSchema,
      version: IdSchema,
      status: z.enum(SETTABLE_STATUSES, { error: 'Kies een status.' }),
    }),
    handler: async ({ id, version, status }, context) =>
      runUseCase(async () =>
        call(setQuestionStatus, context.locals.actor, id, version, status).then(() => ({})),
      ),
  }),
  forward: defineAction({
    accept: 'form',
    input: z.object({
      id: IdSchema,
      version: IdSchema,
      teamId: text({ error: 'Kies een team.' }).min(1, 'Kies een team.').max(80),
    }),
    handler: async ({ id, version, teamId }, context) =>
      runUseCase(async () => {
        await call(forwardQuestion, context.locals.actor, id, version, teamId, inboxContext());
        deliverMailSoon();
        return {};
      }),
  }),
  note: defineAction({
    accept: 'form',
    input: z.object({ id: IdSchema, ...NoteInputSchema.shape }),
    handler: async ({ id, note }, context) =>
      runUseCase(async () => call(addNote, context.locals.actor, id, note).then(() => ({}))),
  }),
  contactAttempt: defineAction({
    accept: 'form',
    input: z.object({ id: IdSchema, ...ContactAttemptInputSchema.shape }),
    handler: async ({ id, ...attempt }, context) =>
      runUseCase(async () => call(recordContactAttempt, context.locals.actor, id, attempt).then(() => ({}))),
  }),
};
