// The directory's search index, in process memory: every organization that is not deleted, with
// the search columns the database computes for it (search_name, the words of search_bands, the
// lower-case acronym), ranked exactly as the ranking statement of search-page.ts ranks them (the
// tiers of SEARCH_TIERS, the same keys and cursors). A search then costs no database work beyond
// the check that the index is current (directory-search.ts), shared by concurrent searches.
// Every list of the index is kept in the order its tier reads (names in byte order for tiers 3 and 2,
// (length, name, id) through order numbers for tiers 1 and 0), so a page reads about as many entries
// as it shows, however common the words: what the ranking statement's indexes give it.
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
  /** The entry's place in (length, name, id) order, as a number (kept by the index, with gaps for insertions). */
  order: number;
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

/** (length, name, id): the order of tiers 1 and 0. */
const byRankKey = (a: DirectoryEntry, b: { l: number; k: string; id: string }) => a.l - b.l || compareCodePoints(a.k, b.k) || compareIds(a.row.id, b.id);
const entryByRank = (a: DirectoryEntry, b: DirectoryEntry) => byRankKey(a, { l: b.l, k: b.k, id: b.row.id });

/** The gap between consecutive order numbers after a numbering: room for that many insertions between two entries. */
const ORDER_GAP = 1024;

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

/** The order of the word lists: (length, name, id), through the order numbers. */
const byOrder = (a: DirectoryEntry, b: DirectoryEntry) => a.order - b.order;

/** Removes an item from an unordered list. */
const removeFrom = <T>(items: T[], item: T) => {
  const index = items.indexOf(item);
  if (index < 0) return;
  items[index] = items[items.length - 1]!;
  items.pop();
};

/**
 * Visits the entries of several lists sorted by order number, merged in that order, each once,
 * from the first with an order number at least `from`, until `visit` returns true.
 */
function walkInOrder(lists: DirectoryEntry[][], from: number, visit: (entry: DirectoryEntry) => boolean): void {
  const probe = { order: from } as DirectoryEntry;
  const live = lists.filter((list) => list.length > 0);
  if (live.length === 1) {
    const [list] = live as [DirectoryEntry[]];
    for (let at = lowerBound(list, probe, byOrder); at < list.length; at += 1) if (visit(list[at]!)) return;
    return;
  }
  // A heap of list positions by the order number of their next entry.
  const heap = live.map((list) => ({ list, at: lowerBound(list, probe, byOrder) })).filter((cursor) => cursor.at < cursor.list.length);
  const key = (cursor: { list: DirectoryEntry[]; at: number }) => cursor.list[cursor.at]!.order;
  const sift = (start: number) => {
    for (let parent = start; ; ) {
      const left = parent * 2 + 1;
      let least = parent;
      if (left < heap.length && key(heap[left]!) < key(heap[least]!)) least = left;
      if (left + 1 < heap.length && key(heap[left + 1]!) < key(heap[least]!)) least = left + 1;
      if (least === parent) return;
      [heap[parent], heap[least]] = [heap[least]!, heap[parent]!];
      parent = least;
    }
  };
  for (let index = (heap.length >>> 1) - 1; index >= 0; index -= 1) sift(index);
  let last: DirectoryEntry | undefined;
  while (heap.length > 0) {
    const cursor = heap[0]!;
    const entry = cursor.list[cursor.at]!;
    // An organization in several of the lists comes out of each in a row: once is enough.
    if (entry !== last && visit(entry)) return;
    last = entry;
    cursor.at += 1;
    if (cursor.at === cursor.list.length) {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
    }
    sift(0);
  }
}

export class DirectoryIndex {
  private readonly byId = new Map<string, DirectoryEntry>();
  /** Entries in (name, id) order: tiers 3 and 2 are ranges of it. */
  private byName: DirectoryEntry[] = [];
  /** Entries in (length, name, id) order, numbered in that order (DirectoryEntry.order). */
  private byRank: DirectoryEntry[] = [];
  private readonly byAcronym = new Map<string, DirectoryEntry[]>();
  private readonly byWord = new Map<string, DirectoryEntry[]>();
  /** The distinct words, sorted: the words starting with a prefix are a range of it. */
  private words: string[] = [];

