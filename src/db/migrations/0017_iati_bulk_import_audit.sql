-- The IATI import writes thousands of programmes, memberships and organizations in one
-- transaction; a trail row per record (migration 0015) cost about half the import's time. During
-- that transaction the import sets consortia.bulk_import to 'on' (transaction-local: set_config(...,
-- true), so it ends with the transaction and never reaches another one) and writes ONE trail row
-- itself for the whole import (table iati_imports, the import's id, who, and counts of what it
-- created and replaced). The WHEN clause below is checked before an event is queued, so rows
-- written in bulk cost no trigger call at all; every other transaction is audited as before.
DROP TRIGGER IF EXISTS "consortia_audit" ON "programmes";--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "programmes" FOR EACH ROW
  WHEN (current_setting('consortia.bulk_import', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION consortia_audit('id', 'id', '', '');--> statement-breakpoint
DROP TRIGGER IF EXISTS "consortia_audit" ON "programme_members";--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "programme_members" FOR EACH ROW
  WHEN (current_setting('consortia.bulk_import', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'organization_id', '');--> statement-breakpoint
DROP TRIGGER IF EXISTS "consortia_audit" ON "organizations";--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "organizations" FOR EACH ROW
  WHEN (current_setting('consortia.bulk_import', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION consortia_audit('id', '', 'id', '');
