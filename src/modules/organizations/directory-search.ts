// Keeps the directory's in-process search index (directory-index.ts) what the database holds, for
// this server process. The index is built on the first search; before every search it reads the
// audit trail for organizations changed since (AuditFollower) and reloads those, so a search sees
// every change committed before it was asked, whichever process made it. Searches that arrive while
// the trail is being read share the next reading (one query for all of them). A bulk IATI import,
// which leaves one trail row for everything it wrote, makes the index be built again.
//
// The database answers instead (searchOrganizations) inside a transaction (it may have written
// what could still roll back), for filters the index does not hold (deleted organizations,
// relationships), and while the index cannot be built because writers are in progress.
import type { Database } from '../../db/client.js';
import { AuditFollower } from '../../db/audit-follower.js';
import { inTransaction, rawQuery } from '../../db/raw-query.js';
import { DirectoryIndex, type DirectoryEntry, type DirectoryFilters } from './directory-index.js';
import { isKnownWordCandidate, KnownWords } from './word-corrections.js';
import { WORD_CORRECTION_THRESHOLD } from './search.js';
import { searchDirectoryIndex, type OrganizationSummaryRow } from './search-page.js';

type EntryRow = {
  id: string;
  deleted: boolean;
  name: string;
  acronym: string | null;
  identifier: string | null;
  type: string | null;
  country: string | null;
  scope: OrganizationSummaryRow['scope'];
  sectors: string[];
  k: string;
  l: number;
  a: string;
  words: string[];
};

// What the index holds of each organization; the search columns as stored.
const entriesText = (where: string) => `select id, deleted_at is not null as deleted, name, acronym, identifier, type, country, scope, sectors, search_name as k,
  length(search_name) as l, lower(coalesce(acronym, '')) as a,
  array(select word from unnest(tsvector_to_array(search_bands)) as word where left(word, 1) <> '#') as words
  from organizations where ${where}`;

type WordRow = { word: string; trigrams: string[] };
/** The known words with their trigrams as pg_trgm makes them; the threshold of its % operator. */
const knownWordsText = `select word, show_trgm(word) as trigrams from registry_search_words`;
const newWordsText = `select word, show_trgm(word) as trigrams from unnest($1::text[]) as word`;
/** A text folded as the search columns are. */
const foldText = 'select lower(public.registry_unaccent($1::text)) as folded';
const thresholdText = `select coalesce(nullif(current_setting('pg_trgm.similarity_threshold', true), ''), '0.3')::float8 as threshold`;

const toEntry = (row: EntryRow): DirectoryEntry => ({
  row: { id: row.id, name: row.name, acronym: row.acronym, identifier: row.identifier, type: row.type, country: row.country, scope: row.scope, sectors: row.sectors, deletedAt: null },
  k: row.k,
  l: Number(row.l),
  acronym: row.a,
  words: row.words,
  order: 0,
});

/** Printable ASCII: folded by lower-casing alone, when the database agrees (checked at each build). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_SAMPLE = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)).join('');
const MAX_NORMALIZED = 10_000;
/** After a build refused because writers were in progress, the database answers for this long. */
const RETRY_BUILD_MS = 1_000;
/** After a build refused because the directory is larger than allowed, the database answers for this long. */
const RETRY_LARGE_MS = 10 * 60_000;

/** The in-process copy of the directory: its organizations, and the known words to correct misspellings. */
export type DirectoryCopy = { index: DirectoryIndex; words: KnownWords };

export class DirectorySearch {
  private copy: DirectoryCopy | null = null;
  /** At most this many organizations in memory (0: none; the database answers every search). */
  private readonly maxOrganizations: number;
  private readonly follower = new AuditFollower(['organizations', 'iati_imports']);
  private retryBuildAt = 0;
  private asciiFolds = false;
  /** Texts folded by the database (non-ASCII), most recent last. */
  private readonly normalized = new Map<string, string>();
  private tail: Promise<unknown> = Promise.resolve();
  private next: Promise<DirectoryCopy | null> | null = null;
  /** Counters for tests and benchmarks. */
  readonly stats = { builds: 0, looks: 0, reloaded: 0 };

  constructor(options: { maxOrganizations?: number } = {}) {
    this.maxOrganizations = options.maxOrganizations ?? Number.POSITIVE_INFINITY;
  }

