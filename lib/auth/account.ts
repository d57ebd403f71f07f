// What a signed-in user can do with their own account: change the display name and the poll-tag
// preference, change the password, end every session, ask for the confirmation email again, download
// their data and delete the account. Each takes the Viewer that permissions.ts allowed ("account").
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  accounts,
  articleFeedback,
  articles,
  comments,
  commentVotes,
  pollOptions,
  polls,
  pollVotes,
  reports,
  users,
} from "@/db/schema";
import { Conflict, Forbidden, Unauthenticated } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/config";
import { messageText, msg } from "@/lib/i18n/text";
import { changeHandle, checkHandle, invalidateReaderPages } from "@/lib/profiles/handle";
import { setProfileHidden } from "@/lib/profiles/profile";
import { consume } from "@/lib/rate-limit";
import { checkDisplayName } from "./display-name";
import { sendVerificationEmail } from "./email-verification";
import { hashPassword, passwordProblem, verifyPassword } from "./password";
import { writeBlock } from "./permissions";
import { revokeSessions } from "./sessions";
import { findUserById, UserInputError } from "./users";
import type { Viewer } from "./viewer";

async function current(db: Db, viewer: Viewer) {
  const u = await findUserById(db, viewer.id);
  if (!u || u.deletedAt) throw new Unauthenticated(msg("Api.auth.signInToDo"));
  return u;
}

export const profileInput = z
  .object({
    name: z.string().optional(),
    showPollTag: z.boolean({ error: "showPollTag must be true or false." }).optional(),
    /** the public profile's address (lib/profiles/handle.ts checks it) */
    handle: z.string({ error: "handle: 3-30 lowercase letters, digits or hyphens." }).max(100).optional(),
    profileHidden: z.boolean({ error: "profileHidden must be true or false." }).optional(),
    /** the language of the reader's mail */
    locale: z.enum(LOCALES, { error: 'locale must be "en" or "es".' }).optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: "Send a new name, showPollTag, handle, profileHidden or locale.",
  });

/** Display name and "show my poll vote beside my comments". A restricted account keeps its name. */
export async function updateProfile(db: Db, viewer: Viewer, input: z.infer<typeof profileInput>) {
  const set: Partial<typeof users.$inferInsert> = {};
  if (input.name !== undefined) {
    const check = await checkDisplayName(input.name);
    if (!check.ok) throw new UserInputError("name", messageText(check.message));
    if (check.name !== viewer.name) {
      // a name shows beside every comment: a suspended or banned account cannot change it
      const block = writeBlock(viewer);
      if (block) throw new Forbidden(messageText(block), "account_restricted", "name");
      set.name = check.name;
    }
  }
  if (input.showPollTag !== undefined) set.showPollTag = input.showPollTag;
  if (input.locale !== undefined) set.locale = input.locale;
  const handle = input.handle !== undefined ? await checkHandle(input.handle) : undefined;
  if (Object.keys(set).length || handle !== undefined || input.profileHidden !== undefined) {
    await consume("account_change_user", viewer.id);
    if (Object.keys(set).length) await db.update(users).set(set).where(eq(users.id, viewer.id));
    // the discovery profile (lib/profiles): handle once per 30 days, hiding; both invalidate the pages
    if (handle !== undefined) await changeHandle(db, viewer.id, handle);
    if (input.profileHidden !== undefined) await setProfileHidden(db, viewer.id, input.profileHidden);
    if (set.name !== undefined)
      await invalidateReaderPages(db, viewer.id, [(await current(db, viewer)).handle]);
  }
  const u = await current(db, viewer);
  return {
    name: u.name,
    showPollTag: u.showPollTag,
    handle: u.handle,
    profileHidden: u.profileHidden,
    locale: u.locale,
  };
}

export const passwordInput = z
  .object({
    currentPassword: z.string().max(1000).optional(),
    newPassword: z.string({ error: "Enter a new password." }),
  })
  .strict();

/**
 * Sets a new password (the current one is required when the account has one) and ends every session,
 * this one included: the reader signs in again with the new password.
 */
