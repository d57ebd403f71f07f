"use server";
// Posting without JavaScript: the comment forms post here (a server action). Next checks the Origin of
// server-action posts itself. The reader lands on the comments page, which shows what became of the
// comment (published, or held with the reason) or what was wrong with it.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { decide, refusal } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { SLUG_RE } from "@/lib/comments/articles";
import { errorCodeForUrl } from "@/lib/comments/form-errors";
import { postComment } from "@/lib/comments/write";
import { withDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { ipHash } from "@/lib/http/client";

function field(fd: FormData, name: string): string {
  const v = fd.get(name);
  return typeof v === "string" ? v : "";
}

export async function postCommentForm(fd: FormData): Promise<void> {
  const slug = field(fd, "slug");
  if (!SLUG_RE.test(slug)) redirect("/");
  const parentId = field(fd, "parentId") || null;
  const back = parentId ? `/articles/${slug}/comments/${parentId}` : `/articles/${slug}`;
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(`${back}#comments`)}`);
  let outcome: string;
  try {
    const d = decide(viewer, "comment");
    if (!d.ok) throw refusal(d);
    const h = await headers();
    const ip = ipHash(h);
    const r = await withDb(postComment, viewer, {
      slug,
      body: field(fd, "body"),
      parentId,
      ipHash: ip,
      honeypot: field(fd, "website") || undefined,
    });
    outcome = `posted=${r.id}#c-${r.id}`;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    // a code only: the page maps it to a fixed sentence (never shows text from its URL)
    const q = new URLSearchParams({ error: errorCodeForUrl(e.code) });
    if (parentId) q.set("parent", parentId);
    outcome = `${q.toString()}#comment-error`;
  }
  redirect(`/articles/${slug}/comments?${outcome}`);
}
