// Claiming the accounts an import made (docs/decisions/123-claiming-imported-accounts.md). An imported
// author is an account with a name and nothing to sign in with; only the SHA-256 of their address is kept
// (imported_accounts.email_hash). A reader whose *verified* address has that hash may claim it:
//  1. the account page offers it; asking mails a one-time link (24 hours) to that address. The token lives
//     in verification_tokens under "claim-import:<reader id>", stored as a keyed hash of the address's
//     hash and the token, so the link dies if the reader's address changes before it is used;
//  2. following the link (signed in as that reader) shows what will move; confirming moves it, in one
//     transaction: the imported accounts' comments and comment votes become the reader's, the ledger's
//     user rows point at the reader (a newer export's posts by them land on the reader's account), each
//     imported account is marked claimed (never again) and the move is written to the audit log.
// A used, expired, forged or someone else's link changes nothing and says which it is.
import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { articles, comments, importedAccounts, importedItems, users, verificationTokens } from "@/db/schema";
import { cacheTags, invalidate } from "@/lib/cache";
import { rowsOf, transactionWithRetry } from "@/lib/db";
import { Conflict, Forbidden, Invalid } from "@/lib/errors";
import { hashValue } from "@/lib/http/client";
import { mailText, msg } from "@/lib/i18n/text";
import { publicBaseUrl, sendMail } from "@/lib/mail";
import { recordAction } from "@/lib/moderation/audit";
import { consume } from "@/lib/rate-limit";
import { emailHash } from "./formats";

export const CLAIM_TTL_HOURS = 24;

const identifierFor = (userId: string) => `claim-import:${userId}`;
const tokenHash = (addressHash: string, token: string) => hashValue("claim-import", addressHash, token);

// the English custom messages are translated through their Api.text templates (lib/i18n/text.ts messageText)
export const claimConfirmInput = z
  .object({
    id: z.string({ error: "The link is incomplete." }).min(1, "The link is incomplete.").max(100),
    token: z
      .string({ error: "The link is incomplete." })
      .min(1, "The link is incomplete.")
      .max(200, "This link is not valid."),
  })
  .strict();
export type ClaimConfirmInput = z.infer<typeof claimConfirmInput>;

export interface Claimable {
  /** imported accounts not claimed yet whose address hash is the reader's */
  accounts: number;
  /** their comments (every status: the reader's own page shows what happened to each) */
  comments: number;
  /** the names those comments were signed with, and where they came from */
  names: string[];
  sources: string[];
}

interface Reader {
  id: string;
  email: string | null;
  verified: boolean;
  /** the language of their mail (users.locale) */
  locale: string;
}

async function reader(db: Db, userId: string): Promise<Reader | null> {
  const [u] = await db
    .select({ id: users.id, email: users.email, verified: users.emailVerified, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  return u ? { id: u.id, email: u.email, verified: Boolean(u.verified), locale: u.locale } : null;
}

async function unclaimed(db: Db, hash: string) {
  return db
    .select({ userId: importedAccounts.userId, source: importedAccounts.source, name: users.name })
    .from(importedAccounts)
    .innerJoin(users, eq(users.id, importedAccounts.userId))
    .where(and(eq(importedAccounts.emailHash, hash), isNull(importedAccounts.claimedAt)));
}

async function summary(db: Db, rows: { userId: string; source: string; name: string | null }[]) {
  if (rows.length === 0) return { accounts: 0, comments: 0, names: [], sources: [] };
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(comments)
    .where(
      inArray(
        comments.authorId,
        rows.map((r) => r.userId),
      ),
    );
  return {
    accounts: rows.length,
    comments: Number(n),
    names: [...new Set(rows.map((r) => r.name ?? "Reader"))],
    sources: [...new Set(rows.map((r) => r.source))],
  };
}

/** What the signed-in reader could claim: nothing unless their address is verified. */
export async function claimableFor(db: Db, userId: string): Promise<Claimable> {
  const r = await reader(db, userId);
  if (!r?.email || !r.verified) return { accounts: 0, comments: 0, names: [], sources: [] };
  return summary(db, await unclaimed(db, emailHash(r.email)));
}

/** Mails the reader a one-time link to claim the imported accounts of their verified address. */
export async function requestClaim(db: Db, userId: string, requestOrigin?: string): Promise<Claimable> {
  const r = await reader(db, userId);
  if (!r?.email) throw new Conflict("no_email", msg("Api.import.claim.noEmail"));
  if (!r.verified) throw new Forbidden(msg("Api.import.claim.emailUnverified"), "email_unverified");
  const hash = emailHash(r.email);
  const what = await summary(db, await unclaimed(db, hash));
  if (what.accounts === 0) throw new Conflict("nothing_to_claim", msg("Api.import.claim.nothingToClaim"));
  await consume("verify_email_user", `claim:${r.id}`);
  await mailClaimLink(db, r, hash, what, requestOrigin);
  return what;
}

/** A fresh link (replacing older ones) mailed to the reader's address; the token is never logged. */
async function mailClaimLink(
  db: Db,
  r: Reader,
  hash: string,
  what: Claimable,
  requestOrigin?: string,
): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const identifier = identifierFor(r.id);
  await db.transaction(async (tx) => {
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, identifier));
    await tx.insert(verificationTokens).values({
      identifier,
      token: tokenHash(hash, token),
      expires: new Date(Date.now() + CLAIM_TTL_HOURS * 3600 * 1000),
    });
  });
  const link = `${publicBaseUrl(requestOrigin)}/account/claim?${new URLSearchParams({ id: r.id, token })}`;
  // in the reader's language (users.locale), like the confirmation and password-reset mails
  const t = mailText(r.locale);
  await sendMail({
    to: r.email!,
    subject: t("Mail.claim.subject"),
    text: [
      t("Mail.helloThere"),
      "",
      t("Mail.claim.intro", {
        count: what.comments,
        sources: what.sources.join(", "),
        names: what.names.join(", "),
      }),
      t("Mail.claim.open"),
      link,
      "",
      t("Mail.claim.expiry", { hours: CLAIM_TTL_HOURS }),
    ].join("\n"),
  });
}

