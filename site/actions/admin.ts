import { defineAction } from 'astro:actions';
import { z } from 'zod';
import {
  changeUserAccess,
  inviteUser,
  InviteInputSchema,
  resendInvite,
  resetUserTwoFactor,
  setUserDisabled,
  UserAccessInputSchema,
} from '#admin/accounts/user-admin.ts';
import { call } from '#admin/app/call.ts';
import { ListingDraftSchema } from '#admin/listings/listing-draft.ts';
import {
  changeListingStatus,
  confirmListingCurrent,
  createListing,
  saveListing,
  STATUS_ACTIONS,
} from '#admin/listings/listing-editor.ts';
import { retryFailedMail } from '#admin/mail/outbox-admin.ts';
import {
  createOrganisation,
  OrganisationProfileSchema,
  saveOrganisationProfile,
} from '#admin/organisations/organisation-editor.ts';
import { linkContext, listingEditorDeps } from '#admin/app/app-context.ts';
import { deliverMailSoon } from '#admin/app/background-work.ts';
import { formText } from '#site/lib/form-errors.ts';
import { idFrom, runFormUseCase, runUseCase } from './run-use-case.ts';
import { IdSchema } from './id-schema.ts';

export const users = {
  invite: defineAction({
    accept: 'form',
    input: InviteInputSchema,
    handler: async (input, context) =>
      runUseCase(async () => {
        const user = await call(inviteUser, context.locals.actor, input, linkContext());
        deliverMailSoon();
        return { userId: user.id };
      }),
  }),
  changeAccess: defineAction({
    accept: 'form',
    input: z.object({ userId: IdSchema, access: UserAccessInputSchema }),
    handler: async ({ userId, access }, context) =>
      runUseCase(async () =>
        call(changeUserAccess, context.locals.actor, userId, access, linkContext()).then(() => ({})),
      ),
  }),
  setDisabled: defineAction({
    accept: 'form',
    input: z.object({ userId: IdSchema, disabled: z.enum(['ja', 'nee']) }),
    handler: async ({ userId, disabled }, context) =>
      runUseCase(async () =>
        call(setUserDisabled, context.locals.actor, userId, disabled === 'ja').then(() => ({})),
      ),
  }),
  resendInvite: defineAction({
    accept: 'form',
    input: z.object({ userId: IdSchema }),
    handler: async ({ userId }, context) =>
      runUseCase(async () => {
        await call(resendInvite, context.locals.actor, userId, linkContext());
        deliverMailSoon();
        return {};
      }),
  }),
  resetTwoFactor: defineAction({
    accept: 'form',
    input: z.object({ userId: IdSchema }),
    handler: async ({ userId }, context) =>
      runUseCase(async () => call(resetUserTwoFactor, context.locals.actor, userId).then(() => ({}))),
  }),
};

export const organisations = {
  save: defineAction({
    accept: 'form',
    input: z.instanceof(FormData),
    handler: async (form, context) =>
      runFormUseCase(form, OrganisationProfileSchema, async (profile) => {
        await call(
          saveOrganisationProfile,
          context.locals.actor,
          formText(form, 'slug'),
          idFrom(form.get('version')),
          profile,
        );
        return {};
      }),
  }),
  create: defineAction({
    accept: 'form',
    input: z.instanceof(FormData),
    handler: async (form, context) =>
      runFormUseCase(form, OrganisationProfileSchema, async (profile) => ({
        slug: (await call(createOrganisation, context.locals.actor, profile)).slug,
      })),
  }),
};

/**
 * The listing editor's form nests rows (opening hours, dates, places), which Astro's form parsing
 * does not, so it is decoded against the listing's draft schema; the use case in admin/ checks
 * the actor, then validates the whole listing.
 */
function saveListingForm(form: FormData, actor: App.Locals['actor']) {
  const deps = listingEditorDeps();
  return runFormUseCase(form, ListingDraftSchema, async (draft) => {
    const id = form.get('id');
    const listing =
      id === null || id === ''
        ? await call(createListing, actor, formText(form, 'organisation'), draft, deps)
        : await call(saveListing, actor, idFrom(id), idFrom(form.get('version')), draft, deps);
    return { id: listing.id };
  });
}

export const listings = {
  save: defineAction({
    accept: 'form',
    input: z.instanceof(FormData),
    handler: async (form, context) => saveListingForm(form, context.locals.actor),
  }),
  changeStatus: defineAction({
    accept: 'form',
    input: z.object({
      id: IdSchema,
      change: z.enum(Object.keys(STATUS_ACTIONS) as [keyof typeof STATUS_ACTIONS]),
    }),
    handler: async ({ id, change }, context) =>
      runUseCase(async () => ({
        status: (await call(changeListingStatus, context.locals.actor, id, change)).status,
      })),
  }),
  confirmCurrent: defineAction({
    accept: 'form',
    input: z.object({ id: IdSchema }),
    handler: async ({ id }, context) =>
      runUseCase(async () => ({
        lastVerifiedAt: (await call(confirmListingCurrent, context.locals.actor, id)).lastVerifiedAt,
      })),
  }),
};

export const outbox = {
  retry: defineAction({
    accept: 'form',
    input: z.object({ mailId: IdSchema }),
    handler: async ({ mailId }, context) =>
      runUseCase(async () => {
        await call(retryFailedMail, context.locals.actor, mailId);
        deliverMailSoon();
        return {};
      }),
  }),
};
