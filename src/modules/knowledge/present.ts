import type { ArticleWithText, VersionRow } from './articles.js';
import { placeholdersOf } from './fill-template.js';
import { renderMarkdown } from './render-markdown.js';

/** An article in lists and search results. */
export function presentArticleSummary({ article, text, languages }: ArticleWithText) {
  return {
    id: article.id,
    slug: article.slug,
    kind: article.kind,
    category: article.category,
    shipped: article.ownerOrganizationId === null,
    ownerOrganizationId: article.ownerOrganizationId,
    visibility: article.ownerOrganizationId === null ? ('instance' as const) : article.visibility,
    language: text.language,
    languages,
    title: text.title,
    summary: text.summary,
    tags: text.tags,
    features: text.features,
    versionNumber: text.number,
    author: { name: text.authorName, organizationId: text.authorOrganizationId },
    updatedAt: text.createdAt.toISOString(),
  };
}

/** An article to read, with its HTML and what the reader may do. */
export function presentArticle(row: ArticleWithText, options: { canEdit: boolean }) {
  return {
    ...presentArticleSummary(row),
    body: row.text.body,
    html: renderMarkdown(row.text.body),
    placeholders: row.article.kind === 'document-template' ? placeholdersOf(row.text.body) : [],
    version: row.article.version,
    canEdit: options.canEdit,
  };
}

/** One entry of an article's history. */
export function presentVersion(row: VersionRow) {
  return {
    language: row.language,
    number: row.number,
    current: row.current,
    title: row.title,
    author: { name: row.authorName, organizationId: row.authorOrganizationId },
    createdAt: row.createdAt.toISOString(),
  };
}

/** An earlier version in full. */
export function presentVersionDetail(row: VersionRow) {
  return { ...presentVersion(row), summary: row.summary, body: row.body, html: renderMarkdown(row.body) };
}
