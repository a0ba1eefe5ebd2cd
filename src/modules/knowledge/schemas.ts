import { z } from 'zod';
import { knowledgeCategories, knowledgeKinds, knowledgeLanguages, knowledgeVisibilities } from '../../db/schema/index.js';
import { pageQuery } from '../../lib/pagination.js';

/** The product features an article can point to (see content/README.md); the web app turns them into links. */
export const knowledgeFeatures = [
  'registry', 'appraisal', 'capacity-assessment', 'consortium', 'agreement', 'action-plan', 'budget', 'team', 'meetings', 'decisions',
  'interactions', 'learning', 'authenticity', 'surveys', 'networks', 'statements', 'reputation', 'strategy', 'portfolio', 'iati',
] as const;

const language = z.enum(knowledgeLanguages);

export const articleParams = z.object({ id: z.uuid() });
export const versionParams = z.object({ id: z.uuid(), language, number: z.coerce.number().int().min(1) });
export const languageQuery = z.object({ language: language.optional() });

export const listArticlesQuery = pageQuery.extend({
  q: z.string().max(200).optional(),
  category: z.enum(knowledgeCategories).optional(),
  kind: z.enum(knowledgeKinds).optional(),
  mine: z.stringbool().optional(),
  language: language.optional(),
});

export const downloadQuery = z.object({
  format: z.enum(['md', 'html']).default('md'),
  language: language.optional(),
  programmeId: z.uuid().optional(),
});

const textFields = {
  title: z.string().trim().min(1).max(300),
  summary: z.string().max(2_000),
  body: z.string().min(1).max(200_000),
  tags: z.array(z.string().trim().min(1).max(80)).max(30),
  features: z.array(z.enum(knowledgeFeatures)).max(20),
};

export const createArticleBody = z.strictObject({
  language: language.default('en'),
  category: z.enum(knowledgeCategories),
  kind: z.enum(knowledgeKinds).default('article'),
  visibility: z.enum(knowledgeVisibilities).default('private'),
  title: textFields.title,
  summary: textFields.summary.default(''),
  body: textFields.body,
  tags: textFields.tags.default([]),
  features: textFields.features.default([]),
});

export const updateArticleBody = z.strictObject({
  version: z.number().int().min(1),
  language,
  category: z.enum(knowledgeCategories).optional(),
  visibility: z.enum(knowledgeVisibilities).optional(),
  title: textFields.title.optional(),
  summary: textFields.summary.optional(),
  body: textFields.body.optional(),
  tags: textFields.tags.optional(),
  features: textFields.features.optional(),
});

const author = z.object({ name: z.string(), organizationId: z.uuid().nullable() });

export const articleSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  kind: z.enum(knowledgeKinds),
  category: z.enum(knowledgeCategories),
  shipped: z.boolean(),
  ownerOrganizationId: z.uuid().nullable(),
  visibility: z.enum(knowledgeVisibilities),
  language: language,
  languages: z.array(language),
  title: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  features: z.array(z.string()),
  versionNumber: z.number().int(),
  author,
  updatedAt: z.string(),
});

export const articleDetail = articleSummary.extend({
  body: z.string(),
  html: z.string(),
  placeholders: z.array(z.string()),
  version: z.number().int(),
  canEdit: z.boolean(),
});

export const articleVersion = z.object({
  language,
  number: z.number().int(),
  current: z.boolean(),
  title: z.string(),
  author,
  createdAt: z.string(),
});

export const articleVersionDetail = articleVersion.extend({ summary: z.string(), body: z.string(), html: z.string() });
