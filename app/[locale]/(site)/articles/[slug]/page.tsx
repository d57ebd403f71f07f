// The public article page: rendered on its first request, then served from Next's cache until one of its
// tags is invalidated (docs/decisions/002-caching.md). Nothing per reader is rendered here: signed-in
// state, own votes and live figures come from the client.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArticleList } from "@/components/article/ArticleList";
import { ArticleStats } from "@/components/article/ArticleStats";
import { AuthorBox } from "@/components/article/AuthorBox";
import { NewsArticleJsonLd } from "@/components/article/JsonLd";
import { QuestionBlock } from "@/components/article/QuestionBlock";
import { References } from "@/components/article/References";
import { ViewBeacon } from "@/components/article/ViewBeacon";
import { ArticleComments } from "@/components/comments/ArticleComments";
import { FollowUpBlock } from "@/components/discovery/FollowUpBlock";
import { ArticleFeedback } from "@/components/feedback/ArticleFeedback";
import { Polls } from "@/components/polls/Polls";
import { getArticleLists, getPublicArticle, getRecommended } from "@/lib/articles/cached";
import { getArticleDiscussion } from "@/lib/discovery/cached";
import { pageLocale } from "@/lib/i18n/server";
import { renderArticleBody } from "@/lib/markdown/article";
import { postCommentForm } from "./comments/actions";

export const revalidate = 3600;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; slug: string }> };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Article" });
  const { slug } = await params;
  const article = SLUG.test(slug) ? await getPublicArticle(slug) : null;
  if (!article) return { title: t("notFound") };
  const description = article.description ?? article.question?.text ?? article.title;
  return {
    title: article.title,
    description,
    alternates: {
      canonical: `/articles/${article.slug}`,
      types: {
        "application/rss+xml": [
          {
            url: `/articles/${article.slug}/comments/feed.xml`,
            title: t("commentsFeed", { title: article.title, format: "RSS" }),
          },
          { url: "/feed.xml", title: t("latestFeed", { format: "RSS" }) },
        ],
        "application/atom+xml": [
          {
            url: `/articles/${article.slug}/comments/atom.xml`,
            title: t("commentsFeed", { title: article.title, format: "Atom" }),
          },
        ],
      },
    },
    openGraph: {
      type: "article",
      title: article.title,
      description,
      url: `/articles/${article.slug}`,
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt,
      authors: [article.author.name],
      tags: article.tags,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  await pageLocale(params);
  const { slug } = await params;
  if (!SLUG.test(slug)) notFound();
  const article = await getPublicArticle(slug);
  if (!article) notFound();
  const [{ latest, top }, recommended, discussion] = await Promise.all([
    getArticleLists(),
    getRecommended(slug),
    getArticleDiscussion(article.id, slug),
  ]);
  const body = renderArticleBody(article.body);
  const t = await getTranslations("Article");
  const format = await getFormatter();
  // the lists beside an article never offer the article being read
  const others = <T extends { slug: string }>(list: T[]) => list.filter((a) => a.slug !== article.slug);
  const base = process.env.AUTH_URL || process.env.AGORA_PUBLIC_URL || "http://localhost:3000";

  return (
    <main className="mx-auto grid max-w-6xl grid-cols-[minmax(0,1fr)] gap-10 px-4 py-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <article aria-labelledby="article-title">
        <header>
          <h1 id="article-title" className="text-3xl font-bold leading-tight sm:text-4xl">
            {article.title}
          </h1>
          <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
            {t.rich(article.author.job ? "byWithJob" : "by", {
              name: article.author.name,
              job: article.author.job ?? "",
              author: (c) => (
                <a href={`/authors/${article.author.slug}`} className="font-medium">
                  {c}
                </a>
              ),
            })}{" "}
            ·{" "}
            <time dateTime={article.publishedAt}>
              {format.dateTime(new Date(article.publishedAt), "long")}
            </time>
          </p>
          <ArticleStats
            stats={article.stats}
            updatedAt={article.updatedAt}
            publishedAt={article.publishedAt}
          />
          <ArticleFeedback slug={article.slug} />
          {article.tags.length ? (
            <ul aria-label={t("tags")} className="mt-3 flex flex-wrap gap-2 text-sm">
              {article.tags.map((t) => (
                <li key={t}>
                  <a
                    href={`/tags/${encodeURIComponent(t)}`}
                    className="rounded bg-zinc-100 px-2 py-0.5 dark:bg-zinc-800"
                  >
                    {t}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </header>
        <div className="prose-article mt-6" dangerouslySetInnerHTML={{ __html: body.html }} />
        {article.question ? (
          <QuestionBlock
            question={article.question}
            polls={<Polls slug={article.slug} polls={article.question.polls} />}
          />
        ) : null}
        {discussion.followUp ? <FollowUpBlock block={discussion.followUp} /> : null}
        <section id="comments" aria-labelledby="comments-heading" className="mt-10">
          <h2 id="comments-heading" className="text-2xl font-semibold">
            {t("comments")}{" "}
            <span className="text-base font-normal text-zinc-600 dark:text-zinc-400">
              ({format.number(article.commentCount)})
            </span>
          </h2>
          <ArticleComments slug={article.slug} postAction={postCommentForm} />
        </section>
        <References items={article.references} />
        <AuthorBox author={article.author} />
      </article>
      <aside aria-label={t("more")} className="lg:pt-2">
        <ArticleList id="top-articles" title={t("topArticles")} articles={others(top)} compact />
        <ArticleList id="latest-posts" title={t("latestPosts")} articles={others(latest)} compact />
        <ArticleList id="recommended" title={t("recommended")} articles={others(recommended)} compact />
      </aside>
      <NewsArticleJsonLd
        article={article}
        url={`${base}/articles/${article.slug}`}
        base={base}
        comments={discussion.top}
        followUp={discussion.followUp}
      />
      <ViewBeacon slug={article.slug} />
    </main>
  );
}
