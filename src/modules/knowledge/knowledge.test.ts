import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp, login, type Session, type TestApp } from '../../../test/support/app.js';
import { buildOrganization, buildProgramme, buildUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { knowledgeArticles, knowledgeArticleVersions, users } from '../../db/schema/index.js';
import { readShippedArticles, syncShippedArticles } from './shipped-articles.js';
import { fillTemplate, placeholdersOf } from './fill-template.js';
import { renderMarkdown } from './render-markdown.js';
import { parseFrontMatter } from './front-matter.js';

let t: TestApp;
let alpha: Session;
let beta: Session;
let alphaOrganizationId: string;
let betaOrganizationId: string;

type Summary = { id: string; slug: string; kind: string; title: string; language: string; shipped: boolean; versionNumber: number; author: { name: string } };

beforeAll(async () => {
  t = await createTestApp();
  await syncShippedArticles(t.database.db);
  alphaOrganizationId = (await buildOrganization(t.database.db, { name: 'Alpha Aid' })).id;
  betaOrganizationId = (await buildOrganization(t.database.db, { name: 'Beta Relief' })).id;
  const alphaUser = await buildUser(t.database.db, { organizationId: alphaOrganizationId });
  const betaUser = await buildUser(t.database.db, { organizationId: betaOrganizationId });
  await t.database.db.update(users).set({ language: 'fr' }).where(eq(users.id, betaUser.id));
  alpha = await login(t.app, alphaUser.email, TEST_PASSWORD);
  beta = await login(t.app, betaUser.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());

async function search(session: Session, query: string, extra = ''): Promise<Summary[]> {
  const response = await t.app.inject({ method: 'GET', url: `/api/knowledge/articles?limit=100&q=${encodeURIComponent(query)}${extra}`, headers: session.headers() });
  expect(response.statusCode).toBe(200);
  return (response.json() as { items: Summary[] }).items;
}

describe('shipped articles', () => {
  it('loads every shipped article and template as version 1 by Consortia, and a second run changes nothing', async () => {
    const shipped = readShippedArticles();
    expect(shipped.filter((article) => article.kind === 'article')).toHaveLength(13);
    expect(shipped.filter((article) => article.kind === 'document-template')).toHaveLength(4);
    const again = await syncShippedArticles(t.database.db);
    expect(again).toEqual({ created: 0, updated: 0 });
    const [articles] = await t.database.db.select({ n: count() }).from(knowledgeArticles);
    const [versions] = await t.database.db.select({ n: count() }).from(knowledgeArticleVersions);
    expect(Number(articles!.n)).toBe(17);
    expect(Number(versions!.n)).toBe(34);
    const list = await search(alpha, '');
    expect(list.every((item) => item.versionNumber === 1 && item.author.name === 'Consortia' && item.shipped)).toBe(true);
  });

  it('adds a version when a shipped text changes, keeping the first', async () => {
    const shipped = readShippedArticles().filter((article) => article.slug === 'vendors-as-partners');
    shipped[0]!.texts.en!.summary = 'A new summary.';
    expect(await syncShippedArticles(t.database.db, shipped)).toEqual({ created: 0, updated: 1 });
    const [article] = await search(alpha, 'vendors as partners');
    expect(article).toMatchObject({ slug: 'vendors-as-partners', versionNumber: 2 });
    const history = await t.app.inject({ method: 'GET', url: `/api/knowledge/articles/${article!.id}/versions`, headers: alpha.headers() });
    expect((history.json() as { items: Array<{ language: string; number: number }> }).items.filter((v) => v.language === 'en').map((v) => v.number)).toEqual([2, 1]);
    await syncShippedArticles(t.database.db); // back to the file's text, as version 3
  });
});

describe('search', () => {
  it('ignores accents and case, and matches word prefixes', async () => {
    const withoutAccent = await search(alpha, 'reseaux', '&language=fr');
    expect(withoutAccent.map((item) => item.slug)).toContain('associations-networks-and-competitors');
    const prefix = await search(alpha, 'COMPETIT');
    expect(prefix[0]?.slug).toBe('associations-networks-and-competitors');
    const frenchPrefix = await search(alpha, 'réput', '&language=fr');
    expect(frenchPrefix.map((item) => item.slug)).toContain('partnering-and-reputation');
    expect(frenchPrefix.find((item) => item.slug === 'partnering-and-reputation')!.language).toBe('fr');
  });

  it('finds a title spelled slightly wrong, and nothing for words no article has', async () => {
    expect((await search(alpha, 'vendros as partners')).map((item) => item.slug)).toContain('vendors-as-partners');
    expect(await search(alpha, 'xylophone zeppelin')).toEqual([]);
  });

  it("shows the reader's language and falls back to English", async () => {
    const french = await search(beta, 'choisir');
    expect(french[0]).toMatchObject({ slug: 'choosing-partners', language: 'fr' });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/knowledge/articles',
      headers: alpha.headers(),
      payload: { category: 'good-practice', title: 'Quarterly joint field visits', body: 'We visit together every quarter.', visibility: 'instance' },
    });
    expect(created.statusCode).toBe(201);
    const read = await t.app.inject({ method: 'GET', url: `/api/knowledge/articles/${created.json().id}`, headers: beta.headers() });
    expect(read.json()).toMatchObject({ language: 'en', title: 'Quarterly joint field visits', canEdit: false });
  });
});

describe("organizations' own articles", () => {
  it('keeps a private article from every other organization, in lists, search, reading, history and download', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/knowledge/articles',
      headers: alpha.headers(),
      payload: { category: 'guideline', title: 'Our confidential partner exit checklist', body: 'Zanzibarian steps only we know.', tags: ['exit'] },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await search(alpha, 'zanzibarian')).map((item) => item.id)).toEqual([id]);
    expect(await search(beta, 'zanzibarian')).toEqual([]);
    expect(await search(beta, 'confidential partner exit')).toEqual([]);
    for (const url of [`/api/knowledge/articles/${id}`, `/api/knowledge/articles/${id}/versions`, `/api/knowledge/articles/${id}/versions/en/1`, `/api/knowledge/articles/${id}/download`]) {
      const response = await t.app.inject({ method: 'GET', url, headers: beta.headers() });
      expect(response.statusCode, url).toBe(404);
    }
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/knowledge/articles/${id}`, headers: beta.headers(), payload: { version: 1, language: 'en', title: 'Taken' } });
    expect(edit.statusCode).toBe(404);
  });

  it('keeps versions with their authors; others may read a shared article but not change it', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/knowledge/articles', headers: alpha.headers(), payload: { category: 'guideline', title: 'Steering rotation', body: 'First text.' } });
    const id = created.json().id as string;
    const updated = await t.app.inject({ method: 'PATCH', url: `/api/knowledge/articles/${id}`, headers: alpha.headers(), payload: { version: 1, language: 'en', body: 'Second text.', visibility: 'instance' } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ versionNumber: 2, body: 'Second text.', visibility: 'instance', version: 2 });
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/knowledge/articles/${id}`, headers: alpha.headers(), payload: { version: 1, language: 'en', body: 'Third.' } });
    expect(stale.statusCode).toBe(409);
    const first = await t.app.inject({ method: 'GET', url: `/api/knowledge/articles/${id}/versions/en/1`, headers: beta.headers() });
    expect(first.json()).toMatchObject({ body: 'First text.', current: false });
    const foreign = await t.app.inject({ method: 'PATCH', url: `/api/knowledge/articles/${id}`, headers: beta.headers(), payload: { version: 2, language: 'en', body: 'Mine now.' } });
    expect(foreign.statusCode).toBe(403);
  });

  it('refuses shipped articles to everyone as editors, and bad input naming the field', async () => {
    const [shipped] = await search(alpha, 'vendors as partners');
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/knowledge/articles/${shipped!.id}`, headers: alpha.headers(), payload: { version: 1, language: 'en', body: 'x' } });
    expect(edit.statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'POST', url: '/api/knowledge/articles', headers: alpha.headers(), payload: { category: 'rumour', title: 'x', body: 'y', extra: 1 } });
    expect(bad.statusCode).toBe(400);
    const pointers = (bad.json() as { error: { details: Array<{ pointer: string }> } }).error.details.map((detail) => detail.pointer);
    expect(pointers).toContain('/category');
  });
});

describe('templates', () => {
  it('fills placeholders it knows and leaves the others', () => {
    expect(fillTemplate('{{programme_title}} by {{lead_organization}}, {{unknown}}', { programme_title: 'Water', lead_organization: 'SRI' })).toBe('Water by SRI, {{unknown}}');
    expect(placeholdersOf('{{a}} {{b}} {{a}}')).toEqual(['a', 'b']);
  });

  it('downloads a template filled from a programme, as Markdown and HTML, only for its members', async () => {
    const programme = await buildProgramme(t.database.db, {
      title: 'Lake Basin Resilience',
      members: [
        { organizationId: alphaOrganizationId, role: 'lead' },
        { organizationId: (await buildOrganization(t.database.db, { name: 'Kisumu Youth Network' })).id, role: 'partner' },
      ],
    });
    const templates = await search(alpha, '', '&kind=document-template');
    const mou = templates.find((item) => item.slug === 'memorandum-of-understanding')!;
    const markdown = await t.app.inject({ method: 'GET', url: `/api/knowledge/articles/${mou.id}/download?programmeId=${programme.id}`, headers: alpha.headers() });
    expect(markdown.statusCode).toBe(200);
    expect(markdown.headers['content-type']).toContain('text/markdown');
    expect(markdown.headers['content-disposition']).toContain('memorandum-of-understanding');
    expect(markdown.body).toContain('**Between:** Alpha Aid and Kisumu Youth Network');
    expect(markdown.body).not.toContain('{{organization_a}}');
    expect(markdown.body).toContain('{{mou_date}}');
    const agreement = templates.find((item) => item.slug === 'partnership-agreement')!;
    const html = await t.app.inject({ method: 'GET', url: `/api/knowledge/articles/${agreement.id}/download?format=html&language=fr&programmeId=${programme.id}`, headers: alpha.headers() });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<html lang="fr">');
    expect(html.body).toContain('Lake Basin Resilience');
    const outsider = await t.app.inject({ method: 'GET', url: `/api/knowledge/articles/${mou.id}/download?programmeId=${programme.id}`, headers: beta.headers() });
    expect(outsider.statusCode).toBe(404);
  });
});

describe('rendering', () => {
  it('shows raw HTML as text and drops script links', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n[click](javascript:alert(1)) [ok](https://example.org)');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://example.org"');
  });

  it('reads inline and dashed lists in front matter', () => {
    expect(parseFrontMatter('---\ntitle: A\ntags: [x, "y z"]\nfeatures:\n  - networks\n---\nBody').data).toEqual({ title: 'A', tags: ['x', 'y z'], features: ['networks'] });
  });
});
