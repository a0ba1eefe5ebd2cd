-- The directory search ranks in tiers (exact name or acronym, name starting with the query, whole
-- words, word prefixes; modules/organizations/search-page.ts), shorter names first within the word
-- tiers, so that a page costs a bounded number of rows however many organizations match a common word.
--
-- Names in byte order (collate "C": the same order on every server locale, so that "starts with" is a
-- range of the index), live organizations only: exact names and names starting with the query.
CREATE INDEX IF NOT EXISTS "organizations_search_name_order_index" ON "organizations" (("search_name" COLLATE "C"), "id") WHERE "deleted_at" IS NULL;--> statement-breakpoint
-- Exact acronyms ("ADR", "Oxfam") rank first.
CREATE INDEX IF NOT EXISTS "organizations_acronym_lower_index" ON "organizations" (lower("acronym")) WHERE "deleted_at" IS NULL;--> statement-breakpoint
-- Names by length band: the word tiers read the bands in order (shortest names first) and stop when a
-- page is full, so a common word costs the matches of one or two bands, not all of them.
CREATE OR REPLACE FUNCTION registry_length_band(name_length integer) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT CASE WHEN name_length <= 12 THEN 0 WHEN name_length <= 16 THEN 1 WHEN name_length <= 20 THEN 2
    WHEN name_length <= 24 THEN 3 WHEN name_length <= 28 THEN 4 WHEN name_length <= 32 THEN 5 WHEN name_length <= 36 THEN 6
    WHEN name_length <= 40 THEN 7 WHEN name_length <= 45 THEN 8 WHEN name_length <= 50 THEN 9 WHEN name_length <= 60 THEN 10
    WHEN name_length <= 75 THEN 11 WHEN name_length <= 100 THEN 12 ELSE 13 END $$;--> statement-breakpoint
-- The words of search_vector plus one lexeme naming the length band ('#0' .. '#13'; the parser never
-- keeps '#' in a word), so that "these words, in this band" is answered inside the full-text index.
CREATE OR REPLACE FUNCTION registry_search_bands(name text, acronym text, other_names text[]) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('simple'::regconfig, public.registry_search_text(name, acronym, other_names))
    || array_to_tsvector(ARRAY['#' || public.registry_length_band(length(lower(public.registry_unaccent(coalesce(name, '')))))]) $$;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "search_bands" tsvector GENERATED ALWAYS AS (public.registry_search_bands("name", "acronym", "other_names")) STORED;--> statement-breakpoint
-- Searches read this index far more often than organizations are written: without the pending list of
-- fast updates, no search scans not-yet-merged entries after a bulk import.
CREATE INDEX IF NOT EXISTS "organizations_search_bands_index" ON "organizations" USING gin ("search_bands") WITH (fastupdate = off);--> statement-breakpoint
-- It answers everything the index on search_vector did (search_vector itself stays: the search-word
-- list is collected from it).
DROP INDEX IF EXISTS "organizations_search_vector_index";--> statement-breakpoint
-- Whether a query word is a known word or the beginning of one (then it is not corrected) is a range of this index.
CREATE INDEX IF NOT EXISTS "registry_search_words_order_index" ON "registry_search_words" (("word" COLLATE "C"));--> statement-breakpoint
-- No query uses the trigram index on search_text any more (words are corrected against
-- registry_search_words, duplicates compare search_name): it only slowed writes down.
DROP INDEX IF EXISTS "organizations_search_text_trgm_index";
