// The directory's search index, in process memory: every organization that is not deleted, with
// the search columns the database computes for it (search_name, the words of search_bands, the
// lower-case acronym), ranked exactly as the ranking statement of search-page.ts ranks them (the
// tiers of SEARCH_TIERS, the same keys and cursors). A search then costs no database work beyond
// the check that the index is current (directory-search.ts), shared by concurrent searches.
import type { OrganizationSummaryRow } from './search-page.js';
import type { Corrections } from './search.js';

/** An organization as the index holds it. */
export type DirectoryEntry = {
  row: OrganizationSummaryRow;
  /** search_name: the name lower-case without accents (the ranking's name key, compared in code point order). */
  k: string;
  /** length(search_name), as the database counts characters. */
  l: number;
  /** lower(coalesce(acronym, '')). */
  acronym: string;
  /** The words of search_bands (name, acronym, other names), without the length band. */
  words: string[];
  /** Scratch of the ranking: the last search that reached this entry, and how many of its words did (as prefixes, as whole words). */
  seen: number;
  prefixes: number;
  wholes: number;
};

/** The directory filters the index answers (the others go to the database). */
export type DirectoryFilters = { type?: string; country?: string; scope?: string; sector?: string };

/** A position in the ranking, as search-page.ts's cursor holds it. */
export type RankKey = { tier: number; length: number; name: string; id: string };

export type RankedEntry = { entry: DirectoryEntry; tier: number; l: number; k: string };

export type RankQuery = {
  /** The query as the database normalizes it (lower(registry_unaccent(...))). */
  phrase: string;
  /** searchWords() of the query. */
  words: string[];
  corrections: Corrections;
  filters: DirectoryFilters;
  key: RankKey | undefined;
  take: number;
};

/** Code point order (the order of collation "C" on UTF-8), not JavaScript's UTF-16 code unit order. */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x !== y) return codeUnitRank(x) - codeUnitRank(y);
  }
  return a.length - b.length;
}

// Surrogates (U+D800-DFFF, halves of code points above U+FFFF) sort after U+E000-FFFF in code point order.
const codeUnitRank = (unit: number) => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit);

/** JavaScript's own string order (UTF-16 code units): enough to keep the words sharing a prefix together. */
export const compareUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Ids are lower-case UUIDs: their text order is PostgreSQL's uuid order. */
const compareIds = compareUnits;

/** (name, id): the order of tiers 3 and 2. */
const byNameKey = (a: { k: string; id: string }, b: { k: string; id: string }) => compareCodePoints(a.k, b.k) || compareIds(a.id, b.id);
const entryByName = (a: DirectoryEntry, b: DirectoryEntry) => compareCodePoints(a.k, b.k) || compareIds(a.row.id, b.row.id);

/** (tier desc, length, name, id): the order of the ranking. */
function compareRanked(a: RankedEntry, b: RankedEntry): number {
  return b.tier - a.tier || a.l - b.l || compareCodePoints(a.k, b.k) || compareIds(a.entry.row.id, b.entry.row.id);
}

/** First index in a sorted array whose element is not before `probe`. */
export function lowerBound<T, P>(items: T[], probe: P, compare: (item: T, probe: P) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(items[middle]!, probe) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

const append = <T>(lists: Map<string, T[]>, key: string, item: T) => {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
};

const removeFrom = <T>(items: T[], item: T) => {
  const index = items.indexOf(item);
  if (index < 0) return;
  items[index] = items[items.length - 1]!;
  items.pop();
};

/** Keeps the `size` first items of an order, as they come (a max-heap on the order, worst at the top). */
class BestOf {
  private readonly heap: RankedEntry[] = [];

  constructor(private readonly size: number) {}

  offer(item: RankedEntry): void {
    const heap = this.heap;
    if (heap.length < this.size) {
      heap.push(item);
      let child = heap.length - 1;
      while (child > 0) {
        const parent = (child - 1) >>> 1;
        if (compareRanked(heap[parent]!, heap[child]!) >= 0) break;
        [heap[parent], heap[child]] = [heap[child]!, heap[parent]!];
        child = parent;
      }
      return;
    }
    if (this.size === 0 || compareRanked(item, heap[0]!) >= 0) return;
    heap[0] = item;
    let parent = 0;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let worst = parent;
      if (left < heap.length && compareRanked(heap[left]!, heap[worst]!) > 0) worst = left;
      if (right < heap.length && compareRanked(heap[right]!, heap[worst]!) > 0) worst = right;
      if (worst === parent) break;
      [heap[parent], heap[worst]] = [heap[worst]!, heap[parent]!];
      parent = worst;
    }
  }

  sorted(): RankedEntry[] {
    return [...this.heap].sort(compareRanked);
  }
}

