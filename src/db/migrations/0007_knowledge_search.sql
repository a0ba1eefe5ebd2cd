-- Accent- and case-insensitive full-text and prefix search over the current texts of articles.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- unaccent() is only STABLE; naming the dictionary and declaring the wrapper IMMUTABLE lets it be indexed.
CREATE OR REPLACE FUNCTION knowledge_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;--> statement-breakpoint
-- The searchable text of one article version, title first: lower-case, without accents.
CREATE OR REPLACE FUNCTION knowledge_search_text(title text, summary text, tags text[], body text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.knowledge_unaccent(coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(array_to_string(tags, ' '), '') || ' ' || coalesce(body, ''))) $$;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS knowledge_versions_fts_index ON knowledge_article_versions
  USING gin (to_tsvector('simple'::regconfig, public.knowledge_search_text(title, summary, tags, body))) WHERE current;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS knowledge_versions_title_trgm_index ON knowledge_article_versions
  USING gin (lower(public.knowledge_unaccent(title)) gin_trgm_ops) WHERE current;
