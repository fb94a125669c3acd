import { requireRole } from '../accounts/permissions.ts';
import type { Actor } from '../accounts/user.ts';
import { ForbiddenError } from '../errors/domain-errors.ts';
import { CENTRAL_DESK_ID } from '../questions/team-directory.ts';
import { CENTRAL_DESK_SCOPE, type MonitorFilter } from './monitor-filter.ts';
import type { MonitorContext } from './monitor-context.ts';

/**
 * Who sees which part of the monitor: a beheerder every gebied and the central desk; a teamlid
 * the gebieden of their own teams (and the central desk when they work there). The chosen gebied
 * and wijk are checked against that, never trusted from the URL.
 */
export interface ScopeOption {
  id: string;
  name: string;
}

export interface MonitorScope {
  /** What the actor may choose. */
  options: ScopeOption[];
  /** Wijken the actor may choose, with their gebied. */
  neighbourhoods: { id: string; name: string; area: string }[];
  /** What the report covers now: gebied ids, and whether the central desk's questions count. */
  areas: string[];
  centralDesk: boolean;
  neighbourhood?: string;
  /** How the chosen part is called on the page: "alle gebieden", "Bolnes/Slikkerveer", … */
  label: string;
}

export function monitorScope(
  actor: Actor | undefined,
  filter: MonitorFilter,
  context: MonitorContext,
): MonitorScope {
  const known = requireRole(actor, 'beheerder', 'teamlid');
  const ownAreas = new Set(known.teamIds.map((team) => team.split(':')[0] ?? ''));
  const areas = context.areas.filter((area) => known.role === 'beheerder' || ownAreas.has(area.id));
  const desk = known.role === 'beheerder' || known.teamIds.includes(CENTRAL_DESK_ID);
  if (areas.length === 0 && !desk)
    throw new ForbiddenError(
      'Je account hoort nog bij geen enkel team. Vraag een beheerder om je aan een team te koppelen.',
    );
  const options = [
    ...areas.map((area) => ({ id: area.id, name: area.name })),
    ...(desk ? [{ id: CENTRAL_DESK_SCOPE, name: `${context.centralDesk.name} (vragen zonder wijk)` }] : []),
  ];
  const neighbourhoods = areas.flatMap((area) =>
    area.neighbourhoods.map((wijk) => ({ ...wijk, area: area.id })),
  );

  if (filter.neighbourhood !== undefined) {
    const wijk = neighbourhoods.find((candidate) => candidate.id === filter.neighbourhood);
    if (!wijk) throw new ForbiddenError('Deze wijk hoort niet bij jouw gebied.');
    if (filter.area !== undefined && filter.area !== wijk.area)
      throw new ForbiddenError('Deze wijk hoort niet bij het gekozen gebied.');
    return {
      options,
      neighbourhoods,
      areas: [wijk.area],
      centralDesk: false,
      neighbourhood: wijk.id,
      label: wijk.name,
    };
  }
  if (filter.area !== undefined) {
    const chosen = options.find((option) => option.id === filter.area);
    if (!chosen) throw new ForbiddenError('Dit gebied hoort niet bij jouw teams.');
    return chosen.id === CENTRAL_DESK_SCOPE
      ? { options, neighbourhoods, areas: [], centralDesk: true, label: chosen.name }
      : { options, neighbourhoods, areas: [chosen.id], centralDesk: false, label: chosen.name };
  }
  return {
    options,
    neighbourhoods,
    areas: areas.map((area) => area.id),
    centralDesk: desk,
    label: known.role === 'beheerder' ? 'alle gebieden' : options.map((option) => option.name).join(' en '),
  };
}