  /** An index of these entries (sorted once: faster than adding them one by one). */
  static of(entries: DirectoryEntry[]): DirectoryIndex {
    const index = new DirectoryIndex();
    for (const entry of entries) index.byId.set(entry.row.id, entry);
    index.byName = [...index.byId.values()].sort(entryByName);
    index.byRank = [...index.byId.values()].sort(entryByRank);
    index.renumber();
    // In order: each entry joins the end of its word lists.
    for (const entry of index.byRank) index.link(entry);
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
    this.byName.splice(lowerBound(this.byName, entry, entryByName), 0, entry);
    const at = lowerBound(this.byRank, entry, entryByRank);
    const before = this.byRank[at - 1]?.order;
    const after = this.byRank[at]?.order;
    this.byRank.splice(at, 0, entry);
    if (before === undefined) entry.order = (after ?? ORDER_GAP) - ORDER_GAP;
    else if (after === undefined) entry.order = before + ORDER_GAP;
    else if (after - before >= 2) entry.order = Math.floor((before + after) / 2);
    else this.renumber();
    // Numbering again keeps every word list in order; the entry joins them in its place.
    this.link(entry);
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
    const place = lowerBound(this.byRank, entry, entryByRank);
    if (this.byRank[place] === entry) this.byRank.splice(place, 1);
    removeFrom(this.byAcronym.get(entry.acronym) ?? [], entry);
    // A word left with no organization stays in the word list: it matches nothing.
    for (const word of entry.words) {
      const list: DirectoryEntry[] = this.byWord.get(word) ?? [];
      const position: number = lowerBound(list, entry, byOrder);
      if (list[position] === entry) list.splice(position, 1);
    }
  }

  private renumber(): void {
    this.byRank.forEach((entry, at) => (entry.order = at * ORDER_GAP));
  }

  /** Adds a numbered entry to its acronym's list and, in order, to its words' lists. */
  private link(entry: DirectoryEntry): void {
    if (entry.acronym !== '') append(this.byAcronym, entry.acronym, entry);
    for (const word of entry.words) {
      const list = this.byWord.get(word);
      if (!list) this.byWord.set(word, [entry]);
      else if ((list.at(-1)?.order ?? Number.NEGATIVE_INFINITY) < entry.order) list.push(entry);
      else list.splice(lowerBound(list, entry, byOrder), 0, entry);
    }
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

    // Tiers 1 and 0. Every word list is in (length, name, id) order, so each tier is a walk in that
    // order over the lists of one query word (the one with the fewest organizations), stopping when
    // the page is full: tier 1 over the lists of the word itself and its corrections, tier 0 over
    // those of every word it starts; the other query words are checked on each organization's words.
    const terms = query.words.map((word) => {
      const alternatives = new Set(query.corrections.get(word) ?? []);
      const whole: DirectoryEntry[][] = [];
      const prefixed: DirectoryEntry[][] = [];
      for (const [known, list] of this.startingWith(word)) (known === word || alternatives.has(known) ? whole : prefixed).push(list);
      for (const known of alternatives) if (!known.startsWith(word)) whole.push(this.byWord.get(known) ?? []);
      const count = (lists: DirectoryEntry[][]) => lists.reduce((sum, list) => sum + list.length, 0);
      return { word, alternatives, whole, prefixed, all: [...whole, ...prefixed], wholeCount: count(whole), allCount: count(whole) + count(prefixed) };
    });
    const reaches = (entry: DirectoryEntry, term: (typeof terms)[number], asWhole: boolean) =>
      entry.words.some((known) => known === term.word || term.alternatives.has(known) || (!asWhole && known.startsWith(term.word)));
    // The cheap checks first: the filters, then the exclusion of tiers 3 and 2.
    const eligible = (entry: DirectoryEntry) => passes(entry) && !entry.k.startsWith(phrase) && entry.acronym !== phrase;
    // In the cursor's tier, the entries after it are those from the first one past it in (length, name, id) order.
    const pastKey = key ? lowerBound(this.byRank, { l: key.length, k: key.name, id: key.id }, (entry, probe) => (byRankKey(entry, probe) <= 0 ? -1 : 1)) : 0;
    const firstAfterKey = this.byRank[pastKey]?.order ?? Number.POSITIVE_INFINITY;
    const from = (tier: number) => (key?.tier === tier ? firstAfterKey : Number.NEGATIVE_INFINITY);
    const found: RankedEntry[] = [];
    const full = () => page.length + found.length === take;
    if (wanted(1) && terms.length > 0 && !full()) {
      const driver = terms.reduce((best, term) => (term.wholeCount < best.wholeCount ? term : best));
      walkInOrder(driver.whole, from(1), (entry) => {
        if (eligible(entry) && terms.every((term) => term === driver || reaches(entry, term, true))) found.push({ entry, tier: 1, l: entry.l, k: entry.k });
        return full();
      });
    }
    if (wanted(0) && terms.length > 0 && !full()) {
      // With one query word, an organization its whole lists reach is in tier 1: only the longer words' lists are walked.
      const driver = terms.reduce((best, term) => (term.allCount < best.allCount ? term : best));
      walkInOrder(terms.length === 1 ? driver.prefixed : driver.all, from(0), (entry) => {
        // Every word reaches it, one of them only as the start of a word (else it is in tier 1).
        if (eligible(entry) && terms.every((term) => reaches(entry, term, false)) && !terms.every((term) => reaches(entry, term, true))) {
          found.push({ entry, tier: 0, l: entry.l, k: entry.k });
        }
        return full();
      });
    }
    return [...page, ...found];
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
