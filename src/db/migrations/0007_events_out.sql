CREATE TABLE "event_sequences" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event_id" bigint,
	"event_type" text NOT NULL,
	"message_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone,
	"window_started_at" timestamp (3) with time zone NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"log" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"url" text NOT NULL,
	"description" text,
	"event_types" jsonb NOT NULL,
	"secret_sealed" text NOT NULL,
	"status" text NOT NULL,
	"disabled_reason" text,
	"last_seq" bigint NOT NULL,
	"failing_since" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "event_sequences" ADD CONSTRAINT "event_sequences_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event" ON "webhook_deliveries" USING btree ("endpoint_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint" ON "webhook_deliveries" USING btree ("workspace_id","endpoint_id","created_at","id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_endpoints_workspace" ON "webhook_endpoints" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_active" ON "webhook_endpoints" USING btree ("workspace_id") WHERE "webhook_endpoints"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "events_workspace_seq" ON "events" USING btree ("workspace_id","seq");--> statement-breakpoint
CREATE INDEX "events_unsequenced" ON "events" USING btree ("id") WHERE "events"."seq" is null;--> statement-breakpoint
-- Written by hand, after the generated part. Events already logged get their positions in id order.
UPDATE "events" SET "seq" = "numbered"."n"
FROM (SELECT "id", row_number() OVER (PARTITION BY "workspace_id" ORDER BY "id") AS "n" FROM "events") AS "numbered"
WHERE "events"."id" = "numbered"."id";
--> statement-breakpoint
INSERT INTO "event_sequences" ("workspace_id", "last_seq")
SELECT "workspace_id", max("seq") FROM "events" GROUP BY "workspace_id";
--> statement-breakpoint
-- At commit (a deferred constraint trigger runs just before COMMIT completes), the transaction's
-- events get their workspace positions and are announced on `toombos_events`. The counter row
-- stays locked until the commit is done, so within a workspace positions follow commit order and
-- NOTIFY order; a reader resuming after position N can never miss a later-committing smaller one.
-- The first firing sequences all of the transaction's events (workspaces in a fixed order, so two
-- committing transactions never wait on each other's counters in opposite orders); the others
-- find nothing left to do.
CREATE FUNCTION "events_sequence_at_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pending record;
  next_seq bigint;
  payload text;
BEGIN
  FOR pending IN
    SELECT "id", "workspace_id" FROM "events" WHERE "seq" IS NULL ORDER BY "workspace_id", "id"
  LOOP
    INSERT INTO "event_sequences" AS "s" ("workspace_id", "last_seq")
      VALUES (pending."workspace_id", 1)
      ON CONFLICT ("workspace_id") DO UPDATE SET "last_seq" = "s"."last_seq" + 1
      RETURNING "s"."last_seq" INTO next_seq;
    UPDATE "events" AS "e" SET "seq" = next_seq WHERE "e"."id" = pending."id"
      RETURNING row_to_json("e".*)::text INTO payload;
    -- NOTIFY payloads are capped at 8000 bytes: a larger event travels as a reference
    -- (src/events/types.ts, INLINE_EVENT_MAX_BYTES).
    IF octet_length(payload) > 7800 THEN
      payload := json_build_object('id', pending."id", 'truncated', true)::text;
    END IF;
    PERFORM pg_notify('toombos_events', payload);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "events_sequence" AFTER INSERT ON "events" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "events_sequence_at_commit"();
