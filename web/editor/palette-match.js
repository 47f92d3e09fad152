// @ts-check
// Palette search matching: the page's copy of src/linework/icons/search.py,
// which states the rules (a test runs both on the same queries). A query word
// matches an entry's name, title or tag words at their start; one that is a
// whole word somewhere finds that word, its forms (user → users) and
// compounds (data → database) but not other words that start with it
// (class ↛ classic); one that no entry has whole finds every word starting
// with it (serv → server). Entries matching every query word rank first, then
// those missing one, and so on ("s3 bucket" finds the S3 icons); among those,
// the loosest query word ranks the entry: the word itself, then a form or
// compound, then a bare prefix; within each, a match by name or title before
// one by a tag only (lower ranks first). Entries drawing the same icon show
// once, as the best-ranked (distinct).

const WORD = /[\p{L}\p{N}]+/gu;
const SUFFIXES = new Set(["s", "es", "r", "er", "ers", "d", "ed", "ing"]);
const MIN_PART = 3;
/** Ranks per missing query word: a rank below TIER matches every word. */
export const TIER = 6;

/**
 * The lower-case words of a text.
 * @param {string} text
 * @returns {string[]}
 */
export const wordsOf = (text) => text.toLowerCase().match(WORD) ?? [];

/**
 * A query's words, in order, repeats dropped.
 * @param {string} query
 * @returns {string[]}
 */
export const queryWords = (query) => [...new Set(wordsOf(query))];

/** Every word of every entry: which query words are whole words. */
const vocabulary = new Set();

/**
 * Add entries' words to the vocabulary (the palette's kinds, the icon index).
 * @param {Iterable<string>} words
 */
export function addVocabulary(words) {
  for (const w of words) vocabulary.add(w);
}

/**
 * How closely one query word matches an entry's words: 0, 1, 2 or null.
 * @param {string} q
 * @param {string[]} words
 * @returns {number | null}
 */
function wordRank(q, words) {
  let best = null;
  const whole = vocabulary.has(q);
  for (const w of words) {
    if (w === q) return 0;
    if (!w.startsWith(q)) continue;
    const rest = w.slice(q.length);
    let rank;
    if (!whole) rank = 2;
    else if (SUFFIXES.has(rest) || (rest.length >= MIN_PART && vocabulary.has(rest))) rank = 1;
    else continue;
    best = best === null ? rank : Math.min(best, rank);
  }
  return best;
}

/**
 * The loosest match of the query words among some words (null: one misses).
 * @param {string[]} query
 * @param {string[]} words
 * @returns {number | null}
 */
function loosest(query, words) {
  let worst = 0;
  for (const q of query) {
    const r = wordRank(q, words);
    if (r === null) return null;
    worst = Math.max(worst, r);
  }
  return worst;
}

/**
 * An entry's rank for the query words (null: not found; lower first): TIER
 * per query word it misses, then how closely it matches the others.
 * @param {string[]} query
 * @param {string[]} words all the entry's words
 * @param {string[]} [name] its name and title words
 * @returns {number | null}
 */
export function rankOf(query, words, name = []) {
  if (query.length === 0) return 0; // no query: everything shows
  const matched = [];
  let all = 0;
  for (const q of query) {
    const r = wordRank(q, words);
    if (r === null) continue;
    matched.push(q);
    all = Math.max(all, r);
  }
  if (matched.length === 0) return null;
  const byName = loosest(matched, name);
  return TIER * (query.length - matched.length) + 2 * all + (byName !== null && byName <= all ? 0 : 1);
}

/**
 * The items in order, dropping each that draws what an earlier one does.
 * @template T
 * @param {T[]} items
 * @param {(item: T) => (number | string | undefined)} drawnOf what an item
 *   draws (undefined: something of its own)
 * @returns {T[]}
 */
export function distinct(items, drawnOf) {
  const seen = new Set();
  return items.filter((item) => {
    const d = drawnOf(item);
    if (d === undefined) return true;
    if (seen.has(d)) return false;
    seen.add(d);
    return true;
  });
}
