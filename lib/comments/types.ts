// The comment shapes that leave the server (JSON API, pages). Ids are strings; times are ISO strings.
// Nothing here is per reader: the same payload is cached and served to everyone. A reader's own votes
// and own held comments come from GET /api/v1/articles/{slug}/comments/mine.
/** "featured": only the comments moderators featured (any depth, flat, newest first) */
export type CommentSort = "new" | "top" | "old" | "featured";
export const COMMENT_SORTS: readonly CommentSort[] = ["new", "top", "old", "featured"];

export type CommentStatus = "pending" | "approved" | "rejected" | "spam" | "deleted";

export interface PublicComment {
  id: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  /** null for a deleted comment or a removed account */
  author: {
    id: string;
    name: string;
    /** profile at /readers/{handle}; null when hidden */
    handle?: string | null;
    /** a moderator or admin of the site (shown as a badge) */
    staff?: boolean;
    /** the article's author, writing from their linked account (shown as an "Author" badge) */
    articleAuthor?: boolean;
  } | null;
  /** sanitised HTML; empty for a deleted comment */
  bodyHtml: string;
  status: CommentStatus;
  deleted: boolean;
  score: number;
  upvotes: number;
  downvotes: number;
  replyCount: number;
  descendantCount: number;
  createdAt: string;
  editedAt: string | null;
  pinned: boolean;
  featured: boolean;
  /** the comment's own page, e.g. /articles/slug/comments/id */
  url: string;
  /** replies shown under this comment (the first few, in thread order) */
  replies: PublicComment[];
  /** replies not shown here; load them with GET /api/v1/comments/{id}/replies?cursor=moreRepliesCursor */
  moreReplies: number;
  moreRepliesCursor: string | null;
  /** replies exist below the deepest nesting shown: they continue on this comment's own page */
  continueThread: boolean;
  /**
   * The author's votes in this article's polls, when they show them (users.show_poll_tag): one entry per
   * poll, labels in option order. Absent when none. As of when the page was read (see poll-tags.ts).
   */
  votedTags?: { pollId: string; optionIds: string[]; labels: string[] }[];
  /** for the author's own comment that is not public: what they are told (e.g. why it is held) */
  message?: string;
}

export interface CommentPage {
  article: { slug: string; commentCount: number; commentsOpen: boolean; defaultSort: CommentSort };
  sort: CommentSort;
  comments: PublicComment[];
  /** pass as ?cursor= for the next page; null on the last page */
  nextCursor: string | null;
  /** present when the list is filtered to comments from readers who voted this option */
  votedOption?: { id: string; label: string };
}

/** An option of one of the article's polls, for the "readers who voted" filter. */
export interface PollFilterOption {
  id: string;
  label: string;
  question: string;
}

export interface RepliesPage {
  parentId: string;
  comments: PublicComment[];
  nextCursor: string | null;
  /** replies of the parent not yet shown after this page */
  remaining: number;
}

/** What one reader sees beyond the shared payload. */
export interface ViewerState {
  viewer: {
    id: string;
    name: string;
    role: string;
    canComment: boolean;
    blockedReason: string | null;
  } | null;
  /** the reader's votes on this article's comments: id → 1 | -1 */
  votes: Record<string, 1 | -1>;
  /** the reader's own comments that others cannot see (held, rejected), newest first */
  pending: PublicComment[];
  /** the comment limits the server enforces now (admin settings); the cached page has env defaults */
  limits?: { minLength: number; maxLength: number; editWindowMinutes: number };
  /** set while the article's quiet hours close comments: the form is replaced by this message */
  closedMessage?: string | null;
}