export class DirectoryIndex {
  private readonly byId = new Map<string, DirectoryEntry>();
  /** Entries in (name, id) order: tiers 3 and 2 are ranges of it. */
  private byName: DirectoryEntry[] = [];
  private readonly byAcronym = new Map<string, DirectoryEntry[]>();
  private readonly byWord = new Map<string, DirectoryEntry[]>();
  /** The distinct words, sorted: the words starting with a prefix are a range of it. */
  private words: string[] = [];
  private searches = 0;

  /** An index of these entries (sorted once: faster than adding them one by one). */
  static of(entries: DirectoryEntry[]): DirectoryIndex {
    const index = new DirectoryIndex();
    for (const entry of entries) {
      index.byId.set(entry.row.id, entry);
      index.link(entry);
    }
    index.byName = [...index.byId.values()].sort(entryByName);
    index.words = [...index.byWord.keys()].sort();
    return index;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Adds an organization, or replaces what the index holds of it. */
  put(entry: DirectoryEntry): void {
    this.remove(entry.row.id);
    this.byId.set(entry.row.id, entry);
    this.link(entry);
    this.byName.splice(lowerBound(this.byName, entry, entryByName), 0, entry);
    for (const word of entry.words) {
      const at = lowerBound(this.words, word, compareUnits);
      if (this.words[at] !== word) this.words.splice(at, 0, word);
    }
  }

  /** Forgets an organization (deleted, merged, or gone). */
  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    const at = lowerBound(this.byName, entry, entryByName);
    if (this.byName[at] === entry) this.byName.splice(at, 1);
    removeFrom(this.byAcronym.get(entry.acronym) ?? [], entry);
    // A word left with no organization stays in the word list: it matches nothing.
    for (const word of entry.words) removeFrom(this.byWord.get(word) ?? [], entry);
  }

  private link(entry: DirectoryEntry): void {
    if (entry.acronym !== '') append(this.byAcronym, entry.acronym, entry);
    for (const word of entry.words) append(this.byWord, word, entry);
  }

  /** The words starting with `prefix`, with their lists. */
  private *startingWith(prefix: string): Generator<[string, DirectoryEntry[]]> {
    for (let at = lowerBound(this.words, prefix, compareUnits); at < this.words.length && this.words[at]!.startsWith(prefix); at += 1) {
      const list = this.byWord.get(this.words[at]!);
      if (list && list.length > 0) yield [this.words[at]!, list];
    }
  }

