import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  knowledgeArticles,
  knowledgeArticleVersions,
  knowledgeCategories,
  knowledgeLanguages,
  type KnowledgeCategory,
  type KnowledgeKind,
  type KnowledgeLanguage,
} from '../../db/schema/index.js';
import { parseFrontMatter } from './front-matter.js';

/** The author shown on the product's own articles. */
export const SHIPPED_AUTHOR = 'Consortia';

const contentFolder = fileURLToPath(new URL('../../../content/', import.meta.url));

export type ShippedText = { title: string; summary: string; body: string; tags: string[]; features: string[] };
export type ShippedArticle = { slug: string; kind: KnowledgeKind; category: KnowledgeCategory; texts: Partial<Record<KnowledgeLanguage, ShippedText>> };

/** Reads the shipped articles (content/knowledge) and document templates (content/templates), in every language present. */
export function readShippedArticles(folder: string = contentFolder): ShippedArticle[] {
  const articles = new Map<string, ShippedArticle>();
  const sources: Array<{ directory: string; kind: KnowledgeKind }> = [
    { directory: 'knowledge', kind: 'article' },
    { directory: 'templates', kind: 'document-template' },
  ];
  for (const { directory, kind } of sources) {
    for (const language of knowledgeLanguages) {
      const languageFolder = path.join(folder, directory, language);
      if (!fs.existsSync(languageFolder)) continue;
      for (const file of fs.readdirSync(languageFolder).filter((name) => name.endsWith('.md')).sort()) {
        const slug = file.slice(0, -3);
        const { data, body } = parseFrontMatter(fs.readFileSync(path.join(languageFolder, file), 'utf8'));
        const category = kind === 'document-template' ? 'template' : String(data.category ?? '');
        if (!(knowledgeCategories as readonly string[]).includes(category)) {
          throw new Error(`content/${directory}/${language}/${file}: category "${category}" is not one of ${knowledgeCategories.join(', ')}`);
        }
        const key = `${kind}:${slug}`;
        const article = articles.get(key) ?? { slug, kind, category: category as KnowledgeCategory, texts: {} };
        article.texts[language] = {
          title: String(data.title ?? slug),
          summary: String(data.summary ?? ''),
          body: body.trim(),
          tags: asList(data.tags),
          features: asList(data.features),
        };
        articles.set(key, article);
      }
    }
  }
  return [...articles.values()];
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Brings the shipped articles in the database in line with content/: creates missing ones as
 * version 1 by "Consortia", and adds a version when a text changed. Safe to run at every start.
 */
export async function syncShippedArticles(db: Database, articles: ShippedArticle[] = readShippedArticles()): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  await db.transaction(async (tx) => {
    for (const article of articles) {
      const [existing] = await tx
        .select()
        .from(knowledgeArticles)
        .where(and(eq(knowledgeArticles.slug, article.slug), eq(knowledgeArticles.kind, article.kind), isNull(knowledgeArticles.ownerOrganizationId)))
        .limit(1);
      let articleId = existing?.id;
      if (!articleId) {
        const [inserted] = await tx
          .insert(knowledgeArticles)
          .values({ slug: article.slug, kind: article.kind, category: article.category, visibility: 'instance', ownerOrganizationId: null })
          .onConflictDoNothing()
          .returning({ id: knowledgeArticles.id });
        if (!inserted) continue; // another server node created it at the same moment
        articleId = inserted.id;
        created += 1;
      } else if (existing!.category !== article.category) {
        await tx.update(knowledgeArticles).set({ category: article.category, updatedAt: new Date() }).where(eq(knowledgeArticles.id, articleId));
      }
      for (const language of knowledgeLanguages) {
        const text = article.texts[language];
        if (!text) continue;
        const [latest] = await tx
          .select()
          .from(knowledgeArticleVersions)
          .where(and(eq(knowledgeArticleVersions.articleId, articleId), eq(knowledgeArticleVersions.language, language)))
          .orderBy(desc(knowledgeArticleVersions.number))
          .limit(1);
        if (latest && sameText(latest, text)) continue;
        if (latest) {
          await tx.update(knowledgeArticleVersions).set({ current: false }).where(eq(knowledgeArticleVersions.id, latest.id));
          if (existing) updated += 1;
        }
        await tx.insert(knowledgeArticleVersions).values({
          articleId,
          language,
          number: (latest?.number ?? 0) + 1,
          current: true,
          ...text,
          authorName: SHIPPED_AUTHOR,
        });
      }
    }
  });
  return { created, updated };
}

function sameText(row: typeof knowledgeArticleVersions.$inferSelect, text: ShippedText): boolean {
  return (
    row.title === text.title &&
    row.summary === text.summary &&
    row.body === text.body &&
    row.tags.join('\u0000') === text.tags.join('\u0000') &&
    row.features.join('\u0000') === text.features.join('\u0000')
  );
}
