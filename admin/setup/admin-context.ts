import type { Content } from '../content/load-content.ts';
import type { TeamId } from '../accounts/user.ts';
import type { Vocabulary } from '../listings/listing-draft.ts';

export interface TeamOption {
  id: TeamId;
  name: string;
}

/** The central desk for questions without a wijk (issue: question form). */
export const TRIAGE_TEAM: TeamOption = { id: 'triage', name: 'Centrale toegang (vragen zonder wijk)' };

/** Every team an account can be bound to: both teams of each gebied, and the central desk. */
export function teamOptions(content: Content): TeamOption[] {
  const teams = content.areas.flatMap((area) => [
    { id: `${area.id}:sociaal`, name: area.data.teams.sociaal.name },
    { id: `${area.id}:jgt`, name: area.data.teams.jgt.name },
  ]);
  return [...teams, TRIAGE_TEAM];
}

/** The words a listing may use for wijk, leefgebied and doelgroep. */
export function listingVocabulary(content: Content): Vocabulary {
  return {
    neighbourhoods: content.neighbourhoods.map((wijk) => wijk.id),
    lifeDomains: content.taxonomy.lifeDomains.map((domain) => domain.id),
    audiences: content.taxonomy.audiences.map((audience) => audience.id),
  };
}
