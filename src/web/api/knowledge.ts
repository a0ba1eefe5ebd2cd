import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export const KNOWLEDGE_CATEGORIES = ['guideline', 'template', 'good-practice'] as const;
export type KnowledgeCategory = (typeof KNOWLEDGE_CATEGORIES)[number];
export type KnowledgeLanguage = 'en' | 'fr';
export type Visibility = 'private' | 'instance';

export type ArticleSummary = {
  id: string;
  kind: 'article' | 'document-template';
  category: KnowledgeCategory;
  title: string;
  summary: string;
  language: KnowledgeLanguage;
  languages: KnowledgeLanguage[];
  shipped: boolean;
  ownerOrganizationId: string | null;
  visibility: Visibility;
  tags: string[];
  author: { name: string };
  versionNumber: number;
  updatedAt: string;
};
export type Article = ArticleSummary & { body: string; html: string; features: string[]; placeholders: string[]; version: number; canEdit: boolean };
export type ArticleVersion = { language: KnowledgeLanguage; number: number; current: boolean; title: string; author: { name: string }; createdAt: string };
export type ArticleVersionDetail = ArticleVersion & { summary: string; body: string; html: string };

export const useArticles = (query: string, language: string, mine = false) =>
  useQuery({
    queryKey: ['knowledge', 'list', query, language, mine],
    queryFn: ({ signal }) =>
      api.get<{ items: ArticleSummary[]; nextCursor: string | null }>('/api/knowledge/articles', { query: { q: query || undefined, language, limit: 100, mine: mine ? 'true' : undefined }, signal }),
  });
export const useArticle = (id: string, language: string) =>
  useQuery({ queryKey: ['knowledge', 'article', id, language], enabled: Boolean(id), queryFn: ({ signal }) => api.get<Article>(`/api/knowledge/articles/${id}`, { query: { language }, signal }) });
export const useArticleVersions = (id: string, enabled: boolean) =>
  useQuery({ queryKey: ['knowledge', 'versions', id], enabled, queryFn: ({ signal }) => api.get<{ items: ArticleVersion[] }>(`/api/knowledge/articles/${id}/versions`, { signal }) });
export const useArticleVersion = (id: string, version: { language: KnowledgeLanguage; number: number } | null) =>
  useQuery({
    queryKey: ['knowledge', 'version', id, version?.language, version?.number],
    enabled: version !== null,
    queryFn: ({ signal }) => api.get<ArticleVersionDetail>(`/api/knowledge/articles/${id}/versions/${version!.language}/${version!.number}`, { signal }),
  });

export type ArticleInput = { language: KnowledgeLanguage; category: KnowledgeCategory; visibility: Visibility; title: string; summary: string; body: string; tags: string[] };

/** Writes an organization article: a new one, or a new version of one language of an existing one. */
export function useSaveArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...input }: ArticleInput & { id?: string; version?: number }) =>
      id ? api.patch<Article>(`/api/knowledge/articles/${id}`, { version, ...input }) : api.post<Article>('/api/knowledge/articles', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['knowledge'] }),
  });
}
