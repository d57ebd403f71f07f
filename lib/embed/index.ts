// Comments on pages Agora does not host (issue 17, docs/decisions/121-embed.md). A publisher's page loads
// /embed.js, which frames /embed/threads/{identifier}; the thread behind it is an external thread keyed
// by (the page's origin, the identifier), made on its first load, and only for an origin listed in the
// admin setting `embedOrigins`. Everything else about it (comments, votes, moderation, counts, feeds)
// is that of an ordinary article row.
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { articles, externalThreads } from "@/db/schema";
import { Forbidden, Invalid } from "@/lib/errors";
import { msg, zodIssueText } from "@/lib/i18n/text";
import { ensureExternalThread } from "@/lib/import";
import { consume } from "@/lib/rate-limit";
import { getSettings } from "@/lib/settings";

export const identifierSchema = z
  .string({ error: "data-agora-id is required" })
  .trim()
  .min(1, "data-agora-id must not be empty")
  .max(200, "data-agora-id must be at most 200 characters")
  .regex(/^[^\p{Cc}]+$/u, "data-agora-id must not hold control characters");

export const embedQuery = z.object({
  origin: z.string({ error: "origin is required" }).max(200, "origin is too long"),
  url: z.string().max(2000, "url is too long").optional(),
  title: z.string().max(300, "title is too long").optional(),
  theme: z.enum(["light", "dark"], { error: "theme must be light or dark" }).optional(),
  poll: z.string().max(100, "poll is too long").optional(),
});

/** The origin as scheme://host:port, or null when it is not an http(s) origin. */
export function normalOrigin(s: string | null | undefined): string | null {
  if (!s) return null;
  try {
    const u = new URL(s);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return u.origin;
  } catch {
    return null;
  }
}

/** The origins allowed to frame /embed/* (the admin setting `embedOrigins`). */
export async function embedOrigins(): Promise<string[]> {
  return (await getSettings(await getDb())).embedOrigins;
}

export interface EmbedThread {
  slug: string;
  title: string;
  origin: string;
  identifier: string;
  created: boolean;
}

/**
 * The thread for (origin, identifier), created on first load. `origin` must be on the list and agree
 * with the page that framed us (Referer); the browser enforces the same through frame-ancestors, which
 * lists the allowed origins. New threads are rate-limited per network.
 */
export async function openEmbedThread(input: {
  origin: string;
  identifier: unknown;
  url?: string;
  title?: string;
  referer: string | null;
  /** this site's own origins: the frame opened as a page of its own (first-party) comes from there */
  self: string[];
  ipHash: string;
}): Promise<EmbedThread> {
  const identifier = identifierSchema.safeParse(input.identifier);
  if (!identifier.success) throw new Invalid("id", zodIssueText(identifier.error.issues[0]));
  const allowed = await embedOrigins();
  if (!allowed.includes(input.origin))
    throw new Forbidden(msg("Api.embed.embedOrigin", { origin: input.origin }), "embed_origin");
  const refOrigin = normalOrigin(input.referer);
  if (refOrigin && refOrigin !== input.origin && !input.self.includes(refOrigin))
    throw new Forbidden(msg("Api.embed.embedOrigin2", { refOrigin, origin: input.origin }), "embed_origin");
  const db = await getDb();
  const id = identifier.data;
  const [found] = await db
    .select({ slug: articles.slug, title: articles.title })
    .from(externalThreads)
    .innerJoin(articles, eq(articles.id, externalThreads.articleId))
    .where(and(eq(externalThreads.origin, input.origin), eq(externalThreads.identifier, id)))
    .limit(1);
  if (found) return { ...found, origin: input.origin, identifier: id, created: false };
  await consume("embed_thread_ip", input.ipHash);
  const url = normalOrigin(input.url) === input.origin ? (input.url ?? null) : null;
  const title = (input.title ?? "").trim() || id;
  const t = await ensureExternalThread(db, { origin: input.origin, identifier: id, url, title });
  return { slug: t.slug, title, origin: input.origin, identifier: id, created: true };
}

/** Approved-comment counts of a page's threads by identifier (unknown ones: 0), for data-agora-count. */
export async function embedCounts(origin: string, identifiers: string[]): Promise<Record<string, number>> {
  const ids = [...new Set(identifiers)].slice(0, 100);
  const out: Record<string, number> = Object.fromEntries(ids.map((i) => [i, 0]));
  if (ids.length === 0) return out;
  const db = await getDb();
  const rows = await db
    .select({ identifier: externalThreads.identifier, count: articles.commentCount })
    .from(externalThreads)
    .innerJoin(articles, eq(articles.id, externalThreads.articleId))
    .where(and(eq(externalThreads.origin, origin), inArray(externalThreads.identifier, ids)));
  for (const r of rows) out[r.identifier] = r.count;
  return out;
}
