import crypto from 'node:crypto';
import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import type { Database } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { runAsActor } from '../../db/transaction-scope.js';
import type { Actor } from '../../lib/actor.js';
import { buildApp } from '../../server/app.js';
import { importIati } from '../iati/import-iati.js';
import { DirectorySearch } from './directory-search.js';
import { listOrganizations } from './list-organizations.js';

// The directory's in-process index must answer every search as the database would at that
// moment: a change committed before a search is in its answer, whichever server process made it,
// and nothing uncommitted ever is. Each test searches first (so the index is built and the change
// has to come through the audit trail), changes something, and checks the very next search. The
// counters of the app's own DirectorySearch (caught as it is called) show the index answered.

let t: TestApp;
/** A second server process on the same database. */
let other: FastifyInstance;
let admin: Session;
let member: Session;
let outsider: Session;
let memberActor: Actor;

/** The DirectorySearch of each current() call, in call order (the apps' own instances included). */
const used: DirectorySearch[] = [];
const originalCurrent = DirectorySearch.prototype.current;

beforeAll(async () => {
  vi.spyOn(DirectorySearch.prototype, 'current').mockImplementation(function (this: DirectorySearch, db: Database) {
    used.push(this);
    return originalCurrent.call(this, db);
  });
  t = await createTestApp();
  other = await buildApp({ config: t.config, database: t.database, logger: false });
  await other.ready();
  const db = t.database.db;
  admin = await login(t.app, (await buildUser(db, { isInstanceAdmin: true })).email, TEST_PASSWORD);
  const memberUser = await buildUser(db, { role: 'org-admin' });
  member = await login(t.app, memberUser.email, TEST_PASSWORD);
  memberActor = { userId: memberUser.id, organizationId: memberUser.organizationId, email: memberUser.email, name: 'Member', role: 'org-admin', isInstanceAdmin: false, language: null, via: 'session' };
  outsider = await login(t.app, (await buildUser(db)).email, TEST_PASSWORD);
});
afterAll(async () => {
  await other?.close();
  await t?.close();
  vi.restoreAllMocks();
});

/** A made-up word no other name shares, nor resembles (letters only, so it is one search word). */
function word(): string {
  const bytes = crypto.randomBytes(8);
  const consonants = 'bcdfghjklmnpqrstvwxz';
  const vowels = 'aeiouy';
  const letters = Array.from(bytes, (byte, index) => (index % 2 === 0 ? consonants[byte % consonants.length] : vowels[byte % vowels.length]));
  return `${letters[0]!.toUpperCase()}${letters.slice(1).join('')}`;
}

type Summary = { id: string; name: string; deletedAt: string | null };
type Saved = Summary & { version: number; otherNames: string[] };

/** One search through the API: the ids found, and the DirectorySearch that answered (undefined: not asked). */
async function search(app: FastifyInstance, session: Session, q: string, extra = ''): Promise<{ items: Summary[]; ids: string[]; directory: DirectorySearch | undefined }> {
  const calls = used.length;
  const response = await app.inject({ method: 'GET', url: `/api/organizations?limit=100&q=${encodeURIComponent(q)}${extra}`, headers: session.headers() });
  expect(response.statusCode, response.body).toBe(200);
  const items = (response.json() as { items: Summary[] }).items;
  return { items, ids: items.map((item) => item.id), directory: used.length > calls ? used.at(-1) : undefined };
}

const directories = new Map<FastifyInstance, DirectorySearch>();

/** The app's own DirectorySearch, its index built by a first search (made once per app). */
async function directoryOf(app: FastifyInstance): Promise<DirectorySearch> {
  const known = directories.get(app);
  if (known) return known;
  const { directory } = await search(app, member, word());
  expect(directory).toBeDefined();
  expect(directory!.stats.builds).toBe(1);
  directories.set(app, directory!);
  return directory!;
}

/** Runs a search and checks it was answered by the index brought up to date (no build, one more look). */
async function searchByIndex(app: FastifyInstance, q: string) {
  const directory = await directoryOf(app);
  const before = { ...directory.stats };
  const result = await search(app, member, q);
  expect(result.directory).toBe(directory);
  expect(directory.stats.builds).toBe(before.builds);
  expect(directory.stats.looks).toBe(before.looks + 1);
  return { ...result, reloaded: directory.stats.reloaded - before.reloaded };
}

