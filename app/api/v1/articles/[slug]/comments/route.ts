import { apiLocale, checkOrigin, handle, json, readBody, validate } from "@/lib/api/http";
import { requireViewer } from "@/lib/auth/permissions";
import { getCommentPage } from "@/lib/comments/cached";
import { listQuery, postInput } from "@/lib/comments/input";
import { localizeResult } from "@/lib/comments/localize";
import { attachVotedTags, readVotedOptionPage, votedTagsOf } from "@/lib/comments/poll-tags";
import { postComment } from "@/lib/comments/write";
import { withDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { ipHash } from "@/lib/http/client";
import { msg } from "@/lib/i18n/text";
import { resolveVoter, userKey } from "@/lib/voter/identity";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };

/** A page of top-level threads with their first replies; the same for every reader (served from memory). */
export const GET = handle(async (req: Request, ctx: Ctx) => {
  const { slug } = await ctx.params;
  const q = validate(listQuery, Object.fromEntries(new URL(req.url).searchParams));
  if (q.votedOption !== undefined) {
    // filtered to readers who voted an option: read per request, never from the shared page cache
    const filtered = await withDb(
      readVotedOptionPage,
      slug,
      q.votedOption,
      q.sort ?? null,
      q.cursor ?? null,
      q.limit,
      (await resolveVoter(req.headers)).key,
    );
    if (!filtered) throw new NotFound(msg("Api.routes.noPublishedArticle", { slug }));
    return json(filtered);
  }
  const page = await getCommentPage(slug, q.sort ?? null, q.cursor ?? null, q.limit);
  if (!page) throw new NotFound(msg("Api.routes.noPublishedArticle", { slug }));
  return new Response(page.json, {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
});

/** Posts a comment or a reply: 201 {id, status, message, comment}. */
export const POST = handle(async (req: Request, ctx: Ctx) => {
  checkOrigin(req);
  const viewer = await requireViewer(req, "comment");
  const { slug } = await ctx.params;
  const input = await readBody(req, postInput);
  const ip = ipHash(req);
  // the comment limits (per author, per network) are moderation's rate-limit phase: one rule, one place
  // the author's poll tag is read while the comment is checked and stored: their own vote, so also for
  // a poll whose results only voters see (they voted)
  const tags = withDb(votedTagsOf, slug, [viewer.id], userKey(viewer.id));
  tags.catch(() => {});
  const r = await withDb(postComment, viewer, {
    slug,
    body: input.body,
    parentId: input.parentId ?? null,
    ipHash: ip,
    honeypot: input.website,
  });
  await withDb(attachVotedTags, slug, [r.comment], await tags);
  const { message, comment } = localizeResult(r, apiLocale(req));
  return json({ id: r.id, status: r.status, message, comment }, { status: 201 });
});
