DROP INDEX "decisions_timeline_index";--> statement-breakpoint
DROP INDEX "interactions_timeline_index";--> statement-breakpoint
DROP INDEX "interactions_from_index";--> statement-breakpoint
DROP INDEX "interactions_to_index";--> statement-breakpoint
DROP INDEX "learning_exchanges_timeline_index";--> statement-breakpoint
DROP INDEX "meetings_timeline_index";--> statement-breakpoint
DROP INDEX "open_ratings_programme_index";--> statement-breakpoint
CREATE INDEX "decisions_timeline_index" ON "decisions" USING btree ("programme_id","date","id");--> statement-breakpoint
CREATE INDEX "interactions_timeline_index" ON "interactions" USING btree ("programme_id","date","id");--> statement-breakpoint
CREATE INDEX "interactions_from_index" ON "interactions" USING btree ("programme_id","from_organization_id","date","id");--> statement-breakpoint
CREATE INDEX "interactions_to_index" ON "interactions" USING btree ("programme_id","to_organization_id","date","id");--> statement-breakpoint
CREATE INDEX "learning_exchanges_timeline_index" ON "learning_exchanges" USING btree ("programme_id","date","id");--> statement-breakpoint
CREATE INDEX "meetings_timeline_index" ON "meetings" USING btree ("programme_id","date","id");--> statement-breakpoint
CREATE INDEX "open_ratings_programme_index" ON "open_ratings" USING btree ("programme_id","date","id");