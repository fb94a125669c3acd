import type { Crisis } from '#admin/schemas/crisis.ts';
import type { UrgentHelp } from '#admin/schemas/municipality.ts';
import { splitWords, stemWord } from '../text/analyzer.ts';
import { editDistanceWithin } from '../text/edit-distance.ts';

/** What the help block shows when a search sounds like someone is in danger. */
export interface CrisisHelp {
  /** Ids of the situations recognised, most specific first (as ordered in content). */
  situations: string[];
  heading: string;
  message: string;
  /** The numbers to call: the recognised situation's first, then the others. */
  numbers: UrgentHelp[];
}

export type CrisisDetector = (text: string) => CrisisHelp | undefined;

/** Words a phrase word may have in between in the query: "ik wil echt niet meer leven". */
const MAX_GAP = 2;
/** A word this long also matches inside a longer one: "zelfmoordgedachten". */
const MIN_STEM_FOR_PREFIX = 7;

/**
 * Fewer typos than in search, because a false alarm here puts a suicide line above someone's
 * search for "lezen" (one letter from "leven"): none below 6 letters, one from 6, two from 10.
 * A wrong first letter is never forgiven.
 */
function allowedTypos(word: string): number {
  if (word.length >= 10) return 2;
  return word.length >= 6 ? 1 : 0;
}

function wordMatches(typed: string, wanted: string): boolean {
  if (typed === wanted || stemWord(typed) === stemWord(wanted)) return true;
  if (wanted.length >= MIN_STEM_FOR_PREFIX && typed.startsWith(wanted)) return true;
  const typos = allowedTypos(wanted);
  return typos > 0 && typed[0] === wanted[0] && editDistanceWithin(typed, wanted, typos) <= typos;
}

/** Whether the phrase's words occur in the query in this order, with at most MAX_GAP words between. */
function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  const search = (from: number, at: number): boolean => {
    const wanted = phrase[at];
    if (wanted === undefined) return true;
    const last = at === 0 ? words.length - 1 : Math.min(words.length - 1, from + MAX_GAP);
    for (let index = from; index <= last; index++) {
      if (wordMatches(words[index] ?? '', wanted) && search(index + 1, at + 1)) return true;
    }
    return false;
  };
  return search(0, 0);
}

/**
 * Recognises crisis wording in a search, with the phrases from `content/crisis.yaml`: whole
 * words and sentences in many forms and with typos, never a word inside an unrelated one.
 */
export function createCrisisDetector(crisis: Crisis, urgentHelp: readonly UrgentHelp[]): CrisisDetector {
  const byPhone = new Map(urgentHelp.map((help) => [help.phone, help]));
  const situations = crisis.situations.map((situation) => ({
    situation,
    phrases: situation.phrases.map(splitWords).filter((words) => words.length > 0),
  }));

  return (text) => {
    const words = splitWords(text);
    if (words.length === 0) return undefined;
    const found = situations
      .filter(({ phrases }) => phrases.some((phrase) => containsPhrase(words, phrase)))
      .map(({ situation }) => situation);
    const [first] = found;
    if (!first) return undefined;
    const phones = [...new Set([...found.map((situation) => situation.call), ...crisis.numbers])];
    return {
      situations: found.map((situation) => situation.id),
      heading: first.heading,
      message: first.message,
      numbers: phones.flatMap((phone) => byPhone.get(phone) ?? []),
    };
  };
}
