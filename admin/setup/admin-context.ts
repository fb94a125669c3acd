import type { Content } from '../content/load-content.ts';
import type { TeamId } from '../accounts/user.ts';
import type { Vocabulary } from '../listings/listing-draft.ts';
import { inboxTeams } from '../questions/team-directory.ts';

export interface TeamOption {
  id: TeamId;
  name: string;
}

/** Every team an account can be bound to: both teams of each gebied, and the central desk. */
export function teamOptions(content: Content): TeamOption[] {
  return inboxTeams(content).map(({ id, name }) => ({ id, name }));
}

/** The words a listing may use for wijk, leefgebied and doelgroep. */
export function listingVocabulary(content: Content): Vocabulary {
  return {
    neighbourhoods: content.neighbourhoods.map((wijk) => wijk.id),
    lifeDomains: content.taxonomy.lifeDomains.map((domain) => domain.id),
    audiences: content.taxonomy.audiences.map((audience) => audience.id),
  };
}
