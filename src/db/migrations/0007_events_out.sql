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
-- Written by hand, after the generated part. Events already logged get their positions in id order.
UPDATE "events" SET "seq" = "numbered"."n"
FROM (SELECT "id", row_number() OVER (PARTITION BY "workspace_id" ORDER BY "id") AS "n" FROM "events") AS "numbered"
WHERE "events"."id" = "numbered"."id";
--> statement-breakpoint
INSERT INTO "event_sequences" ("workspace_id", "last_seq")
SELECT "workspace_id", max("seq") FROM "events" GROUP BY "workspace_id";
--> statement-breakpoint
-- Each INSERT statement on events remembers its rows' ids for the commit-time numbering, in a
-- transaction-local setting (undone with a rolled-back savepoint, like the rows themselves).
CREATE FUNCTION "events_remember_new"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config(
    'toombos.new_events',
    concat_ws(',', nullif(current_setting('toombos.new_events', true), ''), (SELECT string_agg("id"::text, ',') FROM "inserted")),
    true);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "events_remember_new" AFTER INSERT ON "events" REFERENCING NEW TABLE AS "inserted" FOR EACH STATEMENT EXECUTE FUNCTION "events_remember_new"();
--> statement-breakpoint
-- At commit (a deferred constraint trigger runs just before COMMIT completes), the transaction's
-- events get their workspace positions and are announced on `toombos_events`. The counter row
-- stays locked until the commit is done, so within a workspace positions follow commit order and
-- NOTIFY order; a reader resuming after position N can never miss a later-committing smaller one.
-- The trigger fires once per row; the first firing numbers every remembered event (one counter
-- write and one update per workspace, workspaces in a fixed order so two committing transactions
-- never wait on each other's counters in opposite orders) and clears the list; the rest return.
CREATE FUNCTION "events_sequence_at_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pending bigint[];
  ws record;
  top bigint;
  announced bigint;
BEGIN
  pending := string_to_array(nullif(current_setting('toombos.new_events', true), ''), ',')::bigint[];
  IF pending IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('toombos.new_events', '', true);
  FOR ws IN
    SELECT "workspace_id", count(*) AS "n" FROM "events" WHERE "id" = ANY(pending)
    GROUP BY "workspace_id" ORDER BY "workspace_id"
  LOOP
    INSERT INTO "event_sequences" AS "s" ("workspace_id", "last_seq")
      VALUES (ws."workspace_id", ws."n")
      ON CONFLICT ("workspace_id") DO UPDATE SET "last_seq" = "s"."last_seq" + ws."n"
      RETURNING "s"."last_seq" INTO top;
    -- NOTIFY payloads are capped at 8000 bytes: a larger event travels as a reference
    -- (src/events/types.ts, INLINE_EVENT_MAX_BYTES).
    WITH "numbered" AS (
      SELECT "id", top - ws."n" + row_number() OVER (ORDER BY "id") AS "seq"
      FROM "events" WHERE "id" = ANY(pending) AND "workspace_id" = ws."workspace_id"
    ), "sequenced" AS (
      UPDATE "events" AS "e" SET "seq" = "numbered"."seq" FROM "numbered"
      WHERE "e"."id" = "numbered"."id"
      RETURNING "e"."id", row_to_json("e".*)::text AS "payload"
    )
    SELECT count(pg_notify('toombos_events', CASE WHEN octet_length("payload") <= 7800 THEN "payload"
        ELSE json_build_object('id', "id", 'truncated', true)::text END))
      INTO announced
      FROM (SELECT * FROM "sequenced" ORDER BY "id") AS "ordered";
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "events_sequence" AFTER INSERT ON "events" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "events_sequence_at_commit"();
