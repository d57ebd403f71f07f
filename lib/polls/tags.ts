// Where polls meet comments: the small "voted: <option>" tag beside a signed-in commenter's comments,
// and the filter "comments from readers who voted <option>". Both honour users.show_poll_tag (a reader
// who turned the tag off is neither tagged nor findable by their vote) and only ever involve signed-in
// votes (anonymous voters have no comments).
import "server-only";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { pollOptions, pollVotes, users } from "@/db/schema";
import { isUuid } from "@/lib/db";

export interface VotedTag {
  pollId: string;
  optionIds: string[];
  /** the chosen options' labels, in the poll's option order */
  labels: string[];
}

/**
 * For each user (by id) who voted in any of `pollIds` and shows their poll tag: what they voted, one
 * entry per poll in the order of `pollIds`. Users without a (visible) vote are absent from the map.
 */
export async function votedOptionsFor(
  db: Db,
  pollIds: string[],
  userIds: string[],
  /** the polls' options in option order, when the caller has them (poll definitions): spares a read */
  knownOptions?: { id: string; label: string }[],
): Promise<Map<string, VotedTag[]>> {
  const out = new Map<string, VotedTag[]>();
  const uniqueUsers = [...new Set(userIds)];
  if (pollIds.length === 0 || uniqueUsers.length === 0) return out;
  const [rows, options] = await Promise.all([
    db
      .select({ userId: pollVotes.userId, pollId: pollVotes.pollId, optionIds: pollVotes.optionIds })
      .from(pollVotes)
      .innerJoin(users, eq(users.id, pollVotes.userId))
      .where(
        and(
          inArray(pollVotes.pollId, pollIds),
          inArray(pollVotes.userId, uniqueUsers),
          eq(users.showPollTag, true),
          isNull(users.deletedAt),
        ),
      ),
    knownOptions
      ? knownOptions.map((o, position) => ({ ...o, position }))
      : db
          .select({ id: pollOptions.id, label: pollOptions.label, position: pollOptions.position })
          .from(pollOptions)
          .where(inArray(pollOptions.pollId, pollIds)),
  ]);
  const byId = new Map(options.map((o) => [o.id, o]));
  const pollOrder = new Map(pollIds.map((id, i) => [id, i]));
  rows.sort((a, b) => pollOrder.get(a.pollId)! - pollOrder.get(b.pollId)!);
  for (const r of rows) {
    if (!r.userId) continue;
    const chosen = r.optionIds
      .map((id) => byId.get(id))
      .filter((o) => o != null)
      .sort((a, b) => a.position - b.position);
    if (chosen.length === 0) continue;
    let list = out.get(r.userId);
    if (!list) out.set(r.userId, (list = []));
    list.push({ pollId: r.pollId, optionIds: chosen.map((o) => o.id), labels: chosen.map((o) => o.label) });
  }
  return out;
}

/**
 * The same filter as a condition on a user-id column, for a query that should not carry a long list of
 * ids: e.g. `.where(and(eq(comments.articleId, id), votedOptionCondition(optionId, comments.authorId)))`.
 */
export function votedOptionCondition(optionId: string, userIdColumn: AnyPgColumn | SQL): SQL {
  if (!isUuid(optionId)) return sql`false`;
  // own aliases, so that the outer query may itself read users or poll_votes
  return sql`exists (select 1 from poll_votes voted_v join users voted_u on voted_u.id = voted_v.user_id
    where voted_v.user_id = ${userIdColumn}
      and voted_v.poll_id = (select voted_o.poll_id from poll_options voted_o where voted_o.id = ${optionId})
      and voted_v.option_ids @> ${JSON.stringify([optionId])}::jsonb
      and voted_u.show_poll_tag and voted_u.deleted_at is null)`;
}

/** Ids of the signed-in readers who chose `optionId` (and show their poll tag). */
export async function userIdsWhoVoted(db: Db, optionId: string): Promise<string[]> {
  if (!isUuid(optionId)) return [];
  const rows = await db
    .select({ id: pollVotes.userId })
    .from(pollVotes)
    .innerJoin(users, eq(users.id, pollVotes.userId))
    .where(
      and(
        eq(
          pollVotes.pollId,
          sql`(select ${pollOptions.pollId} from ${pollOptions} where ${pollOptions.id} = ${optionId})`,
        ),
        sql`${pollVotes.optionIds} @> ${JSON.stringify([optionId])}::jsonb`,
        eq(users.showPollTag, true),
        isNull(users.deletedAt),
      ),
    );
  return rows.map((r) => r.id!);
}
