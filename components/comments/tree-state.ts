// Immutable updates of a comment tree held in React state.
import type { PublicComment } from "@/lib/comments/types";

/** Applies `fn` to the comment with `id` wherever it is in the tree (returns the same array if absent). */
export function updateComment(
  list: PublicComment[],
  id: string,
  fn: (c: PublicComment) => PublicComment,
): PublicComment[] {
  let changed = false;
  const out = list.map((c) => {
    if (c.id === id) {
      changed = true;
      return fn(c);
    }
    if (c.replies.length === 0) return c;
    const replies = updateComment(c.replies, id, fn);
    if (replies === c.replies) return c;
    changed = true;
    return { ...c, replies };
  });
  return changed ? out : list;
}

export function findComment(list: PublicComment[], id: string): PublicComment | null {
  for (const c of list) {
    if (c.id === id) return c;
    const inner = findComment(c.replies, id);
    if (inner) return inner;
  }
  return null;
}

export function appendReply(list: PublicComment[], parentId: string, reply: PublicComment): PublicComment[] {
  return updateComment(list, parentId, (p) =>
    p.replies.some((r) => r.id === reply.id)
      ? p
      : {
          ...p,
          replies: [...p.replies, reply],
          replyCount: p.replyCount + (reply.status === "approved" ? 1 : 0),
        },
  );
}

/** Adds roots that are not in the list yet, in front. */
export function prependRoots(list: PublicComment[], roots: PublicComment[]): PublicComment[] {
  const known = new Set(list.map((c) => c.id));
  const fresh = roots.filter((c) => !known.has(c.id));
  return fresh.length ? [...fresh, ...list] : list;
}

/** Adds roots that are not in the list yet, at the end (next pages). */
export function appendRoots(list: PublicComment[], roots: PublicComment[]): PublicComment[] {
  const known = new Set(list.map((c) => c.id));
  return [...list, ...roots.filter((c) => !known.has(c.id))];
}

/** The list without the comment `id` (wherever it is in the tree). */
export function removeFrom(list: PublicComment[], id: string): PublicComment[] {
  const out = list.filter((c) => c.id !== id);
  return out.map((c) => (c.replies.length ? { ...c, replies: removeFrom(c.replies, id) } : c));
}
