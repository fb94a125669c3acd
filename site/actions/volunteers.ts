import { defineAction } from 'astro:actions';
import { z } from 'zod';
import { activityDeps, appContent, volunteeringContext } from '#admin/app/app-context.ts';
import { deliverMailSoon } from '#admin/app/background-work.ts';
import { call } from '#admin/app/call.ts';
import { ActivityChangeSchema, ActivityRegistrationSchema } from '#admin/volunteering/activity.ts';
import {
  approveActivity,
  changeActivity,
  confirmActivity,
  declineActivity,
  registerActivity,
  requestActivityChange,
  withdrawActivity,
} from '#admin/volunteering/activities.ts';
import { handleReport, reportListing, ReportInputSchema } from '#admin/volunteering/listing-reports.ts';
import {
  answerFollowUp,
  closeRequest,
  connectRequest,
  MatchRequestInputSchema,
  requestHelp,
} from '#admin/volunteering/match-requests.ts';
import { volunteerChangeSchema, volunteerSignUpSchema } from '#admin/volunteering/volunteer.ts';
import {
  approveVolunteer,
  declineVolunteer,
  DecisionNoteSchema,
  removeVolunteer,
  requestVolunteerChange,
} from '#admin/volunteering/volunteer-moderation.ts';
import {
  answerAvailability,
  changeVolunteer,
  confirmVolunteer,
  setVolunteerPaused,
  withdrawVolunteer,
} from '#admin/volunteering/volunteer-self-service.ts';
import { submitVolunteer } from '#admin/volunteering/volunteer-sign-up.ts';
import { text } from '#admin/schemas/text.ts';
import { checkPublicForm } from './public-form.ts';
import { moderationActions } from './moderation-actions.ts';
import { runFormUseCase, runUseCase } from './run-use-case.ts';
import { IdSchema } from './id-schema.ts';

const content = appContent();
const vocabulary = {
  kinds: content.volunteering.kinds.map((kind) => kind.id),
  neighbourhoods: content.neighbourhoods.map((wijk) => wijk.id),
};
const TokenSchema = text({ error: 'Deze link is niet compleet.' }).min(1).max(200);
const Answer = z.enum(['ja', 'nee'], { error: 'Kies ja of nee.' });

