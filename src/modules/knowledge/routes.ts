import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../server/authenticate.js';
import { authorize, can } from '../../lib/policy.js';
import { pageOf } from '../../lib/pagination.js';
import type { Actor } from '../../lib/actor.js';
import type { KnowledgeLanguage } from '../../db/schema/index.js';
import { getProgrammeAccess } from '../programmes/access.js';
import { getArticle, getArticleVersion, listArticles, listArticleVersions } from './articles.js';
import { createArticle, updateArticle } from './save-article.js';
import { fillTemplate, programmePlaceholders } from './fill-template.js';
import { htmlDocument } from './render-markdown.js';
import { presentArticle, presentArticleSummary, presentVersion, presentVersionDetail } from './present.js';
import {
  articleDetail,
  articleParams,
  articleSummary,
  articleVersion,
  articleVersionDetail,
  createArticleBody,
  downloadQuery,
  languageQuery,
  listArticlesQuery,
  updateArticleBody,
  versionParams,
} from './schemas.js';

const tags = ['knowledge'];

/** The reader's language: asked for, else their own, else English. */
function languageOf(actor: Actor, asked: KnowledgeLanguage | undefined): KnowledgeLanguage {
  return asked ?? actor.language ?? 'en';
}

function editable(actor: Actor, row: Awaited<ReturnType<typeof getArticle>>): boolean {
  return can(actor, 'knowledge.edit', { kind: 'knowledge-article', ownerOrganizationId: row.article.ownerOrganizationId, visibility: row.article.visibility });
}

/** Knowledge base: shipped and organization articles, search, versions, templates as documents. */
export const knowledgeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/knowledge/articles',
    { schema: { tags, summary: 'Articles you may read; `q` searches titles, summaries, tags and text (accents and case ignored, word prefixes match)', querystring: listArticlesQuery, response: { 200: pageOf(articleSummary) } } },
    async (request) => {
      const actor = requireActor(request);
      const { q, category, kind, mine, limit, cursor } = request.query;
      const page = await listArticles(app.db, { actor, language: languageOf(actor, request.query.language), query: q, category, kind, mine, limit, cursor });
      return { items: page.items.map(presentArticleSummary), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/knowledge/articles',
    { schema: { tags, summary: "Add your organization's own article (private unless visibility is \"instance\")", body: createArticleBody, response: { 201: articleDetail } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'knowledge.create', { kind: 'instance' });
      const articleId = await createArticle(app.db, { actor, input: request.body });
      const row = await getArticle(app.db, { actor, articleId, language: request.body.language });
      return reply.status(201).send(presentArticle(row, { canEdit: true }));
    },
  );

  app.get(
    '/api/knowledge/articles/:id',
    { schema: { tags, summary: 'An article in your language (English when it has no translation)', params: articleParams, querystring: languageQuery, response: { 200: articleDetail } } },
    async (request) => {
      const actor = requireActor(request);
      const row = await getArticle(app.db, { actor, articleId: request.params.id, language: languageOf(actor, request.query.language) });
      return presentArticle(row, { canEdit: editable(actor, row) });
    },
  );

  app.patch(
    '/api/knowledge/articles/:id',
    { schema: { tags, summary: 'Save a new version of one language of your article (send the version you read)', params: articleParams, body: updateArticleBody, response: { 200: articleDetail } } },
    async (request) => {
      const actor = requireActor(request);
      // Reading first answers 404 for an article the actor may not even see.
      await getArticle(app.db, { actor, articleId: request.params.id, language: request.body.language });
      await updateArticle(app.db, { actor, articleId: request.params.id, input: request.body });
      const row = await getArticle(app.db, { actor, articleId: request.params.id, language: request.body.language });
      return presentArticle(row, { canEdit: editable(actor, row) });
    },
  );

  app.get(
    '/api/knowledge/articles/:id/versions',
    { schema: { tags, summary: "An article's history: every version in every language, newest first", params: articleParams, response: { 200: z.object({ items: z.array(articleVersion) }) } } },
    async (request) => {
      const actor = requireActor(request);
      await getArticle(app.db, { actor, articleId: request.params.id, language: 'en' });
      const rows = await listArticleVersions(app.db, { articleId: request.params.id });
      return { items: rows.map(presentVersion) };
    },
  );

  app.get(
    '/api/knowledge/articles/:id/versions/:language/:number',
    { schema: { tags, summary: 'One version of an article in one language', params: versionParams, response: { 200: articleVersionDetail } } },
    async (request) => {
      const actor = requireActor(request);
      await getArticle(app.db, { actor, articleId: request.params.id, language: request.params.language });
      return presentVersionDetail(await getArticleVersion(app.db, { articleId: request.params.id, language: request.params.language, number: request.params.number }));
    },
  );

  app.get(
    '/api/knowledge/articles/:id/download',
    {
      schema: {
        tags,
        summary: 'Download an article or template as Markdown or HTML; with programmeId, placeholders are filled from that programme',
        params: articleParams,
        querystring: downloadQuery,
        produces: ['text/markdown', 'text/html'],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const language = languageOf(actor, request.query.language);
      const row = await getArticle(app.db, { actor, articleId: request.params.id, language });
      let body = row.text.body;
      let suffix = '';
      if (request.query.programmeId) {
        const access = await getProgrammeAccess(app.db, actor, request.query.programmeId);
        authorize(actor, 'programme.view', { kind: 'programme', access });
        const values = await programmePlaceholders(app.db, { programmeId: request.query.programmeId, language: row.text.language });
        body = fillTemplate(body, values);
        suffix = values.programme_reference ? `-${values.programme_reference.replace(/[^A-Za-z0-9-]+/g, '-')}` : '';
      }
      const filename = `${row.article.slug}${suffix}-${row.text.language}.${request.query.format}`;
      reply.header('content-disposition', `attachment; filename="${filename}"`);
      if (request.query.format === 'html') {
        return reply.type('text/html; charset=utf-8').send(htmlDocument({ title: row.text.title, language: row.text.language, body }));
      }
      return reply.type('text/markdown; charset=utf-8').send(`${body}\n`);
    },
  );
};
