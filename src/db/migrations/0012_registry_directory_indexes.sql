DROP INDEX "organizations_name_index";--> statement-breakpoint
CREATE INDEX "organizations_name_id_index" ON "organizations" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "organizations_scope_index" ON "organizations" USING btree ("scope");