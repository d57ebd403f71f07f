ALTER TABLE "users" ALTER COLUMN "show_poll_tag" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "session_version" integer;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "created_role" text;--> statement-breakpoint
-- hand-written: begin
-- tokens made before this migration: bound to their account's current session version and role
UPDATE "api_tokens" t SET "session_version" = u."session_version", "created_role" = u."role" FROM "users" u WHERE u."id" = t."user_id" AND t."session_version" IS NULL;
-- hand-written: end
