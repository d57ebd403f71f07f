// A tag's page: its published articles, newest first. Cached; invalidated with the article lists.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArticleCards, FeedLinks, feedAlternates } from "@/components/discovery/ArticleCards";
import { getTagArticles, TAG_RE } from "@/lib/discovery/cached";
import { pageLocale } from "@/lib/i18n/server";

export const revalidate = 3600;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; tag: string }> };

async function tagOf(params: Props["params"]): Promise<string | null> {
  const tag = decodeURIComponent((await params).tag);
  return TAG_RE.test(tag) ? tag : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "TagPage" });
  const tag = await tagOf(params);
  if (!tag) return { title: t("notFound") };
  const base = `/tags/${encodeURIComponent(tag)}`;
  return {
    title: t("title", { tag }),
    description: t("description", { tag }),
    alternates: { canonical: base, types: feedAlternates(base, t("feed", { tag })) },
  };
}

export default async function TagPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("TagPage");
  const tag = await tagOf(params);
  if (!tag) notFound();
  const articles = await getTagArticles(tag);
  if (!articles.length) notFound();
  const base = `/tags/${encodeURIComponent(tag)}`;
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <header className="mb-6">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("kicker")}</p>
        <h1 className="text-3xl font-bold">{tag}</h1>
        <FeedLinks base={base} />
      </header>
      <section aria-label={t("feed", { tag })}>
        <ArticleCards articles={articles} />
      </section>
    </main>
  );
}
