import { createHash } from 'node:crypto';
import { splitWords, stemWord, type Token } from './analyzer.ts';
import { COMPOUND_PARTS, KEEP_WHOLE } from './compound-lexicon.ts';
import { createCompoundSplitter } from './compound-splitter.ts';
import { createPhraseFinder } from './phrase-finder.ts';
import { DUTCH_STOP_WORDS } from './dutch-stop-words.ts';
import { buildSynonymTable, synonymEntryWord } from './synonym-table.ts';
import { WEAK_WORDS } from './weak-words.ts';

/**
 * Raise when the analysis of documents changes (stemming, splitting, stop words), so indexes
 * that keep documents between runs (Meilisearch) rewrite them.
 */
const ANALYZER_REVISION = 1;
const MAX_QUERY_WORDS = 8;
const MAX_JOINED_WORDS = 3;

/** Words that ask for the wijkteam, a walk-in place or wijk information rather than for an organisation. */
const PLACE_WORDS = [
  'wijk',
  'wijken',
  'wijkteam',
  'wijkteams',
  'wijkinformatie',
  'wijkcentrum',
  'team',
  'sociaal',
  'gezinsteam',
  'jgt',
  'ankerplaats',
  'ankerplaatsen',
  'inloop',
  'inlopen',
  'binnenlopen',
  'binnenloop',
  'spreekuur',
];

export interface AnalyzerVocabulary {
  /** Synonym groups from the taxonomy; an entry may be a few words ("rood staan"). */
  synonyms: readonly (readonly string[])[];
  /** Names of the wijken: a query naming one wants the wijk's page too. */
  placeNames?: readonly string[];
}

/** Searchable text of a document, in order of weight. */
export type FieldTexts = readonly [title: string, summary: string, keywords: string, body: string];

export interface DocumentTerms {
  /** Title, summary, keywords and body as terms, stop words left out; the body includes its compounds' pieces. */
  fields: readonly [Token[], Token[], Token[], Token[]];
  /**
   * Pieces of the compounds in title, summary and keywords ("voedsel", "bank" of "Voedselbank")
   * and synonym phrases written as separate words ("rood staan"): a weaker match than the word itself.
   */
  parts: Token[];
}

export interface QueryWord {
  /** As typed, folded. */
  word: string;
  term: string;
  /** The last word, still being typed: it also matches words that start with it. */
  prefix: boolean;
}

export interface QueryAnalysis {
  /** The words a document must match, filler left out (unless there is nothing else). */
  words: QueryWord[];
  /**
   * Filler next to the words above ("hulp", "mijn moeder"): it may lift a document that has it
   * too, but never decides whether a document matches.
   */
  weakWords: QueryWord[];
  /** The query names a wijk or asks for the wijkteam or a walk-in place. */
  namesPlace: boolean;
}

/**
 * The one analyser both engines use, for documents and for queries alike: folding, stop words,
 * stemming, compounds, synonym phrases and filler. The embedded engine indexes its output; the
 * Meilisearch engine sends it as the document's term fields and as the query, so that stemming,
 * synonyms and stop words behave the same in both.
 */
export interface TextAnalyzer {
  /** Changes whenever a document would be analysed differently; stored with indexed documents. */
  readonly fingerprint: string;
  document(fields: FieldTexts): DocumentTerms;
  query(text: string): QueryAnalysis;
  /** Other terms of the synonym groups `term` is in. */
  synonyms(term: string): readonly string[];
  /** Every term with synonyms, for engines that take the table as a whole. */
  readonly synonymTable: ReadonlyMap<string, readonly string[]>;
}

