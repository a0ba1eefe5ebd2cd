CREATE TABLE "appraisal_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appraisal_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"total_at_decision" numeric(5, 1),
	"decided_by" uuid,
	"decided_by_name" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appraisal_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appraisal_id" uuid NOT NULL,
	"criterion_key" text,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appraisal_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"definition" jsonb NOT NULL,
	"copied_from" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appraisals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"candidate_organization_id" uuid NOT NULL,
	"programme_id" uuid,
	"template_id" uuid,
	"template" jsonb NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"strengths" text DEFAULT '' NOT NULL,
	"risks" text DEFAULT '' NOT NULL,
	"shared_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capacity_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"assessed_organization_id" uuid NOT NULL,
	"programme_id" uuid,
	"assessed_on" date NOT NULL,
	"framework" text NOT NULL,
	"domains" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"shared_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appraisal_id" uuid,
	"assessment_id" uuid,
	"domain_key" text,
	"description" text NOT NULL,
	"owner_organization_id" uuid,
	"owner_person" text,
	"due_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "support_plan_items_one_parent" CHECK (num_nonnulls("support_plan_items"."appraisal_id", "support_plan_items"."assessment_id") = 1),
	CONSTRAINT "support_plan_items_has_owner" CHECK (num_nonnulls("support_plan_items"."owner_organization_id", "support_plan_items"."owner_person") >= 1)
);
--> statement-breakpoint
ALTER TABLE "appraisal_decisions" ADD CONSTRAINT "appraisal_decisions_appraisal_id_appraisals_id_fk" FOREIGN KEY ("appraisal_id") REFERENCES "public"."appraisals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_decisions" ADD CONSTRAINT "appraisal_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_files" ADD CONSTRAINT "appraisal_files_appraisal_id_appraisals_id_fk" FOREIGN KEY ("appraisal_id") REFERENCES "public"."appraisals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_files" ADD CONSTRAINT "appraisal_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_templates" ADD CONSTRAINT "appraisal_templates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_templates" ADD CONSTRAINT "appraisal_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_candidate_organization_id_organizations_id_fk" FOREIGN KEY ("candidate_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_template_id_appraisal_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."appraisal_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_assessments" ADD CONSTRAINT "capacity_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_assessments" ADD CONSTRAINT "capacity_assessments_assessed_organization_id_organizations_id_fk" FOREIGN KEY ("assessed_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_assessments" ADD CONSTRAINT "capacity_assessments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_assessments" ADD CONSTRAINT "capacity_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_items" ADD CONSTRAINT "support_plan_items_appraisal_id_appraisals_id_fk" FOREIGN KEY ("appraisal_id") REFERENCES "public"."appraisals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_items" ADD CONSTRAINT "support_plan_items_assessment_id_capacity_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."capacity_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_items" ADD CONSTRAINT "support_plan_items_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appraisal_decisions_appraisal_index" ON "appraisal_decisions" USING btree ("appraisal_id","decided_at");--> statement-breakpoint
CREATE INDEX "appraisal_files_appraisal_index" ON "appraisal_files" USING btree ("appraisal_id");--> statement-breakpoint
CREATE INDEX "appraisal_templates_organization_index" ON "appraisal_templates" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "appraisals_organization_index" ON "appraisals" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "appraisals_candidate_index" ON "appraisals" USING btree ("candidate_organization_id");--> statement-breakpoint
CREATE INDEX "appraisals_programme_index" ON "appraisals" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "capacity_assessments_organization_index" ON "capacity_assessments" USING btree ("organization_id","assessed_on");--> statement-breakpoint
CREATE INDEX "capacity_assessments_assessed_index" ON "capacity_assessments" USING btree ("assessed_organization_id","assessed_on");--> statement-breakpoint
CREATE INDEX "support_plan_items_appraisal_index" ON "support_plan_items" USING btree ("appraisal_id");--> statement-breakpoint
CREATE INDEX "support_plan_items_assessment_index" ON "support_plan_items" USING btree ("assessment_id");