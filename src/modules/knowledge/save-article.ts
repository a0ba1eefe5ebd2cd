import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { knowledgeArticles, knowledgeArticleVersions, type KnowledgeCategory, type KnowledgeKind, type KnowledgeLanguage, type KnowledgeVisibility } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { slugify } from '../bundle/export-bundle.js';
import { authorize } from '../../lib/policy.js';

export type ArticleText = { language: KnowledgeLanguage; title: string; summary: string; body: string; tags: string[]; features: string[] };

/** Creates an organization's own article (version 1 in one language), private unless shared with the instance. */
export async function createArticle(
  db: Database,
  options: { actor: Actor; input: ArticleText & { category: KnowledgeCategory; kind: KnowledgeKind; visibility: KnowledgeVisibility } },
): Promise<string> {
  const { actor, input } = options;
  return db.transaction(async (tx) => {
    const base = slugify(input.title);
    let slug = base;
    for (let suffix = 2; ; suffix += 1) {
      const [taken] = await tx
        .select({ id: knowledgeArticles.id })
        .from(knowledgeArticles)
        .where(and(eq(knowledgeArticles.ownerOrganizationId, actor.organizationId), eq(knowledgeArticles.slug, slug), eq(knowledgeArticles.kind, input.kind)))
        .limit(1);
      if (!taken) break;
      slug = `${base}-${suffix}`;
    }
    const [article] = await tx
      .insert(knowledgeArticles)
      .values({ slug, kind: input.kind, category: input.category, visibility: input.visibility, ownerOrganizationId: actor.organizationId })
      .returning({ id: knowledgeArticles.id });
    await tx.insert(knowledgeArticleVersions).values({ articleId: article!.id, number: 1, current: true, ...textOf(input), ...authorOf(actor) });
    return article!.id;
  });
}

/**
 * Saves a new version of one language of an organization's article (earlier versions stay), and
 * its category or visibility. `version` is the article version the writer read.
 */
export async function updateArticle(
  db: Database,
  options: {
    actor: Actor;
    articleId: string;
    input: Partial<ArticleText> & { language: KnowledgeLanguage; version: number; category?: KnowledgeCategory | undefined; visibility?: KnowledgeVisibility | undefined };
  },
): Promise<void> {
  const { actor, input } = options;
  await db.transaction(async (tx) => {
    const [article] = await tx.select().from(knowledgeArticles).where(eq(knowledgeArticles.id, options.articleId)).limit(1);
    if (!article) throw notFound('Article');
    authorize(actor, 'knowledge.edit', { kind: 'knowledge-article', ownerOrganizationId: article.ownerOrganizationId, visibility: article.visibility });
    if (article.version !== input.version) throw new AppError('version_conflict', 'The article was changed by someone else; reload it and try again');
    const [latest] = await tx
      .select()
      .from(knowledgeArticleVersions)
      .where(and(eq(knowledgeArticleVersions.articleId, article.id), eq(knowledgeArticleVersions.language, input.language)))
      .orderBy(desc(knowledgeArticleVersions.number))
      .limit(1);
    const hasText = input.title !== undefined || input.body !== undefined || input.summary !== undefined || input.tags !== undefined || input.features !== undefined;
    if (hasText) {
      if (!latest && (input.title === undefined || input.body === undefined)) {
        throw new AppError('validation_failed', 'A first text in this language needs a title and a body', {
          details: [{ pointer: input.title === undefined ? '/title' : '/body', message: 'is required for a new language' }],
        });
      }
      if (latest) await tx.update(knowledgeArticleVersions).set({ current: false }).where(eq(knowledgeArticleVersions.id, latest.id));
      await tx.insert(knowledgeArticleVersions).values({
        articleId: article.id,
        language: input.language,
        number: (latest?.number ?? 0) + 1,
        current: true,
        title: input.title ?? latest!.title,
        summary: input.summary ?? latest?.summary ?? '',
        body: input.body ?? latest!.body,
        tags: input.tags ?? latest?.tags ?? [],
        features: input.features ?? latest?.features ?? [],
        ...authorOf(actor),
      });
    }
    await tx
      .update(knowledgeArticles)
      .set({
        ...(input.category ? { category: input.category } : {}),
        ...(input.visibility ? { visibility: input.visibility } : {}),
        updatedAt: new Date(),
        version: article.version + 1,
      })
      .where(eq(knowledgeArticles.id, article.id));
  });
}

function textOf(input: ArticleText) {
  return { language: input.language, title: input.title, summary: input.summary, body: input.body, tags: input.tags, features: input.features };
}

function authorOf(actor: Actor) {
  return { authorName: actor.name, authorUserId: actor.userId, authorOrganizationId: actor.organizationId };
}