  /**
   * The index, brought up to date by a reading of the trail that started after this call; null
   * when the database must answer (in a transaction, or while the index cannot be built).
   */
  current(db: Database): Promise<DirectoryCopy | null> {
    if (inTransaction(db) || this.maxOrganizations === 0) return Promise.resolve(null);
    // A reading not started yet starts after this call: join it.
    if (this.next) return this.next;
    const run = this.tail.then(() => {
      this.next = null;
      return this.refresh(db);
    });
    this.next = run;
    this.tail = run.catch(() => {});
    return run;
  }

  /**
   * One page of the directory search (search-page.ts) answered in process, for organizations that
   * are not deleted; null when the database must answer.
   */
  async search(db: Database, options: { q: string; filters: DirectoryFilters; limit: number; cursor?: string }) {
    const copy = await this.current(db);
    return copy && searchDirectoryIndex(db, copy, (text) => this.normalize(db, text), options);
  }

  /** Folds a text as the database folds names (lower(registry_unaccent(...))). */
  async normalize(db: Database, text: string): Promise<string> {
    if (this.asciiFolds && PRINTABLE_ASCII.test(text)) return text.toLowerCase();
    const known = this.normalized.get(text);
    if (known !== undefined) {
      this.normalized.delete(text);
      this.normalized.set(text, known);
      return known;
    }
    const [row] = await rawQuery(db)<{ folded: string }>(foldText, [text]);
    this.normalized.set(text, row!.folded);
    if (this.normalized.size > MAX_NORMALIZED) this.normalized.delete(this.normalized.keys().next().value!);
    return row!.folded;
  }

  private async refresh(db: Database): Promise<DirectoryCopy | null> {
    if (!this.copy) return this.build(db);
    const { changes, restarted, done } = await this.follower.look(db);
    this.stats.looks += 1;
    if (restarted || changes.some((change) => change.table === 'iati_imports')) return this.build(db);
    const ids = [...new Set(changes.map((change) => change.recordId))];
    if (ids.length > 0) {
      const query = rawQuery(db);
      // Read after the trail: at least as new as the changes it reported.
      const rows = await query<EntryRow>(entriesText('id = any($1::uuid[])'), [ids]);
      // The known words grow with every organization written, deleted ones included (migration registry_search_words).
      const fresh = [...new Set(rows.flatMap((row) => row.words))].filter((word) => isKnownWordCandidate(word) && !this.copy!.words.has(word));
      const words = fresh.length > 0 ? await query<WordRow>(newWordsText, [fresh]) : [];
      const { index } = this.copy;
      for (const { word, trigrams } of words) this.copy.words.add(word, trigrams);
      const present = new Set(rows.filter((row) => !row.deleted).map((row) => row.id));
      for (const id of ids) if (!present.has(id)) index.remove(id);
      for (const row of rows) if (!row.deleted) index.put(toEntry(row));
      this.stats.reloaded += ids.length;
    }
    done();
    return this.copy;
  }

  private async build(db: Database): Promise<DirectoryCopy | null> {
    this.copy = null;
    if (Date.now() < this.retryBuildAt) return null;
    // The trail position first: whatever changes after it is read again by the next look.
    if (!(await this.follower.start(db))) {
      this.retryBuildAt = Date.now() + RETRY_BUILD_MS;
      return null;
    }
    const query = rawQuery(db);
    const [size] = await query<{ count: number }>('select count(*)::int as count from organizations where deleted_at is null');
    if (size!.count > this.maxOrganizations) {
      this.retryBuildAt = Date.now() + RETRY_LARGE_MS;
      return null;
    }
    const [fold] = await query<{ folded: string }>(foldText, [ASCII_SAMPLE]);
    this.asciiFolds = fold!.folded === ASCII_SAMPLE.toLowerCase();
    const [setting] = await query<{ threshold: number }>(thresholdText);
    const words = KnownWords.of(await query<WordRow>(knownWordsText), Math.max(WORD_CORRECTION_THRESHOLD, Number(setting!.threshold)));
    const rows = await query<EntryRow>(entriesText('deleted_at is null'));
    this.copy = { index: DirectoryIndex.of(rows.map(toEntry)), words };
    this.stats.builds += 1;
    return this.copy;
  }
}
