CREATE TABLE "event_sequences" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "event_sequences" ADD CONSTRAINT "event_sequences_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
