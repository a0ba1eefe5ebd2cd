import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export type ArticleSummary = { id: string; kind: 'article' | 'document-template'; category: 'guideline' | 'template' | 'good-practice'; title: string; summary: string; language: string; shipped: boolean; author: { name: string }; versionNumber: number };
export type Article = ArticleSummary & { html: string; features: string[]; placeholders: string[] };

export const useArticles = (query: string, language: string) =>
  useQuery({
    queryKey: ['knowledge', 'list', query, language],
    queryFn: ({ signal }) => api.get<{ items: ArticleSummary[]; nextCursor: string | null }>('/api/knowledge/articles', { query: { q: query || undefined, language, limit: 100 }, signal }),
  });
export const useArticle = (id: string, language: string) =>
  useQuery({ queryKey: ['knowledge', 'article', id, language], queryFn: ({ signal }) => api.get<Article>(`/api/knowledge/articles/${id}`, { query: { language }, signal }) });
