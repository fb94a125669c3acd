import { z } from 'zod';
import { EmailSchema } from '../schemas/fields.ts';

export const ROLES = ['beheerder', 'teamlid', 'organisatie'] as const;
/**
 * `beheerder`: manages users, organisations and everything else; `teamlid`: works in the inbox of
 * one or more wijkteams; `organisatie`: edits one organisation's profile and aanbod.
 */
export const RoleSchema = z.enum(ROLES, { error: 'Kies een rol.' });
export type Role = z.infer<typeof RoleSchema>;

/** Roles that see residents' personal data, and so must use a second factor. */
export const ROLES_REQUIRING_TWO_FACTOR: readonly Role[] = ['beheerder', 'teamlid'];

/**
 * A wijkteam as accounts and the inbox name it: `<gebied-id>:sociaal`, `<gebied-id>:jgt`, or
 * `triage` for the central desk that takes questions without a wijk.
 */
export const TeamIdSchema = z.string().regex(/^(triage|[a-z0-9-]+:(sociaal|jgt))$/, 'Onbekend team.');
export type TeamId = z.infer<typeof TeamIdSchema>;

/** A back-office account, without secrets. */
export const UserSchema = z.object({
  id: z.number().int().positive(),
  email: EmailSchema,
  displayName: z.string().min(1),
  role: RoleSchema,
  /** The organisation an `organisatie` editor works for. */
  organisationSlug: z.string().nullable(),
  teamIds: z.array(TeamIdSchema),
  twoFactorEnabled: z.boolean(),
  hasPassword: z.boolean(),
  disabled: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

/** Who is acting: a logged-in user, for the authorisation checks in `permissions.ts`. */
export type Actor = Pick<User, 'id' | 'role' | 'organisationSlug' | 'teamIds'>;
