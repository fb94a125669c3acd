import { defineAction } from 'astro:actions';
import { z } from 'zod';
import type { Actor } from '#admin/accounts/user.ts';
import { deliverMailSoon } from '#admin/app/background-work.ts';
import { DecisionNoteSchema } from '#admin/volunteering/volunteer-moderation.ts';
import { runUseCase } from './run-use-case.ts';
import { IdSchema } from './id-schema.ts';

type Step<Extra extends unknown[]> = (
  actor: Actor | undefined,
  id: number,
  version: number,
  ...extra: Extra
) => Promise<unknown>;

/**
 * The three moderation steps of anything residents submit (a volunteer's sign-up, an activity):
 * each mails the resident, so delivery is nudged at once.
 */
export function moderationActions(steps: {
  approve: Step<[]>;
  requestChange: Step<[note: string]>;
  decline: Step<[reason: string]>;
}) {
  const moderated = async (step: () => Promise<unknown>) =>
    runUseCase(async () => {
      await step();
      deliverMailSoon();
      return {};
    });
  return {
    approve: defineAction({
      accept: 'form',
      input: z.object({ id: IdSchema, version: IdSchema }),
      handler: ({ id, version }, context) =>
        moderated(() => steps.approve(context.locals.actor, id, version)),
    }),
    requestChange: defineAction({
      accept: 'form',
      input: z.object({ id: IdSchema, version: IdSchema, note: DecisionNoteSchema }),
      handler: ({ id, version, note }, context) =>
        moderated(() => steps.requestChange(context.locals.actor, id, version, note)),
    }),
    decline: defineAction({
      accept: 'form',
      input: z.object({ id: IdSchema, version: IdSchema, reason: DecisionNoteSchema }),
      handler: ({ id, version, reason }, context) =>
        moderated(() => steps.decline(context.locals.actor, id, version, reason)),
    }),
  };
}
