import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { users } from './accounts.js';

export const knowledgeCategories = ['guideline', 'template', 'good-practice'] as const;
export type KnowledgeCategory = (typeof knowledgeCategories)[number];

/** An ordinary article, or a document template with {{placeholders}} that can be downloaded filled in. */
export const knowledgeKinds = ['article', 'document-template'] as const;
export type KnowledgeKind = (typeof knowledgeKinds)[number];

/** Who may read an organization's article: its own users, or everyone on the instance. Shipped articles are always instance-wide. */
export const knowledgeVisibilities = ['private', 'instance'] as const;
export type KnowledgeVisibility = (typeof knowledgeVisibilities)[number];

export const knowledgeLanguages = ['en', 'fr'] as const;
export type KnowledgeLanguage = (typeof knowledgeLanguages)[number];

/**
 * A knowledge-base article. Shipped articles (the product's own content) have no owner
 * organization and are kept in step with content/ at start; organizations add their own.
 */
export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: id(),
    slug: text('slug').notNull(),
    kind: text('kind', { enum: knowledgeKinds }).notNull().default('article'),
    category: text('category', { enum: knowledgeCategories }).notNull(),
    ownerOrganizationId: uuid('owner_organization_id').references(() => organizations.id),
    visibility: text('visibility', { enum: knowledgeVisibilities }).notNull().default('private'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (table) => [
    uniqueIndex('knowledge_articles_shipped_slug_unique').on(table.slug, table.kind).where(sql`${table.ownerOrganizationId} is null`),
    uniqueIndex('knowledge_articles_owned_slug_unique').on(table.ownerOrganizationId, table.slug, table.kind).where(sql`${table.ownerOrganizationId} is not null`),
    index('knowledge_articles_owner_index').on(table.ownerOrganizationId),
  ],
);

/**
 * Every version of an article's text in one language; the highest number is the current one
 * (`current` marks it, so that search reads only current texts).
 */
export const knowledgeArticleVersions = pgTable(
  'knowledge_article_versions',
  {
    id: id(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => knowledgeArticles.id, { onDelete: 'cascade' }),
    language: text('language', { enum: knowledgeLanguages }).notNull(),
    number: integer('number').notNull(),
    current: boolean('current').notNull().default(true),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    features: text('features').array().notNull().default(sql`'{}'::text[]`),
    /** The author's name as shown ("Consortia" for shipped articles), kept even if the user goes. */
    authorName: text('author_name').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorOrganizationId: uuid('author_organization_id').references(() => organizations.id),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('knowledge_article_versions_number_unique').on(table.articleId, table.language, table.number),
    index('knowledge_article_versions_current_index').on(table.articleId, table.language).where(sql`${table.current}`),
  ],
);
