// The known words of the directory (table registry_search_words) in process memory, to correct
// misspelt query words as correctWords (search.ts) does in the database: the same words, the same
// trigram similarity as pg_trgm (the known words' trigrams are PostgreSQL's own, from show_trgm;
// a query word's are computed here only when it is plain ASCII, where pg_trgm's rules do not depend
// on the server's locale), the same threshold, order and number of corrections.
import { compareCodePoints, compareUnits, lowerBound } from './directory-index.js';
import { correctionCandidates, MAX_CORRECTIONS, WORD_CORRECTION_THRESHOLD, type Corrections } from './search.js';

/** A word as registry_collect_search_words keeps it (migration registry_search_words): three characters or more, no digit. */
export const isKnownWordCandidate = (word: string) => [...word].length >= 3 && !/[0-9]/.test(word);

/** pg_trgm's trigrams of a plain lower-case ASCII word: the word padded with two spaces before and one after, three characters at a time. */
function plainWordTrigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const trigrams = new Set<string>();
  for (let at = 0; at + 3 <= padded.length; at += 1) trigrams.add(padded.slice(at, at + 3));
  return trigrams;
}

const PLAIN_WORD = /^[a-z]+$/;

export class KnownWords {
  /** Sorted: the words starting with a prefix are a range of it. */
  private sorted: string[] = [];
  private readonly trigramCounts: number[] = [];
  private readonly words: string[] = [];
  private readonly known = new Set<string>();
  private readonly byTrigram = new Map<string, number[]>();

  /** `threshold`: pg_trgm.similarity_threshold of the database (the % operator's), when above ours. */
  constructor(private readonly threshold = WORD_CORRECTION_THRESHOLD) {}

  /** Words with their trigrams as show_trgm gives them. */
  static of(words: Array<{ word: string; trigrams: string[] }>, threshold?: number): KnownWords {
    const index = new KnownWords(threshold);
    for (const { word, trigrams } of words) index.link(word, trigrams);
    index.sorted = [...index.known].sort();
    return index;
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** Adds a word (a no-op when known). */
  add(word: string, trigrams: string[]): void {
    if (this.known.has(word)) return;
    this.link(word, trigrams);
    this.sorted.splice(lowerBound(this.sorted, word, compareUnits), 0, word);
  }

  private link(word: string, trigrams: string[]): void {
    if (this.known.has(word)) return;
    this.known.add(word);
    const id = this.words.length;
    this.words.push(word);
    const unique = new Set(trigrams);
    this.trigramCounts.push(unique.size);
    for (const trigram of unique) {
      const list = this.byTrigram.get(trigram);
      if (list) list.push(id);
      else this.byTrigram.set(trigram, [id]);
    }
  }

  private startsAKnownWord(prefix: string): boolean {
    return this.sorted[lowerBound(this.sorted, prefix, compareUnits)]?.startsWith(prefix) ?? false;
  }

  /**
   * The corrections of correctWords: for each query word of four letters or more, without digits,
   * that no known word starts with, the closest known words (similarity at least the threshold, best
   * first, then in code point order, at most MAX_CORRECTIONS). Undefined when a word to correct is
   * not plain ASCII letters (the database must compute its trigrams).
   */
  correct(queryWords: string[]): Corrections | undefined {
    const corrections: Corrections = new Map();
    const candidates = correctionCandidates(queryWords).filter((word) => !this.startsAKnownWord(word));
    if (!candidates.every((word) => PLAIN_WORD.test(word))) return undefined;
    for (const input of candidates) {
      const trigrams = plainWordTrigrams(input);
      const shared = new Map<number, number>();
      for (const trigram of trigrams) for (const id of this.byTrigram.get(trigram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
      const close: Array<{ word: string; similarity: number }> = [];
      for (const [id, count] of shared) {
        // pg_trgm: shared / (all of both - shared), in single precision.
        const similarity = Math.fround(count / (trigrams.size + this.trigramCounts[id]! - count));
        if (similarity >= this.threshold) close.push({ word: this.words[id]!, similarity });
      }
      close.sort((a, b) => b.similarity - a.similarity || compareCodePoints(a.word, b.word));
      if (close.length > 0) corrections.set(input, close.slice(0, MAX_CORRECTIONS).map((known) => known.word));
    }
    return corrections;
  }
}
