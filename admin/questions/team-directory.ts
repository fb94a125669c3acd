import type { TeamId } from '../accounts/user.ts';
import type { Content } from '../content/load-content.ts';

/** A team whose inbox receives questions: both teams of each gebied, and the central desk. */
export interface InboxTeam {
  id: TeamId;
  name: string;
  /** Shared mailbox that is told "new question in your inbox" (never the question itself). */
  email: string;
  /** Working days within which the team contacts the resident. */
  responseDays: number;
}

export const CENTRAL_DESK_ID = 'triage';

export function inboxTeams(content: Content): InboxTeam[] {
  const teams = content.areas.flatMap((area) =>
    (['sociaal', 'jgt'] as const).map((kind) => {
      const team = area.data.teams[kind];
      return {
        id: `${area.id}:${kind}`,
        name: team.name,
        email: team.email,
        responseDays: team.responseDays,
      };
    }),
  );
  const desk = content.municipality.centralDesk;
  return [
    ...teams,
    { id: CENTRAL_DESK_ID, name: desk.name, email: desk.email, responseDays: desk.responseDays },
  ];
}

/**
 * Where a question goes: the wijk's gebied, then its jeugd- en gezinsteam when it is about a child
 * or young person, else its sociaal team; without a wijk, the central desk that divides questions.
 */
export function routeQuestion(
  content: Content,
  question: { neighbourhood?: string | undefined; aboutYouth: boolean },
): TeamId {
  const wijk = question.neighbourhood
    ? content.neighbourhoods.find((entry) => entry.id === question.neighbourhood)
    : undefined;
  if (!wijk) return CENTRAL_DESK_ID;
  return `${wijk.data.area}:${question.aboutYouth ? 'jgt' : 'sociaal'}`;
}
