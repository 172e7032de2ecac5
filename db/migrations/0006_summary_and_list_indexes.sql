DROP INDEX "commitments_reflection_idx";--> statement-breakpoint
DROP INDEX "reflections_event_idx";--> statement-breakpoint
CREATE INDEX "events_start_idx" ON "events" USING btree ("start_at","id");--> statement-breakpoint
CREATE INDEX "participations_attended_event_idx" ON "participations" USING btree ("event_id","executive_id") WHERE "participations"."status" = 'attended';--> statement-breakpoint
CREATE INDEX "reflection_emotions_reflection_idx" ON "reflection_emotions" USING btree ("reflection_id","emotion","intensity");--> statement-breakpoint
CREATE INDEX "commitments_reflection_idx" ON "commitments" USING btree ("reflection_id","owner_id","status","due_on");--> statement-breakpoint
CREATE INDEX "reflections_event_idx" ON "reflections" USING btree ("event_id","author_id","visibility","id");