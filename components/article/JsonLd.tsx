import type { PublicArticle } from "@/lib/articles/queries";
import type { PublicComment } from "@/lib/comments/types";
import type { FeedComment } from "@/lib/discovery/queries";
import { plainText } from "@/lib/discovery/site";
import type { FollowUpBlock } from "@/lib/followup";

type TopComment = Omit<FeedComment, "createdAt" | "editedAt"> & {
  createdAt: string;
  editedAt: string | null;
};

/** A data block, never executed; `<` is escaped so text cannot close it. */
export function JsonLdScript({ data }: { data: unknown }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}

/**
 * NewsArticle structured data, with the top approved comments as schema.org Comment (author, date,
 * text, upvoteCount, url), the approved comment count, and the editor's "What readers said" block.
 */
export function NewsArticleJsonLd({
  article,
  url,
  base,
  comments = [],
  followUp = null,
}: {
  article: PublicArticle;
  url: string;
  base?: string;
  comments?: TopComment[];
  followUp?: FollowUpBlock | null;
}) {
  const origin = base ?? new URL(url).origin;
  const commentLd = comments.map((c) => ({
    "@type": "Comment",
    "@id": `${url}/comments/${c.id}`,
    url: `${url}/comments/${c.id}`,
    text: plainText(c.body),
    datePublished: c.createdAt,
    ...(c.editedAt ? { dateModified: c.editedAt } : {}),
    upvoteCount: c.upvotes,
    author: {
      "@type": "Person",
      name: c.authorName ?? "Former reader",
      ...(c.authorHandle ? { url: `${origin}/readers/${c.authorHandle}` } : {}),
    },
  }));
  if (followUp?.publishedAt)
    commentLd.unshift({
      "@type": "Comment",
      "@id": `${url}#what-readers-said`,
      url: `${url}#what-readers-said`,
      text: `What readers said: ${followUp.text}`,
      datePublished: followUp.publishedAt,
      upvoteCount: 0,
      author: { "@type": "Organization", name: "Agora editors" } as never,
      ...({
        citation: followUp.quotes.map((q) => ({
          "@type": "Comment",
          url: `${origin}${q.url}`,
          text: q.excerpt,
          author: { "@type": "Person", name: q.authorName ?? "A reader" },
        })),
      } as object),
    });
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.description ?? undefined,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    author: [
      {
        "@type": "Person",
        name: article.author.name,
        jobTitle: article.author.job ?? undefined,
        url: `${origin}/authors/${article.author.slug}`,
      },
    ],
    mainEntityOfPage: url,
    keywords: article.tags.join(", "),
    commentCount: article.commentCount,
    ...(commentLd.length ? { comment: commentLd } : {}),
    interactionStatistic: {
      "@type": "InteractionCounter",
      interactionType: "https://schema.org/CommentAction",
      userInteractionCount: article.commentCount,
    },
  };
  return <JsonLdScript data={data} />;
}

const textOfHtml = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

/** A comment's own page: schema.org DiscussionForumPosting with its shown replies as Comment. */
export function CommentPostingJsonLd({
  comment,
  url,
  origin,
  articleTitle,
  articleUrl,
}: {
  comment: PublicComment;
  url: string;
  origin: string;
  articleTitle: string;
  articleUrl: string;
}) {
  const person = (a: PublicComment["author"]) => ({
    "@type": "Person",
    name: a?.name ?? "Former reader",
    ...(a?.handle ? { url: `${origin}/readers/${a.handle}` } : {}),
  });
  const stat = (c: PublicComment) => ({
    "@type": "InteractionCounter",
    interactionType: "https://schema.org/LikeAction",
    userInteractionCount: c.upvotes,
  });
  const data = {
    "@context": "https://schema.org",
    "@type": "DiscussionForumPosting",
    "@id": url,
    url,
    headline: `Comment on “${articleTitle}”`,
    text: comment.deleted ? "[deleted]" : textOfHtml(comment.bodyHtml),
    datePublished: comment.createdAt,
    ...(comment.editedAt ? { dateModified: comment.editedAt } : {}),
    author: person(comment.deleted ? null : comment.author),
    interactionStatistic: stat(comment),
    commentCount: comment.descendantCount,
    isPartOf: articleUrl,
    comment: comment.replies
      .filter((r) => !r.deleted)
      .map((r) => ({
        "@type": "Comment",
        url: `${origin}${r.url}`,
        text: textOfHtml(r.bodyHtml),
        datePublished: r.createdAt,
        author: person(r.author),
        upvoteCount: r.upvotes,
      })),
  };
  return <JsonLdScript data={data} />;
}
