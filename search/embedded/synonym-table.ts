import { analyze } from '../text/analyzer.ts';

/**
 * Synonym groups from the taxonomy as terms: each term points at the other terms of its
 * groups. Entries that analyse to more than one word are left out; matching is per word.
 */
export function buildSynonymTable(groups: readonly (readonly string[])[]): Map<string, string[]> {
  const table = new Map<string, Set<string>>();
  for (const group of groups) {
    const terms = [
      ...new Set(
        group
          .map((entry) => analyze(entry))
          .filter((tokens) => tokens.length === 1)
          .map((tokens) => tokens[0]?.term ?? ''),
      ),
    ];
    for (const term of terms) {
      const others = table.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) others.add(other);
      table.set(term, others);
    }
  }
  return new Map([...table].map(([term, others]) => [term, [...others]]));
}
