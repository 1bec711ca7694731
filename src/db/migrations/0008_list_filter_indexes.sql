CREATE INDEX "campaigns_workspace_state" ON "campaigns" USING btree ("workspace_id","state","created_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_workspace_scheduled" ON "campaigns" USING btree ("workspace_id","scheduled_at") WHERE "campaigns"."scheduled_at" is not null;--> statement-breakpoint
CREATE INDEX "deliveries_workspace_state" ON "deliveries" USING btree ("workspace_id","state","created_at","id");--> statement-breakpoint
CREATE INDEX "deliveries_workspace_due" ON "deliveries" USING btree ("workspace_id","due_at");--> statement-breakpoint
CREATE INDEX "deliveries_workspace_settled" ON "deliveries" USING btree ("workspace_id","updated_at") WHERE "deliveries"."state" in ('sent', 'failed', 'cancelled', 'unknown');