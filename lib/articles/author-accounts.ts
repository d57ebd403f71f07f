// The link between an author (the public byline of articles, table authors) and a reader account
// (users): set by an admin by the account's e-mail address, cleared with null. The linked account's
// comments on that author's articles carry an "Author" badge (lib/comments/queries.ts authorCols).
// docs/decisions/113-author-accounts.md.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { articles, authors, users } from "@/db/schema";
import { cacheTags, invalidate } from "@/lib/cache";
import { isUuid } from "@/lib/db";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { recordAction } from "@/lib/moderation/audit";

export const authorAccountSchema = z
  .object({
    email: z
      .string({ error: "must be an e-mail address or null" })
      .trim()
      .toLowerCase()
      .max(320, "must be at most 320 characters")
      .pipe(z.email({ error: "must be an e-mail address, e.g. writer@example.org" }))
      .nullable(),
  })
  .strict();

export type AuthorAccountInput = z.infer<typeof authorAccountSchema>;

export interface AuthorAccount {
  author: { id: string; name: string };
  account: { id: string; name: string | null; email: string | null } | null;
  changed: boolean;
  message: string;
}

/** Links the author to the account with this e-mail address (or unlinks it: email null); audited. */
export async function setAuthorAccount(
  db: Db,
  authorId: string,
  input: AuthorAccountInput,
  actorId: string,
): Promise<AuthorAccount> {
  if (!isUuid(authorId)) throw new NotFound(msg("Api.articles.noSuchAuthor"));
  const [author] = await db
    .select({ id: authors.id, name: authors.name, userId: authors.userId })
    .from(authors)
    .where(eq(authors.id, authorId))
    .limit(1);
  if (!author) throw new NotFound(msg("Api.articles.noSuchAuthor"));
  let account: AuthorAccount["account"] = null;
  if (input.email !== null) {
    const [u] = await db
      .select({ id: users.id, name: users.name, email: users.email, deletedAt: users.deletedAt })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`)
      .limit(1);
    if (!u || u.deletedAt)
      throw new Invalid("email", msg("Api.articles.noAccountWithEmail", { email: input.email }));
    account = { id: u.id, name: u.name, email: u.email };
    const [other] = await db
      .select({ id: authors.id, name: authors.name })
      .from(authors)
      .where(eq(authors.userId, u.id))
      .limit(1);
    if (other && other.id !== author.id)
      throw new Conflict("account_taken", msg("Api.articles.accountTaken", { name: other.name }));
  }
  const next = account?.id ?? null;
  if (next === author.userId)
    return {
      author: { id: author.id, name: author.name },
      account,
      changed: false,
      message: "Nothing changed.",
    };
  const slugs = await db.transaction(async (tx) => {
    await tx.update(authors).set({ userId: next }).where(eq(authors.id, author.id));
    await recordAction(tx, {
      actorId,
      action: next ? "author.link_account" : "author.unlink_account",
      targetType: "user",
      targetId: next ?? author.userId ?? author.id,
      details: { authorId: author.id, author: author.name },
    });
    return tx.select({ slug: articles.slug }).from(articles).where(eq(articles.authorId, author.id));
  });
  // the badge is part of every cached comment page of this author's articles
  if (slugs.length) await invalidate(slugs.map((a) => cacheTags.article(a.slug)));
  return {
    author: { id: author.id, name: author.name },
    account,
    changed: true,
    message: account
      ? `${author.name}'s comments from ${account.email} now carry the Author badge on their articles.`
      : `${author.name} is no longer linked to an account.`,
  };
}
