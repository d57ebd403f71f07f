// The home page. `/` is rewritten here (next.config.js) so that the page is rendered on its first
// request and then served from the cache: `next build` needs no database (docs/decisions/002-caching.md).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArticleList } from "@/components/article/ArticleList";
import { getArticleLists } from "@/lib/articles/cached";
import { pageLocale } from "@/lib/i18n/server";

export const revalidate = 300;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; view: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Home" });
  return {
    title: { absolute: t("title") },
    description: t("description"),
    alternates: {
      canonical: "/",
      types: {
        "application/rss+xml": [{ url: "/feed.xml", title: t("feed", { format: "RSS" }) }],
        "application/atom+xml": [{ url: "/atom.xml", title: t("feed", { format: "Atom" }) }],
      },
    },
  };
}

export default async function Home({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("Home");
  const { view } = await params;
  if (view !== "home") notFound();
  const { latest, top } = await getArticleLists();
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="sr-only">Agora</h1>
      <ArticleList id="latest" title={t("latest")} articles={latest} />
      <ArticleList id="top" title={t("top")} articles={top} />
    </main>
  );
}
