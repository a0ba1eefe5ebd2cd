import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  knowledgeArticles,
  knowledgeArticleVersions,
  type KnowledgeCategory,
  type KnowledgeKind,
  type KnowledgeLanguage,
} from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { notFound } from '../../lib/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { can } from '../../lib/policy.js';
import { searchWords } from '../organizations/search.js';

export type ArticleRow = typeof knowledgeArticles.$inferSelect;
export type VersionRow = typeof knowledgeArticleVersions.$inferSelect;
export type ArticleWithText = { article: ArticleRow; text: VersionRow; languages: KnowledgeLanguage[] };

/** The WHERE condition selecting the articles an actor may read: shipped, shared with the instance, or their organization's own. */
export function visibleArticles(actor: Actor): SQL {
  return or(
    isNull(knowledgeArticles.ownerOrganizationId),
    eq(knowledgeArticles.visibility, 'instance'),
    eq(knowledgeArticles.ownerOrganizationId, actor.organizationId),
  )!;
}

/** The current text in the reader's language, else English, else whatever exists. */
export function pickText(texts: VersionRow[], language: KnowledgeLanguage): VersionRow | undefined {
  return texts.find((text) => text.language === language) ?? texts.find((text) => text.language === 'en') ?? texts[0];
}

async function currentTexts(db: Database, articleIds: string[]): Promise<Map<string, VersionRow[]>> {
  const byArticle = new Map<string, VersionRow[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .select()
    .from(knowledgeArticleVersions)
    .where(and(inArray(knowledgeArticleVersions.articleId, articleIds), eq(knowledgeArticleVersions.current, true)));
  for (const row of rows) byArticle.set(row.articleId, [...(byArticle.get(row.articleId) ?? []), row]);
  return byArticle;
}

const searchDocument = sql`to_tsvector('simple'::regconfig, public.knowledge_search_text(${knowledgeArticleVersions.title}, ${knowledgeArticleVersions.summary}, ${knowledgeArticleVersions.tags}, ${knowledgeArticleVersions.body}))`;
const plainTitle = sql`lower(public.knowledge_unaccent(${knowledgeArticleVersions.title}))`;

/**
 * Lists or searches the articles the actor may read. The search matches word prefixes without
 * regard to accents or case ("parten" finds "partenariat", "reseau" finds "réseau") in title,
 * summary, tags and body, and near spellings of the title; best matches first.
 */
export async function listArticles(
  db: Database,
  options: { actor: Actor; language: KnowledgeLanguage; query?: string | undefined; category?: KnowledgeCategory | undefined; kind?: KnowledgeKind | undefined; mine?: boolean | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: ArticleWithText[]; nextCursor: string | null }> {
  const [offsetPart] = decodeCursor(options.cursor, 1) ?? [0];
  const offset = typeof offsetPart === 'number' && offsetPart >= 0 ? offsetPart : 0;
  const filters: SQL[] = [visibleArticles(options.actor), eq(knowledgeArticleVersions.current, true)];
  if (options.category) filters.push(eq(knowledgeArticles.category, options.category));
  if (options.kind) filters.push(eq(knowledgeArticles.kind, options.kind));
  if (options.mine) filters.push(eq(knowledgeArticles.ownerOrganizationId, options.actor.organizationId));

  const words = options.query ? searchWords(options.query) : [];
  let rank: SQL = sql`0`;
  if (words.length > 0) {
    const tsQuery = sql`to_tsquery('simple', ${words.map((word) => `${word}:*`).join(' & ')})`;
    const normalized = sql`lower(public.knowledge_unaccent(${options.query}))`;
    filters.push(sql`(${searchDocument} @@ ${tsQuery} or ${normalized} <% ${plainTitle})`);
    rank = sql`max(ts_rank(${searchDocument}, ${tsQuery}) + 2 * word_similarity(${normalized}, ${plainTitle}))`;
  }
  const rows = await db
    .select({ id: knowledgeArticles.id, rank: sql<number>`${rank}`.as('rank') })
    .from(knowledgeArticles)
    .innerJoin(knowledgeArticleVersions, eq(knowledgeArticleVersions.articleId, knowledgeArticles.id))
    .where(and(...filters))
    .groupBy(knowledgeArticles.id)
    .orderBy(desc(sql`rank`), asc(knowledgeArticles.kind), asc(knowledgeArticles.category), asc(knowledgeArticles.slug), asc(knowledgeArticles.id))
    .limit(options.limit + 1)
    .offset(offset);
  const page = rows.slice(0, options.limit);
  const ids = page.map((row) => row.id);
  const articles = ids.length === 0 ? [] : await db.select().from(knowledgeArticles).where(inArray(knowledgeArticles.id, ids));
  const texts = await currentTexts(db, ids);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const items = ids.flatMap((id) => {
    const article = byId.get(id);
    const available = texts.get(id) ?? [];
    const text = pickText(available, options.language);
    return article && text ? [{ article, text, languages: available.map((row) => row.language).sort() }] : [];
  });
  return { items, nextCursor: rows.length > options.limit ? encodeCursor([offset + options.limit]) : null };
}

/** One article the actor may read, in their language (or English); 404 when it is someone else's private article. */
export async function getArticle(db: Database, options: { actor: Actor; articleId: string; language: KnowledgeLanguage }): Promise<ArticleWithText> {
  const [article] = await db.select().from(knowledgeArticles).where(eq(knowledgeArticles.id, options.articleId)).limit(1);
  if (!article || !can(options.actor, 'knowledge.view', { kind: 'knowledge-article', ownerOrganizationId: article.ownerOrganizationId, visibility: article.visibility })) {
    throw notFound('Article');
  }
  const available = (await currentTexts(db, [article.id])).get(article.id) ?? [];
  const text = pickText(available, options.language);
  if (!text) throw notFound('Article');
  return { article, text, languages: available.map((row) => row.language).sort() };
}

/** Every version of an article, newest first (the caller has checked the actor may read it). */
export async function listArticleVersions(db: Database, options: { articleId: string }): Promise<VersionRow[]> {
  return db
    .select()
    .from(knowledgeArticleVersions)
    .where(eq(knowledgeArticleVersions.articleId, options.articleId))
    .orderBy(desc(knowledgeArticleVersions.createdAt), desc(knowledgeArticleVersions.number), asc(knowledgeArticleVersions.language));
}

/** One earlier version in one language. */
export async function getArticleVersion(db: Database, options: { articleId: string; language: KnowledgeLanguage; number: number }): Promise<VersionRow> {
  const [row] = await db
    .select()
    .from(knowledgeArticleVersions)
    .where(
      and(
        eq(knowledgeArticleVersions.articleId, options.articleId),
        eq(knowledgeArticleVersions.language, options.language),
        eq(knowledgeArticleVersions.number, options.number),
      ),
    )
    .limit(1);
  if (!row) throw notFound('Version');
  return row;
}
