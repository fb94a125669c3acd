import { splitWords, stemWord } from './analyzer.ts';

/**
 * A synonym entry as one word: "rood staan" and "digi d" become "roodstaan" and "digid", the
 * form the analyser gives a query or text that contains those words in a row.
 */
export function synonymEntryWord(entry: string): string {
  return splitWords(entry).join('');
}

/**
 * Synonym groups from the taxonomy as terms: each term points at the other terms of its
 * groups, so "blowt" finds what "drugs" finds and the other way round.
 */
export function buildSynonymTable(groups: readonly (readonly string[])[]): Map<string, string[]> {
  const table = new Map<string, Set<string>>();
  for (const group of groups) {
    const terms = [...new Set(group.map((entry) => stemWord(synonymEntryWord(entry))).filter(Boolean))];
    for (const term of terms) {
      const others = table.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) others.add(other);
      table.set(term, others);
    }
  }
  return new Map([...table].map(([term, others]) => [term, [...others].sort()]));
}