export const volunteers = {
  /** /helpen: a volunteer signs up without an account. */
  signUp: defineAction({
    accept: 'form',
    input: volunteerSignUpSchema(vocabulary),
    handler: async (input, context) =>
      runUseCase(async () => {
        const key = await checkPublicForm('volunteer', input, context.clientAddress);
        const submitted = await call(submitVolunteer, input, key, volunteeringContext());
        deliverMailSoon();
        return { key: submitted.key };
      }),
  }),
  confirm: defineAction({
    accept: 'form',
    input: z.object({ token: TokenSchema }),
    handler: async ({ token }) =>
      runUseCase(async () => {
        await call(confirmVolunteer, token, volunteeringContext());
        deliverMailSoon();
        return {};
      }),
  }),
  change: defineAction({
    accept: 'form',
    input: volunteerChangeSchema(vocabulary),
    handler: async (input) =>
      runUseCase(async () => {
        await call(changeVolunteer, input.token, input, volunteeringContext());
        deliverMailSoon();
        return {};
      }),
  }),
  pause: defineAction({
    accept: 'form',
    input: z.object({ token: TokenSchema, paused: Answer }),
    handler: async ({ token, paused }) =>
      runUseCase(async () =>
        call(setVolunteerPaused, token, paused === 'ja', volunteeringContext()).then(() => ({})),
      ),
  }),
  withdraw: defineAction({
    accept: 'form',
    input: z.object({
      token: TokenSchema,
      sure: z.enum(['ja'], { error: 'Vink aan dat je je aanmelding wilt intrekken.' }),
    }),
    handler: async ({ token }) =>
      runUseCase(async () => call(withdrawVolunteer, token, volunteeringContext()).then(() => ({}))),
  }),
  answerAvailability: defineAction({
    accept: 'form',
    input: z.object({ token: TokenSchema, answer: Answer }),
    handler: async ({ token, answer }) =>
      runUseCase(async () =>
        call(answerAvailability, token, answer === 'ja', volunteeringContext()).then(() => ({ answer })),
      ),
  }),
  /** "Ik wil hier gebruik van maken" on a volunteer's public offer. */
  requestHelp: defineAction({
    accept: 'form',
    input: MatchRequestInputSchema,
    handler: async (input, context) =>
      runUseCase(async () => {
        const key = await checkPublicForm('help-request', input, context.clientAddress);
        const request = await call(requestHelp, input.slug, input, key, volunteeringContext());
        deliverMailSoon();
        return { key: request.key };
      }),
  }),
  answerFollowUp: defineAction({
    accept: 'form',
    input: z.object({ token: TokenSchema, answer: Answer }),
    handler: async ({ token, answer }) =>
      runUseCase(async () =>
        call(answerFollowUp, token, answer === 'ja', volunteeringContext()).then(() => ({ answer })),
      ),
  }),
  /** "Klopt er iets niet?" on any listing. */
  report: defineAction({
    accept: 'form',
    input: ReportInputSchema,
    handler: async (input, context) =>
      runUseCase(async () => {
        const key = await checkPublicForm('report', input, context.clientAddress);
        await call(reportListing, input.slug, input, key, volunteeringContext());
        deliverMailSoon();
        return {};
      }),
  }),

  // Back office: every use case checks the actor against the sign-up's gebieden.
  ...moderationActions({
    approve: (actor, id, version) => call(approveVolunteer, actor, id, version, volunteeringContext()),
    requestChange: (actor, id, version, note) =>
      call(requestVolunteerChange, actor, id, version, note, volunteeringContext()),
    decline: (actor, id, version, reason) =>
      call(declineVolunteer, actor, id, version, reason, volunteeringContext()),
  }),
  remove: defineAction({
    accept: 'form',
    input: z.object({
      id: IdSchema,
      sure: z.enum(['ja'], { error: 'Vink aan dat de vrijwilliger dit zelf vroeg.' }),
    }),
    handler: async ({ id }, context) =>
      runUseCase(async () =>
        call(removeVolunteer, context.locals.actor, id, volunteeringContext()).then(() => ({})),
      ),
  }),
  connect: defineAction({
    accept: 'form',
    input: z.object({ id: IdSchema, version: IdSchema }),
    handler: async ({ id, version }, context) =>
      runUseCase(async () =>
        call(connectRequest, context.locals.actor, id, version, volunteeringContext()).then(() => ({})),
      ),
  }),
  closeRequest: defineAction({
    accept: 'form',
    input: z.object({ id: IdSchema, version: IdSchema, reason: DecisionNoteSchema }),
    handler: async ({ id, version, reason }, context) =>
      runUseCase(async () =>
        call(closeRequest, context.locals.actor, id, version, reason, volunteeringContext()).then(() => ({})),
      ),
  }),
  handleReport: defineAction({
    accept: 'form',
    input: z.object({ id: IdSchema }),
    handler: async ({ id }, context) =>
      runUseCase(async () => call(handleReport, context.locals.actor, id).then(() => ({}))),
  }),
};

export const activities = {
  /** /activiteit-aanmelden: a resident registers an activity; dates and times come as rows. */
  register: defineAction({
    accept: 'form',
    input: z.instanceof(FormData),
    handler: async (form, context) =>
      runFormUseCase(form, ActivityRegistrationSchema, async (input) => {
        const key = await checkPublicForm('activity', input, context.clientAddress);
        const registered = await call(registerActivity, input, key, volunteeringContext(), activityDeps());
        deliverMailSoon();
        return { key: registered.key };
      }),
  }),
  confirm: defineAction({
    accept: 'form',
    input: z.object({ token: TokenSchema }),
    handler: async ({ token }) =>
      runUseCase(async () => {
        await call(confirmActivity, token, volunteeringContext());
        deliverMailSoon();
        return {};
      }),
  }),
  change: defineAction({
    accept: 'form',
    input: z.instanceof(FormData),
    handler: async (form) =>
      runFormUseCase(form, ActivityChangeSchema, async (input) => {
        await call(changeActivity, input.token, input, volunteeringContext(), activityDeps());
        deliverMailSoon();
        return {};
      }),
  }),
  withdraw: defineAction({
    accept: 'form',
    input: z.object({
      token: TokenSchema,
      sure: z.enum(['ja'], { error: 'Vink aan dat je de activiteit wilt intrekken.' }),
    }),
    handler: async ({ token }) =>
      runUseCase(async () => call(withdrawActivity, token, volunteeringContext()).then(() => ({}))),
  }),
  ...moderationActions({
    approve: (actor, id, version) => call(approveActivity, actor, id, version, volunteeringContext()),
    requestChange: (actor, id, version, note) =>
      call(requestActivityChange, actor, id, version, note, volunteeringContext()),
    decline: (actor, id, version, reason) =>
      call(declineActivity, actor, id, version, reason, volunteeringContext()),
  }),
};
