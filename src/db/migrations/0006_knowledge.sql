CREATE TABLE "knowledge_article_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"language" text NOT NULL,
	"number" integer NOT NULL,
	"current" boolean DEFAULT true NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"features" text[] DEFAULT '{}'::text[] NOT NULL,
	"author_name" text NOT NULL,
	"author_user_id" uuid,
	"author_organization_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text DEFAULT 'article' NOT NULL,
	"category" text NOT NULL,
	"owner_organization_id" uuid,
	"visibility" text DEFAULT 'private' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_author_organization_id_organizations_id_fk" FOREIGN KEY ("author_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_article_versions_number_unique" ON "knowledge_article_versions" USING btree ("article_id","language","number");--> statement-breakpoint
CREATE INDEX "knowledge_article_versions_current_index" ON "knowledge_article_versions" USING btree ("article_id","language") WHERE "knowledge_article_versions"."current";--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_articles_shipped_slug_unique" ON "knowledge_articles" USING btree ("slug","kind") WHERE "knowledge_articles"."owner_organization_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_articles_owned_slug_unique" ON "knowledge_articles" USING btree ("owner_organization_id","slug","kind") WHERE "knowledge_articles"."owner_organization_id" is not null;--> statement-breakpoint
CREATE INDEX "knowledge_articles_owner_index" ON "knowledge_articles" USING btree ("owner_organization_id");