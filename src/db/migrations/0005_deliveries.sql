CREATE TABLE "connection_windows" (
	"workspace_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"window_start" timestamp (3) with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "connection_windows_connection_id_window_start_pk" PRIMARY KEY("connection_id","window_start")
);
--> statement-breakpoint
CREATE TABLE "connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"provider" text NOT NULL,
	"channel" text NOT NULL,
	"config" jsonb NOT NULL,
	"credentials" text,
	"rate_limit" integer,
	"rate_per_seconds" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"draft_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"batch" integer DEFAULT 0 NOT NULL,
	"cursor" text,
	"recipients" jsonb,
	"state" text NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"send_by" timestamp (3) with time zone,
	"idempotency_key" text NOT NULL,
	"remote_id" text,
	"remote_url" text,
	"attempts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_error" jsonb,
	"reason" text,
	"sending_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"delivery_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"message" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "scheduled_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "schedule_zone" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "send_by" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "channel_offsets" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "state_reason" text;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "dry_run" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "connection_windows" ADD CONSTRAINT "connection_windows_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_windows" ADD CONSTRAINT "connection_windows_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connections_workspace_created" ON "connections" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "connections_one_sandbox_per_channel" ON "connections" USING btree ("workspace_id","channel") WHERE "connections"."provider" = 'sandbox';--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_idempotency_key" ON "deliveries" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_draft_connection_batch" ON "deliveries" USING btree ("draft_id","connection_id","batch");--> statement-breakpoint
CREATE INDEX "deliveries_workspace_created" ON "deliveries" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "deliveries_campaign" ON "deliveries" USING btree ("workspace_id","campaign_id");--> statement-breakpoint
CREATE INDEX "deliveries_due" ON "deliveries" USING btree ("due_at") WHERE "deliveries"."state" in ('scheduled', 'sending', 'unknown');--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_delivery" ON "outbox_messages" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "outbox_messages_workspace_created" ON "outbox_messages" USING btree ("workspace_id","created_at","id");