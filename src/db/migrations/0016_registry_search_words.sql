-- The distinct words of organization names, acronyms and other names (normalised, no digits), with a
-- trigram index: a misspelt query word is corrected against this short list ("Childern" -> children)
-- and the search itself is then a full-text match answered by the GIN index on search_vector, instead
-- of a trigram similarity computed on thousands of candidate rows.
CREATE TABLE IF NOT EXISTS "registry_search_words" ("word" text PRIMARY KEY);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "registry_search_words_trgm_index" ON "registry_search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- Words are only added (once per statement, however many rows it wrote); a word no longer used
-- costs one more alternative in a corrected query, never a wrong result.
CREATE OR REPLACE FUNCTION registry_collect_search_words() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.registry_search_words (word)
    SELECT DISTINCT lexeme FROM written, unnest(tsvector_to_array(written.search_vector)) AS lexeme
    WHERE length(lexeme) >= 3 AND lexeme !~ '[0-9]'
  ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "organizations_search_words_insert" AFTER INSERT ON "organizations"
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION registry_collect_search_words();--> statement-breakpoint
CREATE TRIGGER "organizations_search_words_update" AFTER UPDATE ON "organizations"
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION registry_collect_search_words();--> statement-breakpoint
INSERT INTO "registry_search_words" ("word")
  SELECT DISTINCT lexeme FROM "organizations", unnest(tsvector_to_array("organizations"."search_vector")) AS lexeme
  WHERE length(lexeme) >= 3 AND lexeme !~ '[0-9]'
ON CONFLICT ("word") DO NOTHING;