export async function changePassword(db: Db, viewer: Viewer, input: z.infer<typeof passwordInput>) {
  const u = await current(db, viewer);
  const problem = passwordProblem(input.newPassword, u.email ?? undefined);
  if (problem) throw new UserInputError("newPassword", messageText(problem));
  await consume("account_change_user", viewer.id);
  if (u.passwordHash) {
    if (!input.currentPassword)
      throw new UserInputError("currentPassword", msg("Api.auth.enterYourCurrentPassword"));
    if (!(await verifyPassword(u.passwordHash, input.currentPassword)))
      throw new UserInputError("currentPassword", msg("Api.auth.yourCurrentPasswordIs"));
    if (await verifyPassword(u.passwordHash, input.newPassword))
      throw new UserInputError("newPassword", msg("Api.auth.theNewPasswordIs"));
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, viewer.id));
    await revokeSessions(tx, viewer.id);
  });
}

/** "Sign out everywhere": every session of this account, this one included, ends. */
export async function signOutEverywhere(db: Db, viewer: Viewer): Promise<void> {
  await revokeSessions(db, viewer.id);
}

/** Sends the confirmation link again (limited: `verify_email_user`). */
export async function resendVerification(db: Db, viewer: Viewer, origin?: string): Promise<void> {
  const u = await current(db, viewer);
  if (u.emailVerified) throw new Conflict("already_verified", msg("Api.auth.alreadyVerified"));
  if (!u.email) throw new Conflict("no_email", msg("Api.auth.noEmail"));
  await consume("verify_email_user", viewer.id);
  await sendVerificationEmail(db, u, origin);
}

/** Everything Agora holds about this account, as one JSON document ("download my data"). */
export async function exportAccountData(db: Db, viewer: Viewer) {
  const u = await current(db, viewer);
  const linked = await db
    .select({ provider: accounts.provider })
    .from(accounts)
    .where(eq(accounts.userId, u.id));
  const myComments = await db
    .select({
      id: comments.id,
      article: articles.slug,
      parentId: comments.parentId,
      body: comments.body,
      status: comments.status,
      statusReason: comments.statusReason,
      score: comments.score,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      deletedAt: comments.deletedAt,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(eq(comments.authorId, u.id))
    .orderBy(asc(comments.createdAt));
  const votes = await db
    .select({
      commentId: commentVotes.commentId,
      value: commentVotes.value,
      createdAt: commentVotes.createdAt,
    })
    .from(commentVotes)
    .where(eq(commentVotes.userId, u.id))
    .orderBy(asc(commentVotes.createdAt));
  const pv = await db
    .select({
      pollId: pollVotes.pollId,
      question: polls.question,
      optionIds: pollVotes.optionIds,
      createdAt: pollVotes.createdAt,
      updatedAt: pollVotes.updatedAt,
    })
    .from(pollVotes)
    .innerJoin(polls, eq(polls.id, pollVotes.pollId))
    .where(eq(pollVotes.userId, u.id))
    .orderBy(asc(pollVotes.createdAt));
  const pollIds = [...new Set(pv.map((v) => v.pollId))];
  const opts = pollIds.length
    ? await db
        .select({ id: pollOptions.id, label: pollOptions.label })
        .from(pollOptions)
        .where(inArray(pollOptions.pollId, pollIds))
    : [];
  const labels = new Map(opts.map((o) => [o.id, o.label]));
  const myReports = await db
    .select({
      commentId: reports.commentId,
      reason: reports.reason,
      note: reports.note,
      createdAt: reports.createdAt,
      resolvedAt: reports.resolvedAt,
    })
    .from(reports)
    .where(eq(reports.reporterId, u.id))
    .orderBy(asc(reports.createdAt));
  const feedback = await db
    .select({
      article: articles.slug,
      rating: articleFeedback.rating,
      helpful: articleFeedback.helpful,
      updatedAt: articleFeedback.updatedAt,
    })
    .from(articleFeedback)
    .innerJoin(articles, eq(articles.id, articleFeedback.articleId))
    .where(and(eq(articleFeedback.userId, u.id)));
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id: u.id,
      name: u.name,
      email: u.email,
      emailVerified: u.emailVerified,
      role: u.role,
      status: u.status,
      suspendedUntil: u.suspendedUntil,
      statusReason: u.statusReason,
      showPollTag: u.showPollTag,
      handle: u.handle,
      handleChangedAt: u.handleChangedAt,
      profileHidden: u.profileHidden,
      createdAt: u.createdAt,
      hasPassword: Boolean(u.passwordHash),
      linkedSignIns: linked.map((l) => l.provider),
    },
    comments: myComments,
    commentVotes: votes,
    pollVotes: pv.map((v) => ({
      pollId: v.pollId,
      question: v.question,
      options: v.optionIds.map((id) => labels.get(id) ?? id),
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
    })),
    reports: myReports,
    ratings: feedback,
  };
}
