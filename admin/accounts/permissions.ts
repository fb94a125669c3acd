import { ForbiddenError, LoginRequiredError } from '../errors/domain-errors.ts';
import type { Actor, Role } from './user.ts';

export function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw new LoginRequiredError();
  return actor;
}

export function requireRole(actor: Actor | undefined, ...roles: Role[]): Actor {
  const known = requireActor(actor);
  if (!roles.includes(known.role)) throw new ForbiddenError();
  return known;
}

/** Beheerders may edit every organisation; an editor only the one their account belongs to. */
export function canEditOrganisation(actor: Actor, organisationSlug: string): boolean {
  return (
    actor.role === 'beheerder' ||
    (actor.role === 'organisatie' && actor.organisationSlug === organisationSlug)
  );
}

export function requireOrganisationAccess(actor: Actor | undefined, organisationSlug: string): Actor {
  const known = requireRole(actor, 'beheerder', 'organisatie');
  if (!canEditOrganisation(known, organisationSlug))
    throw new ForbiddenError('Dit hoort bij een andere organisatie.');
  return known;
}
