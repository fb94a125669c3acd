import { foldText } from './text/analyzer.ts';

/**
 * "Bedoelde je …?": the query as typed, with each word that only matched through typo
 * tolerance replaced by the word it most likely meant. `corrections` maps folded typed words
 * to the written form of what they matched.
 */
export function suggestSpelling(text: string, corrections: ReadonlyMap<string, string>): string {
  return text
    .trim()
    .split(/\s+/)
    .map((part) => corrections.get(foldText(part).replace(/[^\p{L}\p{N}]/gu, '')) ?? part)
    .join(' ');
}
