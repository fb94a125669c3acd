/**
 * Words too common in Dutch to tell documents apart. Both engines drop them from queries, so
 * "hulp bij formulieren" searches for "hulp" and "formulieren". Kept short on purpose: words
 * such as "alleen" or "thuis" carry meaning for residents and stay searchable.
 */
export const DUTCH_STOP_WORDS: readonly string[] = [
  'aan', 'al', 'als', 'erg', 'geen', 'graag', 'heel', 'iemand', 'iets', 'kun', 'kunnen', 'meer', 'moet', 'niet', 'veel', 'ben', 'bij', 'dat', 'de', 'den', 'der', 'des', 'deze', 'die', 'dit', 'door', 'dus',
  'een', 'en', 'er', 'ge', 'had', 'heb', 'hebben', 'heeft', 'het', 'hier', 'hij', 'hoe', 'hun', 'ik', 'in',
  'is', 'je', 'jij', 'jou', 'jouw', 'kan', 'me', 'men', 'met', 'mij', 'mijn', 'na', 'naar', 'nog', 'nu',
  'of', 'om', 'omdat', 'ons', 'onze', 'ook', 'op', 'over', 'te', 'ten', 'ter', 'tot', 'u', 'uit', 'uw',
  'van', 'voor', 'want', 'was', 'wat', 'we', 'wel', 'wie', 'wij', 'wil', 'word', 'wordt', 'ze', 'zich',
  'zij', 'zijn', 'zo', 'zou',
];
