// Structured data of the article and comment pages: the JSON parses, carries schema.org Comment (author,
// date, text, upvoteCount, url), commentCount and the editor's block; a comment page is a
// DiscussionForumPosting; `<` in reader text cannot close the script element.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentPostingJsonLd, NewsArticleJsonLd } from "@/components/article/JsonLd";
import type { PublicArticle } from "@/lib/articles/queries";
import type { PublicComment } from "@/lib/comments/types";

function ldOf(html: string): Record<string, unknown> {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  expect(m![1]).not.toContain("</");
  return JSON.parse(m![1]);
}

const article = {
  id: "a1",
  slug: "s",
  title: "T",
  description: null,
  body: "",
  tags: ["russia"],
  references: [],
  publishedAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-02T00:00:00.000Z",
  commentsOpen: true,
  defaultSort: "new",
  commentCount: 2,
  stats: { views: 1, ratingAverage: null, ratingVotes: 0, helpfulPercent: null },
  author: { name: "Delena Feil", slug: "delena-feil", job: null, hobbies: [], introduction: null },
  question: null,
} satisfies PublicArticle;

describe("JSON-LD", () => {
  it("the article carries Comment objects, commentCount and the follow-up block", () => {
    const html = renderToStaticMarkup(
      createElement(NewsArticleJsonLd, {
        article,
        url: "https://news.example/articles/s",
        comments: [
          {
            id: "c1",
            body: "A **bold** answer </script><script>alert(1)</script>",
            bodyHtml: "",
            createdAt: "2026-01-03T00:00:00.000Z",
            editedAt: null,
            upvotes: 4,
            authorName: "Quinta",
            authorHandle: "quinta",
          },
        ],
        followUp: {
          text: "Thanks",
          published: true,
          publishedAt: "2026-01-04T00:00:00.000Z",
          quotes: [],
          polls: [],
        },
      }),
    );
    const ld = ldOf(html);
    expect(ld["@type"]).toBe("NewsArticle");
    expect(ld.commentCount).toBe(2);
    const comments = ld.comment as Record<string, unknown>[];
    expect(comments[0].text).toMatch(/^What readers said: Thanks/);
    const c = comments[1];
    expect(c).toMatchObject({
      "@type": "Comment",
      url: "https://news.example/articles/s/comments/c1",
      datePublished: "2026-01-03T00:00:00.000Z",
      upvoteCount: 4,
      author: { "@type": "Person", name: "Quinta", url: "https://news.example/readers/quinta" },
    });
    expect(c.text).toContain("A bold answer");
  });

  it("a comment page is a DiscussionForumPosting with its replies", () => {
    const base: PublicComment = {
      id: "c1",
      parentId: null,
      rootId: "c1",
      depth: 0,
      author: { id: "u1", name: "Quinta", handle: null },
      bodyHtml: "<p>Hello &amp; welcome</p>",
      status: "approved",
      deleted: false,
      score: 3,
      upvotes: 3,
      downvotes: 0,
      replyCount: 1,
      descendantCount: 1,
      createdAt: "2026-01-03T00:00:00.000Z",
      editedAt: null,
      pinned: false,
      featured: false,
      url: "/articles/s/comments/c1",
      replies: [],
      moreReplies: 0,
      moreRepliesCursor: null,
      continueThread: false,
    };
    const reply = {
      ...base,
      id: "c2",
      parentId: "c1",
      bodyHtml: "<p>Reply</p>",
      url: "/articles/s/comments/c2",
    };
    const ld = ldOf(
      renderToStaticMarkup(
        createElement(CommentPostingJsonLd, {
          comment: { ...base, replies: [reply] },
          url: "https://news.example/articles/s/comments/c1",
          origin: "https://news.example",
          articleTitle: "T",
          articleUrl: "https://news.example/articles/s",
        }),
      ),
    );
    expect(ld).toMatchObject({
      "@type": "DiscussionForumPosting",
      text: "Hello & welcome",
      author: { "@type": "Person", name: "Quinta" },
      datePublished: "2026-01-03T00:00:00.000Z",
    });
    expect((ld.comment as { text: string }[])[0].text).toBe("Reply");
  });
});
