-- Search columns kept by the database: the normalised text (lower-case, no accents) and its full-text
-- vector are computed once when a row is written, instead of at every index recheck and ranking of a query.
-- Stored generated columns may call registry_search_text / registry_unaccent because both are declared
-- IMMUTABLE (migration 0003); PostgreSQL refuses to inline them (their body calls the STABLE unaccent),
-- which is exactly why computing them per row at query time was slow.
ALTER TABLE "organizations"
  ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.registry_search_text("name", "acronym", "other_names")) STORED,
  ADD COLUMN "search_name" text GENERATED ALWAYS AS (lower(public.registry_unaccent("name"))) STORED,
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, public.registry_search_text("name", "acronym", "other_names"))) STORED;--> statement-breakpoint
-- The expression indexes they replace would only slow writes down from now on.
DROP INDEX IF EXISTS "organizations_search_trgm_index";--> statement-breakpoint
DROP INDEX IF EXISTS "organizations_search_fts_index";--> statement-breakpoint
DROP INDEX IF EXISTS "organizations_name_trgm_index";--> statement-breakpoint
-- Prefix and word search (@@), typo-tolerant word similarity (<%), and name similarity for duplicates (%).
CREATE INDEX IF NOT EXISTS "organizations_search_vector_index" ON "organizations" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organizations_search_text_trgm_index" ON "organizations" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organizations_search_name_trgm_index" ON "organizations" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
-- People are searched by name the same way.
ALTER TABLE "people" ADD COLUMN "search_name" text GENERATED ALWAYS AS (lower(public.registry_unaccent("name"))) STORED;--> statement-breakpoint
DROP INDEX IF EXISTS "people_search_trgm_index";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_search_name_trgm_index" ON "people" USING gin ("search_name" gin_trgm_ops);
