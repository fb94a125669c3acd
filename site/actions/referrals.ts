import { defineAction } from 'astro:actions';
import { z } from 'zod';
import { call } from '#admin/app/call.ts';
import { appContent, referralContext } from '#admin/app/app-context.ts';
import { referralVocabulary } from '#admin/referrals/referral-context.ts';
import { deliverMailSoon } from '#admin/app/background-work.ts';
import { createReferral } from '#admin/referrals/create-referral.ts';
import { mailHandover } from '#admin/referrals/handover.ts';
import {
  FollowUpInputSchema,
  HandoverMailInputSchema,
  ItemStatusInputSchema,
  referralInputSchema,
} from '#admin/referrals/referral.ts';
import {
  addToReferralDraft,
  clearReferralDraft,
  removeFromReferralDraft,
} from '#admin/referrals/referral-draft.ts';
import { answerFollowUp, setItemStatus } from '#admin/referrals/referral-updates.ts';
import { idFrom, runFormUseCase, runUseCase } from './run-use-case.ts';

/** Ids travel in hidden fields: a wrong one means the page is out of date or was tampered with. */
const FORM_INCOMPLETE = 'Dit formulier is niet compleet. Laad de pagina opnieuw.';
const IdSchema = z.coerce.number({ error: FORM_INCOMPLETE }).int(FORM_INCOMPLETE).positive(FORM_INCOMPLETE);
const vocabulary = referralVocabulary(appContent());

/**
 * The forms of referrals. Each is decoded against the schema of what it edits and handed to a use
 * case in admin/, which checks the actor against the stored referral; mail they queue is sent
 * right after.
 */
export const referrals = {
  create: defineAction({
    accept: 'form',
    input: z.instanceof(FormData),
    handler: async (form, actionContext) =>
      runFormUseCase(
        form,
        referralInputSchema({
          neighbourhoods: [...vocabulary.neighbourhoods.keys()],
          lifeDomains: vocabulary.lifeDomains,
        }),
        async (input) => {
          const created = await call(createReferral, actionContext.locals.actor, input, referralContext());
          deliverMailSoon();
          return { id: created.id };
        },
      ),
  }),
  setItemStatus: defineAction({
    accept: 'form',
    input: z.instanceof(FormData),
    handler: async (form, actionContext) =>
      runFormUseCase(form, ItemStatusInputSchema, async (input) => {
        await call(
          setItemStatus,
          actionContext.locals.actor,
          idFrom(form.get('itemId')),
          idFrom(form.get('version')),
          input,
          referralContext(),
        );
        deliverMailSoon();
        return {};
      }),
  }),
  answerFollowUp: defineAction({
    accept: 'form',
    input: z.instanceof(FormData),
    handler: async (form, actionContext) =>
      runFormUseCase(form, FollowUpInputSchema, async (input) => {
        await call(
          answerFollowUp,
          actionContext.locals.actor,
          idFrom(form.get('id')),
          idFrom(form.get('version')),
          input,
          referralContext(),
        );
        return {};
      }),
  }),
  mailHandover: defineAction({
    accept: 'form',
    input: z.instanceof(FormData),
    handler: async (form, actionContext) =>
      runFormUseCase(form, HandoverMailInputSchema, async (input) => {
        await call(
          mailHandover,
          actionContext.locals.actor,
          idFrom(form.get('id')),
          input,
          referralContext(),
        );
        deliverMailSoon();
        return {};
      }),
  }),
  addToDraft: defineAction({
    accept: 'form',
    input: z.object({ listingId: IdSchema, questionId: IdSchema.optional() }),
    handler: async ({ listingId, questionId }, actionContext) =>
      runUseCase(async () => {
        await call(addToReferralDraft, actionContext.locals.actor, listingId, questionId);
        return { listingId };
      }),
  }),
  removeFromDraft: defineAction({
    accept: 'form',
    input: z.object({ listingId: IdSchema }),
    handler: async ({ listingId }, actionContext) =>
      runUseCase(async () => {
        await call(removeFromReferralDraft, actionContext.locals.actor, listingId);
        return {};
      }),
  }),
  clearDraft: defineAction({
    accept: 'form',
    input: z.object({}),
    handler: async (_input, actionContext) =>
      runUseCase(async () => {
        await call(clearReferralDraft, actionContext.locals.actor);
        return {};
      }),
  }),
};
