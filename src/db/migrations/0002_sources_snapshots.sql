CREATE TABLE "snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"previous_snapshot_id" uuid,
	"content_hash" text NOT NULL,
	"raw_text" text NOT NULL,
	"strategy" text NOT NULL,
	"title" text,
	"items" jsonb NOT NULL,
	"warnings" jsonb NOT NULL,
	"issues" jsonb NOT NULL,
	"diff" jsonb NOT NULL,
	"item_count" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"content" text,
	"strategy" text,
	"sync_interval_minutes" integer,
	"next_sync_at" timestamp (3) with time zone,
	"last_sync_at" timestamp (3) with time zone,
	"last_sync_status" text,
	"last_sync_error" jsonb,
	"latest_snapshot_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "snapshots_source_created" ON "snapshots" USING btree ("workspace_id","source_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sources_workspace_created" ON "sources" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sources_next_sync" ON "sources" USING btree ("next_sync_at") WHERE "sources"."next_sync_at" is not null;