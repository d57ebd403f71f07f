CREATE TABLE "imported_accounts" (
	"user_id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"scope" text NOT NULL,
	"email_hash" text,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "imported_accounts" ADD CONSTRAINT "imported_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imported_accounts" ADD CONSTRAINT "imported_accounts_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imported_accounts_email_idx" ON "imported_accounts" USING btree ("email_hash");--> statement-breakpoint
-- accounts made by imports before this table: the ledger keeps their key (an e-mail hash for authors without a username)
INSERT INTO "imported_accounts" ("user_id", "source", "scope", "email_hash", "created_at")
SELECT i."local_id", i."source", i."scope",
  CASE WHEN i."external_id" LIKE 'e:%' THEN substr(i."external_id", 3) END, i."created_at"
FROM "imported_items" i JOIN "users" u ON u."id" = i."local_id"
WHERE i."kind" = 'user'
ON CONFLICT DO NOTHING;
