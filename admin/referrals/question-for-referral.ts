import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/user.ts';
import type { Database } from '../db/tables.ts';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { scrubPersonalData } from '../search-log/scrub-personal-data.ts';
import { requireReferrer } from './referral-access.ts';

/** What "Koppel aan aanbod" searches with: the question's wijk, leefgebieden and words. */
export interface QuestionForSuggestions {
  id: number;
  reference: string;
  neighbourhood: string | null;
  lifeDomains: string[];
  /**
   * Words of the question for the search engine: contact details, numbers and addresses taken out,
   * short words dropped. They go to the engine only: never to the search log or the index.
   */
  searchText: string;
}

const MAX_WORDS = 12;

export function searchWordsOf(text: string): string {
  const words = scrubPersonalData(text.toLowerCase())
    .replace(/\[[a-z-]+\]/g, ' ')
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= 4);
  return [...new Set(words)].slice(0, MAX_WORDS).join(' ');
}

export async function questionForSuggestions(
  db: Kysely<Database>,
  actor: Actor | undefined,
  id: number,
): Promise<QuestionForSuggestions> {
  const member = requireReferrer(actor);
  const row = await db
    .selectFrom('questions')
    .select([
      'id',
      'reference',
      'team_id',
      'neighbourhood',
      'life_domains_json',
      'question_text',
      'purged_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Deze vraag bestaat niet.');
  if (!member.teamIds.includes(row.team_id)) throw new ForbiddenError('Deze vraag hoort bij een ander team.');
  if (row.purged_at !== null)
    throw new ForbiddenError(
      'De gegevens van deze vraag zijn verwijderd. Je kunt er niet meer naar verwijzen.',
    );
  const lifeDomains = JSON.parse(row.life_domains_json) as unknown;
  return {
    id: row.id,
    reference: row.reference,
    neighbourhood: row.neighbourhood,
    lifeDomains: Array.isArray(lifeDomains) ? lifeDomains.filter((value) => typeof value === 'string') : [],
    searchText: searchWordsOf(row.question_text ?? ''),
  };
}
