-- Accent- and case-insensitive search over organization names, acronyms and other names.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change), so it cannot be indexed directly;
-- this wrapper names the dictionary explicitly and is declared IMMUTABLE, the usual way to index it.
CREATE OR REPLACE FUNCTION registry_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;--> statement-breakpoint
-- The searchable text of an organization: lower-case, without accents.
CREATE OR REPLACE FUNCTION registry_search_text(name text, acronym text, other_names text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.registry_unaccent(coalesce(name, '') || ' ' || coalesce(acronym, '') || ' ' || coalesce(array_to_string(other_names, ' '), ''))) $$;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS organizations_search_trgm_index ON organizations
  USING gin (public.registry_search_text(name, acronym, other_names) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS organizations_search_fts_index ON organizations
  USING gin (to_tsvector('simple'::regconfig, public.registry_search_text(name, acronym, other_names)));--> statement-breakpoint
-- Duplicate detection compares names alone.
CREATE INDEX IF NOT EXISTS organizations_name_trgm_index ON organizations
  USING gin (lower(public.registry_unaccent(name)) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS organizations_identifier_upper_index ON organizations (upper(identifier));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS people_search_trgm_index ON people
  USING gin (lower(public.registry_unaccent(name)) gin_trgm_ops);
