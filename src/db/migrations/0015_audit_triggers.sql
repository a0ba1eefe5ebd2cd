-- The audit trail (table audit_log, migration 0014): a row-level trigger on each audited table
-- writes who changed which record and what changed, in the same transaction as the change.
-- The server sets consortia.actor_id (transaction-local) at the start of every state-changing
-- request; writes without it (command line, jobs, start-up) are recorded with no actor: the system.
--
-- Trigger arguments: key columns (comma-separated), where the programme comes from, where the
-- organization comes from, columns whose values are never copied (secrets, file contents), and
-- optionally columns left out of the trail altogether (bookkeeping such as a token's last use).
-- A source is a column of the row ("programme_id"), or "table.fk_column.column" read from the
-- parent row, alternatives separated by "|". Private records of one organization (appraisals,
-- notes, strategies, feedback) name no programme, so that only their owner's administrators read them.
-- Survey answers, recipients, drafts and completions are not audited: a trail with an actor would
-- undo their anonymity. Sessions, log-in attempts, jobs and imported IATI detail are not audited either.
CREATE OR REPLACE FUNCTION consortia_audit_source(rec jsonb, spec text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
  alternative text;
  parts text[];
  result text;
BEGIN
  IF spec IS NULL OR spec = '' THEN RETURN NULL; END IF;
  FOREACH alternative IN ARRAY string_to_array(spec, '|') LOOP
    parts := string_to_array(alternative, '.');
    result := NULL;
    IF array_length(parts, 1) = 1 THEN
      result := rec ->> parts[1];
    ELSIF rec ->> parts[2] IS NOT NULL THEN
      EXECUTE format('select %I::text from %I where id = $1::uuid', parts[3], parts[1]) INTO result USING rec ->> parts[2];
    END IF;
    IF result IS NOT NULL THEN RETURN result; END IF;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION consortia_audit_hide(values_row jsonb, hidden text[]) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  name text;
BEGIN
  IF values_row IS NULL OR hidden IS NULL THEN RETURN values_row; END IF;
  FOREACH name IN ARRAY hidden LOOP
    IF values_row ? name AND values_row -> name <> 'null'::jsonb THEN
      values_row := jsonb_set(values_row, ARRAY[name], '"(hidden)"'::jsonb);
    END IF;
  END LOOP;
  RETURN values_row;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION consortia_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb;
  new_row jsonb;
  rec jsonb;
  hidden text[] := string_to_array(nullif(TG_ARGV[3], ''), ',');
  ignored text[] := coalesce(string_to_array(nullif(CASE WHEN TG_NARGS > 4 THEN TG_ARGV[4] END, ''), ','), '{}');
  record_key text;
  old_values jsonb;
  new_values jsonb;
BEGIN
  -- A restore copies rows and their recorded trail as they were.
  IF current_setting('consortia.restoring', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
  -- Search columns are computed by the database from other columns: noise in a trail.
  IF old_row IS NOT NULL THEN old_row := old_row - ignored - ARRAY(SELECT key FROM jsonb_object_keys(old_row) AS key WHERE key LIKE 'search\_%'); END IF;
  IF new_row IS NOT NULL THEN new_row := new_row - ignored - ARRAY(SELECT key FROM jsonb_object_keys(new_row) AS key WHERE key LIKE 'search\_%'); END IF;
  rec := coalesce(new_row, old_row);
  SELECT string_agg(rec ->> key, '/') INTO record_key FROM unnest(string_to_array(TG_ARGV[0], ',')) AS key;

  IF TG_OP = 'UPDATE' THEN
    SELECT jsonb_object_agg(o.key, o.value), jsonb_object_agg(o.key, new_row -> o.key)
      INTO old_values, new_values
      FROM jsonb_each(old_row) AS o
      WHERE (new_row -> o.key) IS DISTINCT FROM o.value;
    IF old_values IS NULL THEN RETURN NULL; END IF;
  ELSE
    old_values := CASE WHEN TG_OP = 'DELETE' THEN old_row END;
    new_values := CASE WHEN TG_OP = 'INSERT' THEN new_row END;
  END IF;

  INSERT INTO audit_log (transaction_id, actor_user_id, table_name, record_id, action, programme_id, organization_id, old_values, new_values)
  VALUES (
    txid_current(),
    nullif(current_setting('consortia.actor_id', true), '')::uuid,
    TG_TABLE_NAME,
    coalesce(record_key, ''),
    lower(TG_OP),
    consortia_audit_source(rec, TG_ARGV[1])::uuid,
    consortia_audit_source(rec, TG_ARGV[2])::uuid,
    consortia_audit_hide(old_values, hidden),
    consortia_audit_hide(new_values, hidden)
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION consortia_audit_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit trail cannot be changed' USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_immutable" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION consortia_audit_immutable();
--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "programmes" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'id', '', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "programme_members" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "programme_users" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'users.user_id.organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "programme_team_members" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "programme_goal_links" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', '', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "agreements" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', '', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "agreement_versions" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', '', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "agreement_statements" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "agreement_signoffs" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'agreement_versions.agreement_version_id.programme_id', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "work_packages" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'lead_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "plan_activities" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', '', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "plan_tasks" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', '', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "task_assignments" FOR EACH ROW EXECUTE FUNCTION consortia_audit('task_id,organization_id', 'plan_tasks.task_id.programme_id', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "milestones" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', '', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "budget_lines" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "meetings" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'recorded_by_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "meeting_attendees" FOR EACH ROW EXECUTE FUNCTION consortia_audit('meeting_id,organization_id', 'meetings.meeting_id.programme_id', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "meeting_actions" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'meetings.meeting_id.programme_id', 'owner_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "decisions" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'recorded_by_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "decision_involvements" FOR EACH ROW EXECUTE FUNCTION consortia_audit('decision_id,organization_id', 'decisions.decision_id.programme_id', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "decision_desired_involvements" FOR EACH ROW EXECUTE FUNCTION consortia_audit('decision_id,organization_id', 'decisions.decision_id.programme_id', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "decision_contests" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'decisions.decision_id.programme_id', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "interactions" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'recorded_by_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "learning_exchanges" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'recorded_by_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "open_ratings" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'recorded_by_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "invitations" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'organization_id', 'token_hash');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "survey_rounds" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', 'programme_id', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "survey_instruments" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "appraisals" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "appraisal_decisions" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'appraisals.appraisal_id.organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "appraisal_files" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'appraisals.appraisal_id.organization_id', 'content');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "appraisal_templates" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "capacity_assessments" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "support_plan_items" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'appraisals.appraisal_id.organization_id|capacity_assessments.assessment_id.organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "feedback_records" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "stakeholders" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "private_notes" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'owner_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "strategies" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "strategy_goals" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'strategies.strategy_id.organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "networks" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "network_memberships" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "statements" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'drafting_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "statement_versions" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'author_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "statement_signatories" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "knowledge_articles" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'owner_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "knowledge_article_versions" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'author_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "organizations" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "organization_merges" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'survivor_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "relationships" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'source_organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "people" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "person_employments" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'organization_id', '');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'organization_id', 'password_hash');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "api_tokens" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'users.user_id.organization_id', 'token_hash', 'last_used_at');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "password_resets" FOR EACH ROW EXECUTE FUNCTION consortia_audit('id', '', 'users.user_id.organization_id', 'token_hash');--> statement-breakpoint
CREATE TRIGGER "consortia_audit" AFTER INSERT OR UPDATE OR DELETE ON "instance_settings" FOR EACH ROW EXECUTE FUNCTION consortia_audit('key', '', '', '');

