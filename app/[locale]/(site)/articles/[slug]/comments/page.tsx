// All comments of an article, page by page, in any sort: the no-JavaScript way to sort and "load more",
// and where the comment forms land after posting without JavaScript (showing what became of the
// comment). Rendered per request (it shows the reader's own outcome); the hot path is the article page.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CommentsSection } from "@/components/comments/CommentsSection";
import { getPublicArticle } from "@/lib/articles/cached";
import { getViewer } from "@/lib/auth/viewer";
import { SLUG_RE } from "@/lib/comments/articles";
import { readCommentPage } from "@/lib/comments/cached";
import { commentLimits, enforcedCommentLimits, THREADS } from "@/lib/comments/config";
import { type CommentFormError, commentFormError } from "@/lib/comments/form-errors";
import { pollFilterOptions, readVotedOptionPage } from "@/lib/comments/poll-tags";
import { getCommentForViewer } from "@/lib/comments/read";
import { COMMENT_SORTS, type CommentSort } from "@/lib/comments/types";
import { withDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { pageLocale } from "@/lib/i18n/server";
import { resolveVoter } from "@/lib/voter/identity";
import { postCommentForm } from "./actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "CommentsPage" });
  const ta = await getTranslations({ locale, namespace: "Article" });
  const { slug } = await params;
  const article = SLUG_RE.test(slug) ? await getPublicArticle(slug) : null;
  return {
    title: article ? t("title", { title: article.title }) : ta("notFound"),
    robots: { index: false },
  };
}

async function outcome(posted: string | undefined) {
  if (!posted) return null;
  const t = await getTranslations("CommentsPage");
  try {
    const c = await withDb(getCommentForViewer, await getViewer(), posted);
    if (c.status === "approved") return { ok: true, text: t("published"), url: c.url };
    return { ok: false, text: c.message ?? t("waiting"), url: null };
  } catch {
    return null;
  }
}

export default async function CommentsPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const t = await getTranslations("CommentsPage");
  const te = await getTranslations("CommentErrors");
  const say = (e: CommentFormError | null) => (e ? te(e.key, e.values) : null);
  const { slug } = await params;
  if (!SLUG_RE.test(slug)) notFound();
  const article = await getPublicArticle(slug);
  if (!article) notFound();
  const sp = await searchParams;
  const sortParam = one(sp.sort);
  const sort = COMMENT_SORTS.includes(sortParam as CommentSort) ? (sortParam as CommentSort) : null;
  let problem = say(commentFormError(one(sp.error), await withDb(enforcedCommentLimits)));
  let votedOption = one(sp.votedOption) || null;
  const voterKey = (await resolveVoter(await headers())).key;
  let page = null;
  try {
    page = votedOption
      ? await withDb(
          readVotedOptionPage,
          slug,
          votedOption,
          sort,
          one(sp.cursor) ?? null,
          undefined,
          voterKey,
        )
      : await readCommentPage(slug, sort, one(sp.cursor) ?? null);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    problem = say(
      commentFormError(
        e.field !== "votedOption"
          ? "expired_page"
          : e.code === "poll_results_hidden"
            ? "poll_results_hidden"
            : "unknown_option",
      ),
    );
    if (e.field === "votedOption") votedOption = null;
    page = votedOption
      ? await withDb(readVotedOptionPage, slug, votedOption, sort, null)
      : await readCommentPage(slug, sort, null);
  }
  const filterOptions = await pollFilterOptions(slug, voterKey);
  if (!page) notFound();
  const posted = await outcome(one(sp.posted));

  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <a href={`/articles/${slug}`}>{t("back")}</a>
      </p>
      <h1 className="mt-3 text-2xl font-bold">{t("title", { title: article.title })}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {t("count", { count: page.article.commentCount })}
      </p>
      {posted ? (
        <p
          role="status"
          className={`mt-4 rounded p-3 ${posted.ok ? "bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-200" : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200"}`}
        >
          {posted.text} {posted.url ? <a href={posted.url}>{t("seeIt")}</a> : null}
        </p>
      ) : null}
      {problem ? (
        <p
          id="comment-error"
          role="alert"
          className="mt-4 rounded bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {problem}
        </p>
      ) : null}
      <section id="comments" aria-labelledby="comments-heading">
        <h2 id="comments-heading" className="sr-only">
          {t("heading")}
        </h2>
        <CommentsSection
          key={`${page.sort}-${one(sp.cursor) ?? ""}-${votedOption ?? ""}`}
          slug={slug}
          mode="article"
          initial={{ comments: page.comments, nextCursor: page.nextCursor, sort: page.sort }}
          commentsOpen={page.article.commentsOpen}
          limits={commentLimits()}
          maxDepth={THREADS.visibleDepth}
          postAction={postCommentForm}
          filterOptions={filterOptions}
          votedOption={votedOption}
        />
      </section>
    </main>
  );
}
