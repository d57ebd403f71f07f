// The home page. `/` is rewritten here (next.config.js) so that the page is rendered on its first
// request and then served from the cache: `next build` needs no database (docs/decisions/002-caching.md).
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/article/ArticleList";
import { getArticleLists } from "@/lib/articles/cached";
import { pageLocale } from "@/lib/i18n/server";

export const revalidate = 300;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

export const metadata = {
  title: { absolute: "Agora — latest and top articles" },
  description:
    "The latest articles and the most read ones, each with its reader question, polls and discussion.",
  alternates: {
    canonical: "/",
    types: {
      "application/rss+xml": [{ url: "/feed.xml", title: "Agora: latest articles (RSS)" }],
      "application/atom+xml": [{ url: "/atom.xml", title: "Agora: latest articles (Atom)" }],
    },
  },
};

export default async function Home({ params }: { params: Promise<{ locale: string; view: string }> }) {
  await pageLocale(params);
  const { view } = await params;
  if (view !== "home") notFound();
  const { latest, top } = await getArticleLists();
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="sr-only">Agora</h1>
      <ArticleList id="latest" title="Latest articles" articles={latest} />
      <ArticleList id="top" title="Top articles" articles={top} />
    </main>
  );
}