export function createTextAnalyzer(vocabulary: AnalyzerVocabulary): TextAnalyzer {
  const stopWords = new Set(DUTCH_STOP_WORDS);
  const weakWords = new Set(WEAK_WORDS);
  const synonymWords = vocabulary.synonyms.flatMap((group) => group.map(synonymEntryWord));
  /** Words a query may glue together when typed apart: "voedsel bank", "digi d". */
  const knownWords = new Set([...COMPOUND_PARTS, ...synonymWords]);
  const split = createCompoundSplitter(
    [...COMPOUND_PARTS, ...synonymWords.filter((word) => word.length >= 4)],
    KEEP_WHOLE,
  );
  const findPhrases = createPhraseFinder(vocabulary.synonyms.flat(), stopWords);
  const synonymTable = buildSynonymTable(vocabulary.synonyms);
  const placeTerms = new Set(
    [...PLACE_WORDS, ...(vocabulary.placeNames ?? []).flatMap(splitWords)]
      .filter((word) => !stopWords.has(word))
      .map(stemWord),
  );
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([ANALYZER_REVISION, DUTCH_STOP_WORDS, COMPOUND_PARTS, KEEP_WHOLE, vocabulary.synonyms]),
    )
    .digest('hex')
    .slice(0, 16);

  const token = (word: string): Token => ({ word, term: stemWord(word) });

  /** Terms of a text, and the pieces of its compounds and phrases. */
  function analyseText(text: string): { tokens: Token[]; parts: Token[] } {
    const words = splitWords(text);
    const tokens: Token[] = [];
    const parts = findPhrases(words).map((phrase) => token(phrase.word));
    for (const word of words) {
      if (stopWords.has(word)) continue;
      tokens.push(token(word));
      for (const part of split(word)?.parts ?? []) if (!stopWords.has(part)) parts.push(token(part));
    }
    return { tokens, parts };
  }

  /**
   * The query's words with phrases made one word ("ik sta rood" → "starood") and typed-apart
   * compounds glued back where the glued word is known: "voedsel bank" → "voedselbank", "digi d"
   * → "digid". Outside a phrase stop words never glue, so "ouder en kind" stays three words.
   */
  function joinKnown(words: string[]): { word: string; last: boolean }[] {
    const phrases = findPhrases(words);
    const joined: { word: string; last: boolean }[] = [];
    for (let index = 0; index < words.length;) {
      const phrase = phrases.find((match) => match.start === index);
      let end = phrase?.end ?? index + 1;
      if (!phrase) {
        for (let length = Math.min(MAX_JOINED_WORDS, words.length - index); length > 1; length--) {
          const span = words.slice(index, index + length);
          if (knownWords.has(span.join('')) && !span.some((word) => stopWords.has(word))) {
            end = index + length;
            break;
          }
        }
      }
      joined.push({ word: phrase?.word ?? words.slice(index, end).join(''), last: end === words.length });
      index = end;
    }
    return joined;
  }

  return {
    fingerprint,
    synonymTable,

    synonyms(term) {
      return synonymTable.get(term) ?? [];
    },

    document(fields) {
      const [title, summary, keywords, body] = fields.map(analyseText) as [
        ReturnType<typeof analyseText>,
        ReturnType<typeof analyseText>,
        ReturnType<typeof analyseText>,
        ReturnType<typeof analyseText>,
      ];
      return {
        fields: [title.tokens, summary.tokens, keywords.tokens, [...body.tokens, ...body.parts]],
        parts: [...title.parts, ...summary.parts, ...keywords.parts],
      };
    },

    query(text) {
      const typing = text.length > 0 && !/\s$/.test(text);
      const words = joinKnown(splitWords(text));
      const namesPlace = words.some(({ word }) => placeTerms.has(stemWord(word)));
      const planned: QueryWord[] = [];
      words.forEach(({ word, last }) => {
        if (stopWords.has(word)) return;
        const prefix = typing && last;
        // An unknown compound is searched as its pieces: every document with the compound
        // has them too (the same splitter indexed it), and so do documents that say it in two words.
        const pieces = knownWords.has(word) ? undefined : split(word)?.primary;
        if (!pieces) {
          planned.push({ ...token(word), prefix });
          return;
        }
        pieces.forEach((piece, pieceIndex) => {
          if (!stopWords.has(piece))
            planned.push({ ...token(piece), prefix: prefix && pieceIndex === pieces.length - 1 });
        });
      });
      const unique = planned.filter(
        (word, index) => planned.findIndex((other) => other.term === word.term) === index,
      );
      const isWeak = (word: QueryWord): boolean => weakWords.has(word.word) || /^\d+$/.test(word.word);
      const content = unique.filter((word) => !isWeak(word));
      if (content.length === 0) return { words: unique.slice(0, MAX_QUERY_WORDS), weakWords: [], namesPlace };
      return {
        words: content.slice(0, MAX_QUERY_WORDS),
        weakWords: unique.filter(isWeak).slice(0, MAX_QUERY_WORDS),
        namesPlace,
      };
    },
  };
}