/**
 * Called when a reader signs in or confirms their address: mails the claim link by itself the first
 * time there is something to claim. Once a link has been mailed (used links are deleted, unused ones
 * stay), it waits for the reader to ask again from the account page: no mail on every sign-in.
 */
export async function offerClaim(db: Db, userId: string, requestOrigin?: string): Promise<boolean> {
  const r = await reader(db, userId);
  if (!r?.email || !r.verified) return false;
  const hash = emailHash(r.email);
  const what = await summary(db, await unclaimed(db, hash));
  if (what.accounts === 0) return false;
  const [mailed] = await db
    .select({ identifier: verificationTokens.identifier })
    .from(verificationTokens)
    .where(eq(verificationTokens.identifier, identifierFor(r.id)))
    .limit(1);
  if (mailed) return false;
  await mailClaimLink(db, r, hash, what, requestOrigin);
  return true;
}

export type ClaimLinkState =
  | { state: "ok"; what: Claimable }
  | { state: "invalid" | "expired" | "other_account" | "claimed" };

async function findToken(db: Db, r: Reader, token: string) {
  if (!r.email) return null;
  const [row] = await db
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.identifier, identifierFor(r.id)),
        eq(verificationTokens.token, tokenHash(emailHash(r.email), token)),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Whether a link can be used by this reader (without using it): the page shows what moves, or why not. */
export async function claimLinkState(db: Db, userId: string, input: unknown): Promise<ClaimLinkState> {
  const q = claimConfirmInput.safeParse(input);
  if (!q.success) return { state: "invalid" };
  if (q.data.id !== userId) return { state: "other_account" };
  const r = await reader(db, userId);
  if (!r?.email || !r.verified) return { state: "invalid" };
  const row = await findToken(db, r, q.data.token);
  if (!row) return { state: "invalid" };
  if (row.expires < new Date()) return { state: "expired" };
  const what = await summary(db, await unclaimed(db, emailHash(r.email)));
  if (what.accounts === 0) return { state: "claimed" };
  return { state: "ok", what };
}

export interface ClaimResult {
  accounts: number;
  comments: number;
  votes: number;
}

/**
 * Uses a link: moves the imported accounts' comments and votes to the reader, marks them claimed and
 * audits it, in one transaction. Works once, before it expires, for the reader it was sent to.
 */
