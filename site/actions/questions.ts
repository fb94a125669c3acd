import { ActionError, defineAction } from 'astro:actions';
import { z } from 'zod';
import { env } from '#admin/config/env.ts';
import { appDatabase } from '#admin/db/app-database.ts';
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
import { backgroundJobs, inboxContext, questionContent } from '../lib/admin-services.ts';
import { runUseCase } from './run-use-case.ts';

/** A form open longer than this is stale: the resident is asked to send it again. */
const FORM_MAX_AGE_MS = 24 * 3600_000;
const content = questionContent();
const IdSchema = z.coerce.number().int().positive();

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
    handler: async (input, context) => {
      const rate = appRateLimiter('question').hit(context.clientAddress);
      if (!rate.allowed) {
        throw new ActionError({
          code: 'TOO_MANY_REQUESTS',
          message: `Er zijn vanaf deze verbinding veel vragen verstuurd. Probeer het over ${Math.ceil(rate.retryAfterSeconds / 60)} minuten opnieuw, of bel ons.`,
        });
      }
      if (input.website) {
        return {
          ok: false as const,
          errors: {
            form: "Je vraag is niet verstuurd, omdat een verborgen veld was ingevuld. Dat doen alleen computerprogramma's. Ben je een mens? Verstuur je vraag dan nog een keer.",
          },
        };
      }
      const db = appDatabase();
      const token = checkFormToken(await formTokenSecret(db), input.formToken, {
        minFillMs: env().QUESTION_MIN_FILL_SECONDS * 1000,
        maxAgeMs: FORM_MAX_AGE_MS,
      });
      if (token.status !== 'ok')
        return { ok: false as const, errors: { form: TOKEN_MESSAGES[token.status] } };
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
      const { baseUrl, siteName } = await inboxContext(context.url);
      const submitted = await submitQuestion(db, input, token.key, { team, siteName, baseUrl });
      backgroundJobs().deliverMailSoon();
      return { ok: true as const, key: submitted.key };
    },
  }),

  take: defineAction({
    accept: 'form',
    input: z.object({ id: IdSchema }),
    handler: async ({ id }, context) =>
      runUseCase(async () => takeQuestion(appDatabase(), context.locals.actor, id).then(() => ({}))),
  }),
  assign: defineAction({
    accept: 'form',
    input: z.object({
      id: IdSchema,
      userId: z.coerce.number({ error: 'Kies een collega.' }).int().positive('Kies een collega.'),
    }),
    handler: async ({ id, userId }, context) =>
      runUseCase(async () =>
        assignQuestion(appDatabase(), context.locals.actor, id, userId).then(() => ({})),
      ),
  }),
  setStatus: defineAction({
    accept: 'form',
    input: z.object({ id: IdSchema, status: z.enum(SETTABLE_STATUSES, { error: 'Kies een status.' }) }),
    handler: async ({ id, status }, context) =>
      runUseCase(async () =>
        setQuestionStatus(appDatabase(), context.locals.actor, id, status).then(() => ({})),
      ),
  }),
  forward: defineAction({
    accept: 'form',
    input: z.object({
      id: IdSchema,
      teamId: z.string({ error: 'Kies een team.' }).min(1, 'Kies een team.').max(80),
    }),
    handler: async ({ id, teamId }, context) =>
      runUseCase(async () => {
        await forwardQuestion(
          appDatabase(),
          context.locals.actor,
          id,
          teamId,
          await inboxContext(context.url),
        );
        backgroundJobs().deliverMailSoon();
        return {};
      }),
  }),
  note: defineAction({
    accept: 'form',
    input: z.object({ id: IdSchema, ...NoteInputSchema.shape }),
    handler: async ({ id, note }, context) =>
      runUseCase(async () => addNote(appDatabase(), context.locals.actor, id, note).then(() => ({}))),
  }),
  contactAttempt: defineAction({
    accept: 'form',
    input: z.object({ id: IdSchema, ...ContactAttemptInputSchema.shape }),
    handler: async ({ id, ...attempt }, context) =>
      runUseCase(async () =>
        recordContactAttempt(appDatabase(), context.locals.actor, id, attempt).then(() => ({})),
      ),
  }),
};
