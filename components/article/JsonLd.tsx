import type { PublicArticle } from "@/lib/articles/queries";

/** NewsArticle structured data. A data block, never executed; `<` is escaped so text cannot close it. */
export function NewsArticleJsonLd({ article, url }: { article: PublicArticle; url: string }) {
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.description ?? undefined,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    author: [{ "@type": "Person", name: article.author.name, jobTitle: article.author.job ?? undefined }],
    mainEntityOfPage: url,
    keywords: article.tags.join(", "),
    interactionStatistic: {
      "@type": "InteractionCounter",
      interactionType: "https://schema.org/CommentAction",
      userInteractionCount: article.commentCount,
    },
  };
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}
