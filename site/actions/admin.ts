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
import { draftFromForm } from '#admin/listings/listing-draft.ts';
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
  OrganisationProfileInputSchema,
  saveOrganisationProfile,
} from '#admin/organisations/organisation-editor.ts';
import { linkContext, listingEditorDeps } from '#admin/app/app-context.ts';
import { deliverMailSoon } from '#admin/app/background-work.ts';
import { formText } from '#site/lib/form-errors.ts';
import { idFrom, runUseCase } from './run-use-case.ts';

const IdSchema = z.coerce.number().int().positive();

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
    input: z.object({ slug: z.string().max(80), profile: OrganisationProfileInputSchema }),
    handler: async ({ slug, profile }, context) =>
      runUseCase(async () =>
        call(saveOrganisationProfile, context.locals.actor, slug, profile).then(() => ({})),
      ),
  }),
  create: defineAction({
    accept: 'form',
    input: OrganisationProfileInputSchema,
    handler: async (profile, context) =>
      runUseCase(async () => ({
        slug: (await call(createOrganisation, context.locals.actor, profile)).slug,
      })),
  }),
};

type ListingSaveOutcome =
  | { ok: true; id: number }
  | { ok: false; errors: Record<string, string>; draft: ReturnType<typeof draftFromForm> };

/**
 * The listing editor sends repeated rows (opening hours, dates, locations) that Astro's form
 * parsing does not nest, so it takes the raw form; the draft is validated by the listing's own
 * zod schema in admin/, after the permission check.
 */
async function saveListingForm(form: FormData, actor: App.Locals['actor']): Promise<ListingSaveOutcome> {
  const draft = draftFromForm(form);
  const deps = listingEditorDeps();
  const outcome = await runUseCase(async () => {
    const id = form.get('id');
    const result =
      id === null || id === ''
        ? await call(createListing, actor, formText(form, 'organisation'), draft, deps)
        : await call(saveListing, actor, idFrom(id), idFrom(form.get('version')), draft, deps);
    return { result };
  });
  if (!outcome.ok) return { ok: false, errors: outcome.errors, draft };
  const { result } = outcome;
  return result.status === 'saved'
    ? { ok: true, id: result.listing.id }
    : { ok: false, errors: result.errors, draft: result.draft };
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
