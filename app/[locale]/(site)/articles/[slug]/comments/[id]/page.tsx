// A comment's own page: the comment in context (its ancestors above, its replies nested below). Cached
// like the article page and invalidated with it; per-reader state comes from the client.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CommentPostingJsonLd } from "@/components/article/JsonLd";
import { CommentsSection } from "@/components/comments/CommentsSection";
import { ThreadContext } from "@/components/comments/ThreadContext";
import { FollowThreadButton } from "@/components/notifications/FollowThreadButton";
import { getPublicArticle } from "@/lib/articles/cached";
import { SLUG_RE } from "@/lib/comments/articles";
import { commentLimits, THREADS } from "@/lib/comments/config";
import { getCachedCommentContext } from "@/lib/comments/pages";
import { absolute, siteUrl } from "@/lib/discovery/site";
import { pageLocale } from "@/lib/i18n/server";
import { postCommentForm } from "../actions";

export const revalidate = 3600;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; slug: string; id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function load(slug: string, id: string) {
  if (!SLUG_RE.test(slug) || !UUID.test(id)) return null;
  const article = await getPublicArticle(slug);
  if (!article) return null;
  const ctx = await getCachedCommentContext(slug, id);
  return ctx ? { article, ctx } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "CommentsPage" });
  const { slug, id } = await params;
  const data = await load(slug, id);
  if (!data) return { title: t("commentNotFound") };
  const who = data.ctx.comment.author?.name ?? t("aReader");
  return {
    title: t("commentBy", { name: who, title: data.article.title }),
    alternates: { canonical: `/articles/${slug}/comments/${id}` },
  };
}

export default async function CommentPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("CommentsPage");
  const { slug, id } = await params;
  const data = await load(slug, id);
  if (!data) notFound();
  const { article, ctx } = data;
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <a href={`/articles/${slug}#comments`}>{t("allOn", { title: article.title })}</a>
      </p>
      <h1 className="mt-3 mb-6 text-2xl font-bold">
        {t("byHeading", {
          name: ctx.comment.deleted ? t("deleted") : (ctx.comment.author?.name ?? t("formerReader")),
        })}
      </h1>
      <FollowThreadButton commentId={id} />
      <ThreadContext ancestors={ctx.ancestors} />
      <section id="comments" aria-labelledby="thread-heading">
        <h2 id="thread-heading" className="sr-only">
          {t("threadHeading")}
        </h2>
        <CommentsSection
          slug={slug}
          mode="thread"
          initial={{ comments: [ctx.comment], nextCursor: null, sort: "old" }}
          commentsOpen={article.commentsOpen}
          limits={commentLimits()}
          maxDepth={ctx.comment.depth + THREADS.visibleDepth}
          postAction={postCommentForm}
        />
      </section>
      <CommentPostingJsonLd
        comment={ctx.comment}
        url={absolute(`/articles/${slug}/comments/${id}`)}
        origin={siteUrl()}
        articleTitle={article.title}
        articleUrl={absolute(`/articles/${slug}`)}
      />
    </main>
  );
}
