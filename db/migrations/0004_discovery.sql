CREATE TABLE "article_follow_ups" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"comment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"polls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_shortlist" (
	"comment_id" uuid PRIMARY KEY NOT NULL,
	"article_id" uuid NOT NULL,
	"added_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "handle" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "handle_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "profile_hidden" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "article_follow_ups" ADD CONSTRAINT "article_follow_ups_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_shortlist" ADD CONSTRAINT "comment_shortlist_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_shortlist" ADD CONSTRAINT "comment_shortlist_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comment_shortlist_article_idx" ON "comment_shortlist" USING btree ("article_id","created_at");--> statement-breakpoint
CREATE INDEX "articles_tags_idx" ON "articles" USING gin ("tags");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_handle_unique" UNIQUE("handle");--> statement-breakpoint
-- hand-written: begin
-- Site search (docs/decisions/090-site-search.md): agora_unaccent() is unaccent() where the database has
-- the extension, else the text unchanged (search is then accent-sensitive); the generated tsvector
-- columns and their GIN indexes are not in the Drizzle schema so that `select *` never reads them.
DO $do$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
  EXCEPTION WHEN others THEN
    RAISE NOTICE 'unaccent is not available: site search is accent-sensitive';
  END;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
    EXECUTE $f$CREATE OR REPLACE FUNCTION public.agora_unaccent(t text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $b$ SELECT public.unaccent('public.unaccent'::regdictionary, t) $b$$f$;
  ELSE
    EXECUTE $f$CREATE OR REPLACE FUNCTION public.agora_unaccent(t text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $b$ SELECT t $b$$f$;
  END IF;
END
$do$;
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, public.agora_unaccent(coalesce("title", ''))), 'A') ||
  setweight(to_tsvector('english'::regconfig, public.agora_unaccent(coalesce("description", ''))), 'B') ||
  setweight(to_tsvector('english'::regconfig, public.agora_unaccent(coalesce("body", ''))), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  to_tsvector('english'::regconfig, public.agora_unaccent(coalesce("body", '')))
) STORED;
--> statement-breakpoint
CREATE INDEX "comments_search_idx" ON "comments" USING gin ("search") WHERE "status" = 'approved';
--> statement-breakpoint
-- Reader handles (docs/decisions/091-reader-handles.md): derived from the display name when none is
-- given, on every insert path (sign-up, OAuth and magic-link accounts, scripts); existing users too.
CREATE OR REPLACE FUNCTION public.agora_handle_for(name text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
  base text;
  cand text;
  n int := 0;
BEGIN
  base := regexp_replace(lower(public.agora_unaccent(coalesce(name, ''))), '[^a-z0-9]+', '-', 'g');
  base := trim(both '-' from left(trim(both '-' from base), 24));
  IF length(base) < 3 OR base ~ '(^|-)(admin|administrator|moderator|mod|staff|agora|team)(-|$)' THEN
    base := 'reader';
  END IF;
  cand := base;
  WHILE EXISTS (SELECT 1 FROM users WHERE handle = cand) LOOP
    n := n + 1;
    cand := base || '-' || substr(md5(random()::text || n::text), 1, 4 + n / 10);
  END LOOP;
  RETURN cand;
END
$f$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.agora_users_handle() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.handle IS NULL THEN
    NEW.handle := public.agora_handle_for(NEW.name);
  ELSE
    NEW.handle := lower(NEW.handle);
  END IF;
  RETURN NEW;
END
$f$;
--> statement-breakpoint
CREATE TRIGGER users_handle_default BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION public.agora_users_handle();
--> statement-breakpoint
DO $do$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT id, name FROM users WHERE handle IS NULL ORDER BY created_at, id LOOP
    UPDATE users SET handle = public.agora_handle_for(r.name) WHERE id = r.id;
  END LOOP;
END
$do$;
-- hand-written: end
