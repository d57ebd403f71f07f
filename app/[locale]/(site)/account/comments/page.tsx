import Link from "next/link";
import { AppealForm } from "@/components/account/AppealForm";
import { StatusBadge, when } from "@/components/admin/ui";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { listOwnComments } from "@/lib/moderation/author-view";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your comments" };

/** An author's own comments with what moderation decided and why, and the appeal for rejections. */
export default async function OwnCommentsPage() {
  const viewer = await requirePageViewer("account", "/account/comments");
  const items = await withDb(listOwnComments, viewer.id);
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-bold">Your comments</h1>
      {items.length === 0 ? <p className="mt-4">You have not commented yet.</p> : null}
      <ol className="mt-6 space-y-4">
        {items.map((c) => (
          <li
            key={c.id}
            className="rounded border border-zinc-200 p-3 dark:border-zinc-800"
            data-comment-id={c.id}
          >
            <p className="text-sm">
              <StatusBadge status={c.status} /> {when(c.createdAt)} on{" "}
              {c.article.external ? (
                c.article.href ? (
                  <a href={c.article.href} rel="noopener noreferrer">
                    {c.article.title}
                  </a>
                ) : (
                  c.article.title
                )
              ) : (
                <Link href={c.article.href ?? `/articles/${c.article.slug}`}>{c.article.title}</Link>
              )}
            </p>
            <p className="mt-2 whitespace-pre-wrap break-words">{c.body}</p>
            <p className="mt-2 text-sm font-medium">{c.explanation}</p>
            {c.appeal ? (
              <p className="mt-1 text-sm">
                Appeal {c.appeal.status === "open" ? "waiting for a moderator" : c.appeal.status} (sent{" "}
                {when(c.appeal.createdAt)}).
              </p>
            ) : null}
            {c.mayAppeal ? <AppealForm commentId={c.id} /> : null}
          </li>
        ))}
      </ol>
    </main>
  );
}