  /**
   * One page of the ranking after `key`, at most `take` entries, in the order of search-page.ts:
   * tier 3 (name or acronym is the phrase), tier 2 (the name starts with it), tier 1 (every word,
   * or one of its corrections, is a whole word), tier 0 (every word starts a word, or a correction is one).
   */
  rank(query: RankQuery): RankedEntry[] {
    const { phrase, key, take } = query;
    const passes = filterOf(query.filters);
    const wanted = (tier: number) => !key || key.tier >= tier;
    const afterByName = (tier: number, entry: DirectoryEntry) => !key || key.tier > tier || byNameKey({ k: entry.k, id: entry.row.id }, { k: key.name, id: key.id }) > 0;
    const page: RankedEntry[] = [];

    if (wanted(3)) {
      const exact: DirectoryEntry[] = [];
      for (let at = lowerBound(this.byName, phrase, (entry, probe) => compareCodePoints(entry.k, probe)); at < this.byName.length && this.byName[at]!.k === phrase; at += 1) exact.push(this.byName[at]!);
      for (const entry of this.byAcronym.get(phrase) ?? []) if (entry.k !== phrase) exact.push(entry);
      exact.sort(entryByName);
      for (const entry of exact) {
        if (page.length === take) return page;
        if (passes(entry) && afterByName(3, entry)) page.push({ entry, tier: 3, l: 0, k: entry.k });
      }
    }
    if (wanted(2)) {
      // From the phrase, or from the cursor when it is further on.
      const start = { k: phrase, id: '' };
      const from = key?.tier === 2 && byNameKey({ k: key.name, id: key.id }, start) > 0 ? { k: key.name, id: key.id } : start;
      let at = lowerBound(this.byName, from, (entry, probe) => byNameKey({ k: entry.k, id: entry.row.id }, probe));
      for (; at < this.byName.length && this.byName[at]!.k.startsWith(phrase); at += 1) {
        const entry = this.byName[at]!;
        if (entry.k === phrase || entry.acronym === phrase || !passes(entry) || !afterByName(2, entry)) continue;
        if (page.length === take) return page;
        page.push({ entry, tier: 2, l: 0, k: entry.k });
      }
    }
    if (page.length === take || !wanted(1) && !wanted(0)) return page;

    // Tiers 1 and 0: each query word's organizations are counted in turn (the word's own, those of
    // the words it starts, those of its corrections); an organization every word reached is a match,
    // in tier 1 when every word reached it as a whole word. Least common words first.
    const terms = query.words
      .map((word) => {
        const alternatives = new Set(query.corrections.get(word) ?? []);
        const lists: Array<{ whole: boolean; list: DirectoryEntry[] }> = [];
        for (const [known, list] of this.startingWith(word)) lists.push({ whole: known === word || alternatives.has(known), list });
        for (const known of alternatives) if (!known.startsWith(word)) lists.push({ whole: true, list: this.byWord.get(known) ?? [] });
        return { lists, size: lists.reduce((sum, { list }) => sum + list.length, 0) };
      })
      .sort((a, b) => a.size - b.size);
    const search = (this.searches += 1);
    const last = terms.length - 1;
    const matches: DirectoryEntry[] = [];
    terms.forEach(({ lists }, term) => {
      for (const { whole, list } of lists) {
        for (const entry of list) {
          if (term === 0 && entry.seen !== search) {
            entry.seen = search;
            entry.prefixes = 0;
            entry.wholes = 0;
          } else if (entry.seen !== search) continue;
          if (whole && entry.wholes === term) entry.wholes = term + 1;
          if (entry.prefixes === term) {
            entry.prefixes = term + 1;
            if (term === last) matches.push(entry);
          }
        }
      }
    });
    const best = new BestOf(take - page.length);
    for (const entry of matches) {
      if (entry.k.startsWith(phrase) || entry.acronym === phrase || !passes(entry)) continue;
      const tier = entry.wholes === terms.length ? 1 : 0;
      if (!wanted(tier)) continue;
      if (key?.tier === tier && (entry.l - key.length || compareCodePoints(entry.k, key.name) || compareIds(entry.row.id, key.id)) <= 0) continue;
      best.offer({ entry, tier, l: entry.l, k: entry.k });
    }
    return [...page, ...best.sorted()];
  }
}

function filterOf(filters: DirectoryFilters): (entry: DirectoryEntry) => boolean {
  const { type, country, scope, sector } = filters;
  return (entry) =>
    (type === undefined || entry.row.type === type) &&
    (country === undefined || entry.row.country === country) &&
    (scope === undefined || entry.row.scope === scope) &&
    (sector === undefined || entry.row.sectors.includes(sector));
}
