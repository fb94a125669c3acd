import type { Content } from '../content/load-content.ts';
import { inboxTeams, type InboxTeam } from '../questions/team-directory.ts';

/** A wijkteam as a referral names it: on the handover sheet the resident sees its phone number. */
export interface ReferralTeam extends InboxTeam {
  phone: string;
}

/** What referral use cases need from content and configuration besides the database. */
export interface ReferralContext {
  teams: readonly ReferralTeam[];
  /** wijk id → its gebied and name. */
  neighbourhoods: ReadonlyMap<string, { area: string; name: string }>;
  lifeDomains: readonly string[];
  siteName: string;
  /** Links in mail, from configuration only. */
  baseUrl: string;
  /** Working days an organisation has to react before its one reminder (spoed: one). */
  reminderWorkingDays: number;
  /** Days after which the teamlid is asked "Heeft het geholpen?". */
  followUpDays: number;
  now?: Date;
}

/** Every team that can refer, with the phone number residents reach it on. */
export function referralTeams(content: Content): ReferralTeam[] {
  const phones = new Map<string, string>(
    content.areas.flatMap((area) => [
      [`${area.id}:sociaal`, area.data.teams.sociaal.phone],
      [`${area.id}:jgt`, area.data.teams.jgt.phone],
    ]),
  );
  return inboxTeams(content).map((team) => ({
    ...team,
    phone: phones.get(team.id) ?? content.municipality.phone,
  }));
}

export function referralVocabulary(
  content: Content,
): Pick<ReferralContext, 'neighbourhoods' | 'lifeDomains'> {
  return {
    neighbourhoods: new Map(
      content.neighbourhoods.map((wijk) => [wijk.id, { area: wijk.data.area, name: wijk.data.name }]),
    ),
    lifeDomains: content.taxonomy.lifeDomains.map((domain) => domain.id),
  };
}

/** The gebied of a team id such as `bolnes-slikkerveer:sociaal`; the central desk has none. */
export const areaOfTeam = (teamId: string): string | undefined =>
  teamId.includes(':') ? teamId.slice(0, teamId.indexOf(':')) : undefined;
