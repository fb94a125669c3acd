import type { Content } from '../content/load-content.ts';
import { inboxTeams, type InboxTeam } from '../questions/team-directory.ts';

/** What the monitor needs from content: gebieden with their wijken, teams and their promises, names. */
export interface MonitorContext {
  areas: { id: string; name: string; neighbourhoods: { id: string; name: string }[] }[];
  centralDesk: { name: string };
  teams: readonly InboxTeam[];
  lifeDomains: { id: string; name: string }[];
  now?: Date;
}

export function monitorContextFrom(content: Content): MonitorContext {
  return {
    areas: [...content.areas]
      .sort((a, b) => a.data.order - b.data.order)
      .map((area) => ({
        id: area.id,
        name: area.data.name,
        neighbourhoods: content.neighbourhoods
          .filter((wijk) => wijk.data.area === area.id)
          .map((wijk) => ({ id: wijk.id, name: wijk.data.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      })),
    centralDesk: { name: content.municipality.centralDesk.name },
    teams: inboxTeams(content),
    lifeDomains: content.taxonomy.lifeDomains.map(({ id, name }) => ({ id, name })),
  };
}