/** The ids a search finds through listOrganizations with this DirectorySearch (a process of its own). */
async function idsFrom(directory: DirectorySearch, q: string): Promise<string[]> {
  const page = (await listOrganizations(t.database.db, { actor: memberActor, query: { q, limit: 100 }, directory })) as { items: Summary[] };
  return page.items.map((item) => item.id);
}

async function create(app: FastifyInstance, session: Session, body: Record<string, unknown>): Promise<Saved> {
  const response = await app.inject({ method: 'POST', url: '/api/organizations', headers: session.headers(), payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Saved;
}

async function update(app: FastifyInstance, session: Session, saved: Saved, body: Record<string, unknown>): Promise<Saved> {
  const response = await app.inject({ method: 'PATCH', url: `/api/organizations/${saved.id}`, headers: session.headers(), payload: { ...body, version: saved.version } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Saved;
}

describe('the directory search, kept current through the audit trail', () => {
  it('finds a created organization with the very next search', async () => {
    await directoryOf(t.app);
    const name = word();
    const saved = await create(t.app, member, { name: `${name} Alliance`, country: 'KE' });
    const found = await searchByIndex(t.app, name);
    expect(found.ids).toEqual([saved.id]);
    expect(found.reloaded).toBeGreaterThanOrEqual(1);
  });

  it('finds a renamed organization by its new name, and no longer by its old one', async () => {
    const [oldName, newName] = [word(), word()];
    const saved = await create(t.app, member, { name: `${oldName} Trust` });
    expect((await searchByIndex(t.app, oldName)).ids).toEqual([saved.id]);
    await update(t.app, member, saved, { name: `${newName} Trust` });
    expect((await searchByIndex(t.app, newName)).ids).toEqual([saved.id]);
    expect((await searchByIndex(t.app, oldName)).ids).toEqual([]);
    // The other columns the index holds follow too (the filters answered from it).
    expect((await search(t.app, member, newName, '&country=ML')).ids).toEqual([]);
    const moved = (await t.database.db.select().from(organizations).where(eq(organizations.id, saved.id)))[0]!;
    await update(t.app, member, { ...saved, version: moved.version }, { country: 'ML' });
    expect((await search(t.app, member, newName, '&country=ML')).ids).toEqual([saved.id]);
  });

  it('drops a deleted organization; the database still lists it with deleted=true for those allowed, and a restore brings it back', async () => {
    const name = word();
    const saved = await create(t.app, member, { name: `${name} Foundation` });
    expect((await searchByIndex(t.app, name)).ids).toEqual([saved.id]);
    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/organizations/${saved.id}?version=${saved.version}`, headers: member.headers() });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await searchByIndex(t.app, name)).ids).toEqual([]);

    for (const allowed of [admin, member]) {
      const listed = await search(t.app, allowed, name, '&deleted=true');
      expect(listed.ids).toEqual([saved.id]);
      expect(listed.items[0]!.deletedAt).not.toBeNull();
      // Answered by the database: the index holds no deleted organizations.
      expect(listed.directory).toBeUndefined();
    }
    expect((await search(t.app, outsider, name, '&deleted=true')).ids).toEqual([]);

    const version = (deleted.json() as Saved).version;
    const restored = await t.app.inject({ method: 'POST', url: `/api/organizations/${saved.id}/restore`, headers: member.headers(), payload: { version } });
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await searchByIndex(t.app, name)).ids).toEqual([saved.id]);
  });

  it('drops a merged organization; the survivor is found by the merged one’s name', async () => {
    const [mergedName, survivorName] = [word(), word()];
    const merged = await create(t.app, admin, { name: `${mergedName} Network` });
    const survivor = await create(t.app, admin, { name: `${survivorName} Network` });
    expect((await searchByIndex(t.app, mergedName)).ids).toEqual([merged.id]);
    const response = await t.app.inject({ method: 'POST', url: `/api/organizations/${merged.id}/merge`, headers: admin.headers(), payload: { into: survivor.id } });
    expect(response.statusCode, response.body).toBe(200);
    const after = await searchByIndex(t.app, mergedName);
    expect(after.ids).not.toContain(merged.id);
    expect(after.ids).toEqual([survivor.id]);
  });

  it('finds an organization by another name once added, and no longer once removed', async () => {
    const [name, alias] = [word(), word()];
    const saved = await create(t.app, member, { name: `${name} Cooperative` });
    expect((await searchByIndex(t.app, alias)).ids).toEqual([]);
    const withAlias = await update(t.app, member, saved, { otherNames: [`${alias} Coop`] });
    expect((await searchByIndex(t.app, alias)).ids).toEqual([saved.id]);
    await update(t.app, member, withAlias, { otherNames: [] });
    expect((await searchByIndex(t.app, alias)).ids).toEqual([]);
    expect((await searchByIndex(t.app, name)).ids).toEqual([saved.id]);
  });

  it('sees a change made through another server process (or straight in the database) with its next search', async () => {
    const mine = await directoryOf(t.app);
    const theirs = await directoryOf(other);
    expect(theirs).not.toBe(mine);
    const direct = new DirectorySearch();
    const viaDirect = (q: string) => idsFrom(direct, q);
    const [first, second, third] = [word(), word(), word()];
    expect(await viaDirect(first)).toEqual([]);
    expect(direct.stats.builds).toBe(1);

    const saved = await create(other, member, { name: `${first} Initiative` });
    expect((await searchByIndex(t.app, first)).ids).toEqual([saved.id]);
    expect(await viaDirect(first)).toEqual([saved.id]);

    const renamed = await update(t.app, member, saved, { name: `${second} Initiative` });
    expect((await searchByIndex(other, second)).ids).toEqual([saved.id]);
    expect((await searchByIndex(other, first)).ids).toEqual([]);
    expect(await viaDirect(second)).toEqual([saved.id]);

    await t.database.db.update(organizations).set({ name: `${third} Initiative` }).where(eq(organizations.id, renamed.id));
    for (const app of [t.app, other]) expect((await searchByIndex(app, third)).ids).toEqual([saved.id]);
    expect(await viaDirect(third)).toEqual([saved.id]);
    expect(await viaDirect(second)).toEqual([]);
    expect(direct.stats.builds).toBe(1);
    expect(mine.stats.builds).toBe(1);
    expect(theirs.stats.builds).toBe(1);
  });
});

describe('the directory search inside a transaction', () => {
  it('gives no index inside a transaction: the database answers', async () => {
    const directory = new DirectorySearch();
    expect(await directory.current(t.database.db)).not.toBeNull();
    const before = { ...directory.stats };
    await t.database.db.transaction(async (tx) => {
      expect(await directory.current(tx as unknown as Database)).toBeNull();
      await tx.transaction(async (nested) => expect(await directory.current(nested as unknown as Database)).toBeNull());
    });
    // Inside a request's transaction, app.db is that transaction.
    await runAsActor(t.database.db, null, async () => expect(await directory.current(t.app.db)).toBeNull());
    expect(directory.stats).toEqual(before);
  });

  it('searches inside a request transaction from the database, with its own writes, and keeps nothing of them after a rollback', async () => {
    const directory = new DirectorySearch();
    const name = word();
    const query = { q: name, limit: 25 };
    expect(await idsFrom(directory, name)).toEqual([]);
    const before = { ...directory.stats };
    const inside = await runAsActor(
      t.database.db,
      memberActor.userId,
      async () => {
        const written = await buildOrganization(t.app.db, { name: `${name} Uncommitted` });
        const page = (await listOrganizations(t.app.db, { actor: memberActor, query, directory })) as { items: Summary[] };
        return { id: written.id, ids: page.items.map((item) => item.id) };
      },
      () => false,
    );
    expect(inside.ids).toEqual([inside.id]);
    expect(directory.stats).toEqual(before);
    // Rolled back: neither this index nor the app's shows it.
    expect(await idsFrom(directory, name)).toEqual([]);
    expect(directory.stats.looks).toBe(before.looks + 1);
    expect((await searchByIndex(t.app, name)).ids).toEqual([]);

    // Committed: found at once.
    const committed = await runAsActor(t.database.db, memberActor.userId, async () => buildOrganization(t.app.db, { name: `${name} Committed` }));
    expect(await idsFrom(directory, name)).toEqual([committed.id]);
    expect((await searchByIndex(t.app, name)).ids).toEqual([committed.id]);
  });
});

describe('the directory search while another transaction of this process is open', () => {
  /** Opens a transaction that writes an organization and waits; `end(commit)` ends it. */
  async function openWriter(name: string) {
    let release: (commit: boolean) => void = () => {};
    const gate = new Promise<boolean>((resolve) => (release = resolve));
    let written: (id: string) => void = () => {};
    const id = new Promise<string>((resolve) => (written = resolve));
    const ended = t.database.db
      .transaction(async (tx) => {
        written((await buildOrganization(tx as unknown as Database, { name })).id);
        if (!(await gate)) tx.rollback();
      })
      .catch(() => undefined);
    return { id: await id, end: async (commit: boolean) => (release(commit), ended) };
  }

  // On PGlite (one connection) a search waits for the transaction; on PostgreSQL it runs beside
  // it. Either way it must not show the write before the commit, nor keep it after a rollback.
  /** A fresh index that has searched for a new name, a transaction writing that name, and a search started beside it. */
  async function searchBesideWriter() {
    const directory = new DirectorySearch();
    const name = word();
    const find = () => idsFrom(directory, name);
    expect(await find()).toEqual([]);
    const writer = await openWriter(name);
    return { directory, name, find, writer, during: find() };
  }

  it('never keeps a write that is rolled back, whether the search ran beside the transaction or after it', async () => {
    const { directory, name, find, writer, during } = await searchBesideWriter();
    const viaApp = search(t.app, member, name);
    await writer.end(false);
    expect(await during).toEqual([]);
    expect((await viaApp).ids).toEqual([]);
    expect(await find()).toEqual([]);
    expect((await searchByIndex(t.app, name)).ids).toEqual([]);
    expect(directory.stats.builds).toBe(1);
  });

  it('shows a write once its transaction has committed', async () => {
    const { directory, name, find, writer, during } = await searchBesideWriter();
    await writer.end(true);
    // Before the commit (PostgreSQL) or after it (PGlite, where the search waited).
    expect([[], [writer.id]]).toContainEqual(await during);
    expect(await find()).toEqual([writer.id]);
    expect((await searchByIndex(t.app, name)).ids).toEqual([writer.id]);
    expect(directory.stats.builds).toBe(1);
  });
});

/** A connection of its own to the test database (another process's transaction). */
async function connect(): Promise<pg.Client> {
  const [row] = await t.database.query<{ name: string }>('select current_database() as name');
  const url = new URL((process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL)!);
  url.pathname = `/${row!.name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}

describe.runIf(Boolean(process.env.DATABASE_URL))('the directory search and concurrent transactions (PostgreSQL)', () => {
  // The uncommitted names are words of their own: a new search word is added to
  // registry_search_words under a unique key, so another writer of the same new word would wait.
  it('never shows what another transaction has not committed, and shows it after the commit', async () => {
    const client = await connect();
    try {
      const [pending, meanwhile, renamed] = [word(), word(), word()];
      await directoryOf(t.app);
      await client.query('begin');
      const { rows } = await client.query<{ id: string }>(`insert into organizations (name) values ($1) returning id`, [pending]);
      const id = rows[0]!.id;
      // A later transaction commits a change with a higher audit id meanwhile.
      const committed = await buildOrganization(t.database.db, { name: meanwhile });
      expect((await searchByIndex(t.app, meanwhile)).ids).toEqual([committed.id]);
      expect((await searchByIndex(t.app, pending)).ids).toEqual([]);
      expect((await searchByIndex(t.app, pending)).ids).toEqual([]);
      await client.query('commit');
      expect((await searchByIndex(t.app, pending)).ids).toEqual([id]);

      await client.query('begin');
      await client.query(`update organizations set name = $2 where id = $1`, [id, renamed]);
      expect((await searchByIndex(t.app, renamed)).ids).toEqual([]);
      expect((await searchByIndex(t.app, pending)).ids).toEqual([id]);
      await client.query('rollback');
      expect((await searchByIndex(t.app, pending)).ids).toEqual([id]);
      expect((await searchByIndex(t.app, renamed)).ids).toEqual([]);
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
  });

  it('lets the database answer while the index cannot be built because a writer is in progress', async () => {
    const client = await connect();
    try {
      const [name, pending] = [word(), word()];
      const committed = await buildOrganization(t.database.db, { name });
      await client.query('begin');
      await client.query(`insert into organizations (name) values ($1)`, [pending]);
      const directory = new DirectorySearch();
      const find = (q: string) => idsFrom(directory, q);
      expect(await find(name)).toEqual([committed.id]);
      expect(await find(pending)).toEqual([]);
      expect(directory.stats.builds).toBe(0);
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
  });
});

const activityXml = (id: string, orgName: string) => `
  <iati-activity last-updated-datetime="2021-01-01T00:00:00Z" default-currency="EUR" xml:lang="en">
    <iati-identifier>${id}</iati-identifier>
    <reporting-org ref="XM-TEST-1" type="21"><narrative>Test Publisher</narrative></reporting-org>
    <title><narrative>Directory test</narrative></title>
    <participating-org role="1" ref="XM-DONOR-9" type="10"><narrative>Donor Agency</narrative></participating-org>
    <participating-org role="4" type="22"><narrative>${orgName}</narrative></participating-org>
    <activity-status code="2"/>
    <activity-date type="2" iso-date="2020-01-01"/>
    <recipient-country code="KE"/>
  </iati-activity>`;

describe('the directory search after a bulk IATI import', () => {
  it('finds the organizations the import created with the next search (the index is built again)', async () => {
    const mine = await directoryOf(t.app);
    const direct = new DirectorySearch();
    const viaDirect = (q: string) => idsFrom(direct, q);
    const [first, second] = [word(), word()];
    expect(await viaDirect(first)).toEqual([]);
    const before = { app: mine.stats.builds, direct: direct.stats.builds };
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">${activityXml(`XM-TEST-1-${first}`, `${first} Partner`)}${activityXml(`XM-TEST-1-${second}`, `${second} Partner`)}\n</iati-activities>\n`;
    const bytes = Buffer.from(xml);
    const { summary } = await importIati(t.database.db, { source: { bytes: Readable.from([bytes]) }, fileName: 'directory.xml', sizeBytes: bytes.length, origin: 'cli' });
    expect(summary.organizations.created).toBeGreaterThanOrEqual(2);
    const created = await t.database.query<{ id: string; name: string }>(`select id, name from organizations where name in ($1, $2) order by name`, [`${first} Partner`, `${second} Partner`]);
    expect(created).toHaveLength(2);
    const idOf = (name: string) => created.find((row) => row.name === `${name} Partner`)!.id;

    expect(await viaDirect(first)).toEqual([idOf(first)]);
    expect(direct.stats.builds).toBe(before.direct + 1);
    const found = await search(t.app, member, second);
    expect(found.directory).toBe(mine);
    expect(found.ids).toEqual([idOf(second)]);
    expect(mine.stats.builds).toBe(before.app + 1);
    // Built once: later searches follow the trail again.
    expect(await viaDirect(second)).toEqual([idOf(second)]);
    expect(direct.stats.builds).toBe(before.direct + 1);
  });
});

describe('DirectorySearch.normalize', () => {
  it('folds as the database does (lower(registry_unaccent(...))), ASCII and beyond', async () => {
    const directory = new DirectorySearch();
    // Built: the ASCII shortcut is on when the database agrees with it.
    expect(await directory.current(t.database.db)).not.toBeNull();
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index));
    const special = ['Médecins', 'Łódź', 'Straße', 'Æther', 'ÉCOLE', 'İstanbul', 'ISTANBUL ı', 'Œuvre', 'Ørsted', 'ÑANDÚ', 'Zoë', 'Ⅻ', '𝒜lpha', 'Santé 😀 Plus', '😀', 'ﬁ', 'Ǆ', 'ＡＢＣ'];
    const texts = [...ascii, ascii.join(''), 'Médecins du Monde (MdM) 2024', ...special];
    for (const text of texts) {
      const [row] = await t.database.query<{ folded: string }>('select lower(public.registry_unaccent($1::text)) as folded', [text]);
      expect(await directory.normalize(t.database.db, text), JSON.stringify(text)).toBe(row!.folded);
      // Again, from what it remembers.
      expect(await directory.normalize(t.database.db, text), JSON.stringify(text)).toBe(row!.folded);
    }
  });
});

describe('concurrent searches', () => {
  it('share readings of the trail, and all answer right', async () => {
    const directory = await directoryOf(t.app);
    const name = word();
    const saved = await create(t.app, member, { name: `${name} Consortium` });
    const before = directory.stats.looks;
    const count = 20;
    const answers = await Promise.all(Array.from({ length: count }, () => search(t.app, member, name)));
    for (const answer of answers) {
      expect(answer.ids).toEqual([saved.id]);
      expect(answer.directory).toBe(directory);
    }
    expect(directory.stats.looks - before).toBeGreaterThan(0);
    expect(directory.stats.looks - before).toBeLessThan(count);

    // Straight calls arriving together share a single reading.
    const direct = new DirectorySearch();
    await direct.current(t.database.db);
    const renamed = word();
    await t.database.db.update(organizations).set({ name: `${renamed} Consortium` }).where(eq(organizations.id, saved.id));
    const looks = direct.stats.looks;
    const pages = await Promise.all(Array.from({ length: count }, () => idsFrom(direct, renamed)));
    for (const ids of pages) expect(ids).toEqual([saved.id]);
    expect(direct.stats.looks - looks).toBe(1);
  });
});
