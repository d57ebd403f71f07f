// An author's page: name, job, hobbies, introduction and their articles. Never birthday, address or
// phone (they are not stored). Cached; invalidated with the article lists.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthorFacts } from "@/components/article/AuthorBox";
import { ArticleCards, FeedLinks, feedAlternates } from "@/components/discovery/ArticleCards";
import { AUTHOR_SLUG_RE, getAuthorPage } from "@/lib/discovery/cached";
import { pageLocale } from "@/lib/i18n/server";

export const revalidate = 3600;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; slug: string }> };

async function load(params: Props["params"]) {
  const { slug } = await params;
  return AUTHOR_SLUG_RE.test(slug) && slug.length <= 100 ? getAuthorPage(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "AuthorPage" });
  const page = await load(params);
  if (!page) return { title: t("notFound") };
  const base = `/authors/${page.author.slug}`;
  const by = t("articlesBy", { name: page.author.name });
  return {
    title: page.author.name,
    description: page.author.introduction ?? by,
    alternates: { canonical: base, types: feedAlternates(base, by) },
  };
}

export default async function AuthorPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("AuthorPage");
  const page = await load(params);
  if (!page) notFound();
  const { author, articles } = page;
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <header className="mb-8 max-w-2xl">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("kicker")}</p>
        <h1 className="text-3xl font-bold">{author.name}</h1>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
          <AuthorFacts author={author} />
        </dl>
        {author.introduction ? (
          <p className="mt-3 text-zinc-700 dark:text-zinc-300">{author.introduction}</p>
        ) : null}
        <FeedLinks base={`/authors/${author.slug}`} />
      </header>
      <section aria-labelledby="author-articles">
        <h2 id="author-articles" className="mb-4 text-2xl font-semibold">
          {t("articlesBy", { name: author.name })}
        </h2>
        <ArticleCards articles={articles} showAuthor={false} />
      </section>
    </main>
  );
}