export async function confirmClaim(db: Db, userId: string, input: ClaimConfirmInput): Promise<ClaimResult> {
  if (input.id !== userId) throw new Forbidden(msg("Api.import.claim.otherAccount"), "other_account");
  const r = await reader(db, userId);
  if (!r?.email || !r.verified)
    throw new Invalid("token", msg("Api.import.claim.linkInvalid"), "link_invalid");
  const hash = emailHash(r.email);
  const out = await transactionWithRetry(db, async (tx) => {
    const t = tx;
    const [used] = await t
      .delete(verificationTokens)
      .where(
        and(
          eq(verificationTokens.identifier, identifierFor(r.id)),
          eq(verificationTokens.token, tokenHash(hash, input.token)),
        ),
      )
      .returning();
    if (!used) return "invalid" as const;
    if (used.expires < new Date()) return "expired" as const;
    // the rows are locked: a second claim running at the same moment waits, then finds them claimed
    const accounts = await t
      .select({
        userId: importedAccounts.userId,
        source: importedAccounts.source,
        scope: importedAccounts.scope,
      })
      .from(importedAccounts)
      .where(and(eq(importedAccounts.emailHash, hash), isNull(importedAccounts.claimedAt)))
      .for("update");
    if (accounts.length === 0) return "claimed" as const;
    const ids = accounts.map((a) => a.userId);
    const touched = await t
      .selectDistinct({ slug: articles.slug })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(inArray(comments.authorId, ids));
    const moved = await t
      .update(comments)
      .set({ authorId: r.id })
      .where(inArray(comments.authorId, ids))
      .returning({ id: comments.id });
    const idList = sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
    // a comment both voted on: the reader's own vote stays, the imported one goes (and leaves the counters)
    await rowsOf(
      t,
      sql`with dup as (
            delete from comment_votes v
            where v.user_id in (${idList})
              and exists (select 1 from comment_votes m where m.comment_id = v.comment_id and m.user_id = ${r.id})
            returning v.comment_id, v.value
          ),
          d as (
            select comment_id, sum(value)::int as s, count(*) filter (where value > 0)::int as up,
                   count(*) filter (where value < 0)::int as down
            from dup group by comment_id
          )
          update comments c set score = c.score - d.s, upvotes = c.upvotes - d.up, downvotes = c.downvotes - d.down
          from d where c.id = d.comment_id`,
    );
    // two imported accounts may have voted on the same comment: keep one vote of them
    await rowsOf(
      t,
      sql`with ranked as (
            select comment_id, user_id, value,
                   row_number() over (partition by comment_id order by created_at, user_id) as n
            from comment_votes where user_id in (${idList})
          ),
          dup as (
            delete from comment_votes v using ranked r
            where r.n > 1 and v.comment_id = r.comment_id and v.user_id = r.user_id
            returning v.comment_id, v.value
          ),
          d as (
            select comment_id, sum(value)::int as s, count(*) filter (where value > 0)::int as up,
                   count(*) filter (where value < 0)::int as down
            from dup group by comment_id
          )
          update comments c set score = c.score - d.s, upvotes = c.upvotes - d.up, downvotes = c.downvotes - d.down
          from d where c.id = d.comment_id`,
    );
    const votes = (
      await rowsOf(
        t,
        sql`update comment_votes set user_id = ${r.id} where user_id in (${idList}) returning comment_id`,
      )
    ).length;
    // a newer export's posts by these authors land on the reader's account
    await t
      .update(importedItems)
      .set({ localId: r.id })
      .where(and(eq(importedItems.kind, "user"), inArray(importedItems.localId, ids)));
    const now = new Date();
    await t
      .update(importedAccounts)
      .set({ claimedBy: r.id, claimedAt: now })
      .where(inArray(importedAccounts.userId, ids));
    for (const a of accounts)
      await recordAction(t, {
        actorId: r.id,
        action: "user.claim_imported",
        targetType: "user",
        targetId: a.userId,
        reason: "claimed by the e-mail link",
        details: { into: r.id, source: a.source, scope: a.scope },
      });
    await recordAction(t, {
      actorId: r.id,
      action: "user.claim_imported",
      targetType: "user",
      targetId: r.id,
      reason: "claimed by the e-mail link",
      details: { from: ids, comments: moved.length, votes },
    });
    return { accounts: ids.length, comments: moved.length, votes, slugs: touched.map((s) => s.slug) };
  });
  if (out === "expired") throw new Invalid("token", msg("Api.import.claim.linkExpired"), "link_expired");
  if (out === "invalid") throw new Invalid("token", msg("Api.import.claim.linkUsed"), "link_invalid");
  if (out === "claimed") throw new Conflict("already_claimed", msg("Api.import.claim.alreadyClaimed"));
  // the pages that show these comments now show the reader's name
  if (out.slugs.length) await invalidate(out.slugs.map((s) => cacheTags.article(s))).catch(() => {});
  return { accounts: out.accounts, comments: out.comments, votes: out.votes };
}
