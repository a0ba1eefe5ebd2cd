CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"queue" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "iati_activities" (
	"programme_id" uuid PRIMARY KEY NOT NULL,
	"iati_identifier" text NOT NULL,
	"reporting_org_ref" text,
	"reporting_org_type" text,
	"reporting_organization_id" uuid,
	"last_updated" timestamp with time zone,
	"version" text NOT NULL,
	"activity_status" text,
	"default_currency" text,
	"default_lang" text,
	"hierarchy" text,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"dates" jsonb NOT NULL,
	"import_id" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iati_activity_countries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"percentage" numeric
);
--> statement-breakpoint
CREATE TABLE "iati_activity_sectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"vocabulary" text NOT NULL,
	"percentage" numeric
);
--> statement-breakpoint
CREATE TABLE "iati_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text,
	"status" text,
	"period_start" date,
	"period_end" date,
	"value" numeric,
	"currency" text
);
--> statement-breakpoint
CREATE TABLE "iati_import_files" (
	"import_id" uuid PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "iati_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"publisher" text,
	"size_bytes" bigint NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"source" text NOT NULL,
	"summary" jsonb,
	"error" jsonb,
	"job_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "iati_participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"organization_id" uuid,
	"ref" text,
	"role" text,
	"type" text,
	"name" jsonb NOT NULL,
	"activity_id" text
);
--> statement-breakpoint
CREATE TABLE "iati_related_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"type" text
);
--> statement-breakpoint
CREATE TABLE "iati_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text,
	"date" date,
	"value" numeric,
	"currency" text,
	"value_date" date,
	"provider_organization_id" uuid,
	"provider_ref" text,
	"provider_name" text,
	"provider_activity_id" text,
	"receiver_organization_id" uuid,
	"receiver_ref" text,
	"receiver_name" text,
	"receiver_activity_id" text
);
--> statement-breakpoint
ALTER TABLE "iati_activities" ADD CONSTRAINT "iati_activities_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_activities" ADD CONSTRAINT "iati_activities_reporting_organization_id_organizations_id_fk" FOREIGN KEY ("reporting_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_activities" ADD CONSTRAINT "iati_activities_import_id_iati_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."iati_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_activity_countries" ADD CONSTRAINT "iati_activity_countries_programme_id_iati_activities_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."iati_activities"("programme_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_activity_sectors" ADD CONSTRAINT "iati_activity_sectors_programme_id_iati_activities_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."iati_activities"("programme_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_budgets" ADD CONSTRAINT "iati_budgets_programme_id_iati_activities_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."iati_activities"("programme_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_import_files" ADD CONSTRAINT "iati_import_files_import_id_iati_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."iati_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_imports" ADD CONSTRAINT "iati_imports_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_imports" ADD CONSTRAINT "iati_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_participations" ADD CONSTRAINT "iati_participations_programme_id_iati_activities_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."iati_activities"("programme_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_participations" ADD CONSTRAINT "iati_participations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_related_activities" ADD CONSTRAINT "iati_related_activities_programme_id_iati_activities_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."iati_activities"("programme_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_transactions" ADD CONSTRAINT "iati_transactions_programme_id_iati_activities_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."iati_activities"("programme_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_transactions" ADD CONSTRAINT "iati_transactions_provider_organization_id_organizations_id_fk" FOREIGN KEY ("provider_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_transactions" ADD CONSTRAINT "iati_transactions_receiver_organization_id_organizations_id_fk" FOREIGN KEY ("receiver_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_claim_index" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "iati_activities_identifier_unique" ON "iati_activities" USING btree ("iati_identifier");--> statement-breakpoint
CREATE INDEX "iati_activities_reporting_index" ON "iati_activities" USING btree ("reporting_organization_id");--> statement-breakpoint
CREATE INDEX "iati_activity_countries_programme_index" ON "iati_activity_countries" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "iati_activity_countries_code_index" ON "iati_activity_countries" USING btree ("code");--> statement-breakpoint
CREATE INDEX "iati_activity_sectors_programme_index" ON "iati_activity_sectors" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "iati_budgets_programme_index" ON "iati_budgets" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "iati_imports_created_index" ON "iati_imports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "iati_participations_programme_index" ON "iati_participations" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "iati_participations_organization_index" ON "iati_participations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "iati_related_activities_programme_index" ON "iati_related_activities" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "iati_transactions_programme_index" ON "iati_transactions" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "iati_transactions_provider_index" ON "iati_transactions" USING btree ("provider_organization_id");--> statement-breakpoint
CREATE INDEX "iati_transactions_receiver_index" ON "iati_transactions" USING btree ("receiver_organization_id");