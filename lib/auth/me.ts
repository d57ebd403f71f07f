// The signed-in user as the page's own client code sees it (GET /api/v1/me): enough for the header's
// account link, the comment box (may I write? why not?) and the poll tag preference.
import { decide, writeBlock } from "./permissions";
import type { Viewer } from "./viewer";

export function meView(v: Viewer | null) {
  if (!v) return { user: null };
  const write = decide(v, "comment");
  return {
    user: {
      id: v.id,
      name: v.name,
      email: v.email,
      role: v.role,
      status: v.status,
      suspendedUntil: v.suspendedUntil,
      statusReason: v.statusReason,
      emailVerified: v.emailVerified,
      showPollTag: v.showPollTag,
      createdAt: v.createdAt,
      /** null when the user may comment and vote; otherwise why not, in words to show */
      restriction: write.ok ? null : write.message,
      restrictionCode: write.ok ? null : write.code,
      /** suspended/banned only (an unconfirmed email is not a sanction) */
      sanction: writeBlock(v),
    },
  };
}
