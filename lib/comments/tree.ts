// The thread structure. Each comment carries `path`: the zero-padded seqs of its ancestors and itself
// joined by dots, so that sorting a thread by path gives depth-first order (siblings oldest first), and
// a comment's descendants are exactly the paths between `path.` and `path/` ('/' sorts right after
// '.'). One index on (root_id, path) serves every subtree read.
import { THREADS } from "./config";
import { replyCursorFor } from "./cursor";
import type { CommentStatus, PublicComment } from "./types";

export const SEGMENT = 12;

export function segment(seq: number): string {
  return String(seq).padStart(SEGMENT, "0");
}

export function childPath(parentPath: string | null, seq: number): string {
  return parentPath ? `${parentPath}.${segment(seq)}` : segment(seq);
}

/** The seqs of a comment's ancestors and itself, root first. */
export function pathSeqs(path: string): number[] {
  return path.split(".").map(Number);
}

/** A comment row as the read queries return it. */
export interface CommentRow {
  id: string;
  seq: number;
  articleId: string;
  parentId: string | null;
  rootId: string;
  depth: number;
  path: string;
  authorId: string | null;
  authorName: string | null;
  /** the author's role (reader | moderator | admin): staff get a badge beside their name */
  authorRole?: string | null;
  /** the author's account is the linked account of the article's author: an "Author" badge */
  authorWrites?: boolean;
  /** the author's profile handle; null when hidden (lib/profiles) */
  authorHandle?: string | null;
  bodyHtml: string;
  status: CommentStatus;
  statusMessage: string | null;
  score: number;
  upvotes: number;
  downvotes: number;
  confidence: number;
  replyCount: number;
  descendantCount: number;
  pinned: boolean;
  featured: boolean;
  createdAt: Date;
  editedAt: Date | null;
}

export function commentUrl(slug: string, id: string): string {
  return `/articles/${slug}/comments/${id}`;
}

export function toPublic(r: CommentRow, slug: string): PublicComment {
  const deleted = r.status === "deleted";
  return {
    id: r.id,
    parentId: r.parentId,
    rootId: r.rootId,
    depth: r.depth,
    author:
      deleted || !r.authorId
        ? null
        : {
            id: r.authorId,
            name: r.authorName ?? "Reader",
            handle: r.authorHandle ?? null,
            ...(r.authorRole === "moderator" || r.authorRole === "admin" ? { staff: true } : {}),
            ...(r.authorWrites ? { articleAuthor: true } : {}),
          },
    bodyHtml: deleted ? "" : r.bodyHtml,
    status: r.status,
    deleted,
    score: r.score,
    upvotes: r.upvotes,
    downvotes: r.downvotes,
    replyCount: r.replyCount,
    descendantCount: r.descendantCount,
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt ? r.editedAt.toISOString() : null,
    pinned: r.pinned,
    featured: r.featured,
    url: commentUrl(slug, r.id),
    replies: [],
    moreReplies: 0,
    moreRepliesCursor: null,
    continueThread: false,
    ...(r.status !== "approved" && r.status !== "deleted" && r.statusMessage
      ? { message: r.statusMessage }
      : {}),
  };
}

/**
 * Hangs `descendants` (in path order: a prefix of each thread's depth-first order) under `tops`.
 * Under each comment at most `repliesShown` replies are kept; because the input is a depth-first
 * prefix, the kept replies of a comment are always its oldest ones, so the rest can be fetched with a
 * keyset cursor "after the last one shown". Comments deeper than `maxDepth` are not shown: the comment
 * at `maxDepth` links to its own page instead.
 */
export function buildForest(
  tops: CommentRow[],
  descendants: CommentRow[],
  slug: string,
  maxDepth: number,
  repliesShown: number = THREADS.repliesShown,
): PublicComment[] {
  const byId = new Map<string, { pub: PublicComment; lastSeq: number }>();
  const out: PublicComment[] = [];
  for (const r of tops) {
    const pub = toPublic(r, slug);
    byId.set(r.id, { pub, lastSeq: 0 });
    out.push(pub);
  }
  for (const r of descendants) {
    if (r.depth > maxDepth || !r.parentId) continue;
    const parent = byId.get(r.parentId);
    if (!parent || parent.pub.replies.length >= repliesShown) continue;
    const pub = toPublic(r, slug);
    parent.pub.replies.push(pub);
    parent.lastSeq = r.seq;
    byId.set(r.id, { pub, lastSeq: 0 });
  }
  for (const { pub, lastSeq } of byId.values()) finish(pub, lastSeq, maxDepth);
  return out;
}

function finish(pub: PublicComment, lastSeq: number, maxDepth: number): void {
  if (pub.depth >= maxDepth) {
    pub.continueThread = pub.replyCount > 0;
    return;
  }
  pub.moreReplies = Math.max(0, pub.replyCount - pub.replies.length);
  pub.moreRepliesCursor = pub.moreReplies > 0 ? replyCursorFor(lastSeq) : null;
}
