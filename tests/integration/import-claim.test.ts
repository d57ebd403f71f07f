// Claiming imported accounts (lib/import/claims.ts) on a real database with a real SMTP server: only a
// verified address whose hash an import kept may claim; the mailed link works once, before it expires,
// for the reader it was sent to; following it moves the comments and votes (counters kept right), marks
// the imported account claimed and audits it; a bad link changes nothing; a newer export's posts by the
// same author land on the reader's account.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import {
  comments,
  commentVotes,
  importedAccounts,
  importedItems,
  moderationActions,
  users,
  verificationTokens,
} from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import { upsertUser } from "@/lib/auth/users";
import type { DomainError } from "@/lib/errors";
import { importFile } from "@/lib/import";
import { claimableFor, claimLinkState, confirmClaim, offerClaim, requestClaim } from "@/lib/import/claims";
import { emailHash } from "@/lib/import/formats";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { type DPost, type DThread, disqusDoc } from "../helpers/disqus";
import { findLink, startMailSink } from "../helpers/mail-sink.mjs";

type Sink = {
  url: string;
  messages: { to: string[]; subject: string; body: string }[];
  close(): Promise<void>;
};

const BASE = "https://agora.test";
const SLUG = "will-russia-defend-maduro";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "agora-claim-"));
const file = (name: string, text: string) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
};
const threads: DThread[] = [
  { id: "9101", identifier: SLUG, link: `${BASE}/articles/${SLUG}`, title: "Will Russia Defend Maduro?" },
];
const posts: DPost[] = [
  {
    id: "6001",
    thread: "9101",
    text: "Lucia zqc1",
    name: "Lucia",
    username: "lucia",
    email: "Lucia@Claim.test",
  },
  {
    id: "6002",
    thread: "9101",
    parent: "6001",
    text: "Marta zqc2",
    name: "Marta",
    email: "marta@claim.test",
  },
  { id: "6003", thread: "9101", text: "Marta again zqc3", name: "Marta", email: "marta@claim.test" },
  { id: "6004", thread: "9101", text: "Nora zqc4", name: "Nora", email: "nora@claim.test" },
  { id: "6005", thread: "9101", text: "Nobody zqc5", name: "Anon without address" },
];

describe(`claiming imported accounts (${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  let sink: Sink;
  const linkFor = (email: string) => {
    const m = sink.messages.filter((x) => x.to.includes(email)).at(-1);
    const l = m && findLink(m.body, "/account/claim");
    if (!l) throw new Error(`no claim mail to ${email}`);
    const u = new URL(l);
    return { id: u.searchParams.get("id")!, token: u.searchParams.get("token")! };
  };
  // the mail is sent after the answer: wait for the sink to receive it (a condition, not a fixed delay)
  const waitMail = (email: string, count: number) =>
    vi.waitFor(
      () => expect(sink.messages.filter((x) => x.to.includes(email)).length).toBeGreaterThanOrEqual(count),
      { timeout: 5000, interval: 50 },
    );
  const byBody = async (body: string) => {
    const [c] = await db
      .select({ id: comments.id, authorId: comments.authorId, score: comments.score, up: comments.upvotes })
      .from(comments)
      .where(eq(comments.body, body));
    return c;
  };
  const importedId = async (hash: string) => {
    const [a] = await db
      .select({ id: importedAccounts.userId, claimedBy: importedAccounts.claimedBy })
      .from(importedAccounts)
      .where(eq(importedAccounts.emailHash, hash));
    return a;
  };
  const snapshot = async () => ({
    comments: await db
      .select({ id: comments.id, a: comments.authorId, s: comments.score })
      .from(comments)
      .orderBy(comments.id),
    votes: await db.select().from(commentVotes).orderBy(commentVotes.commentId, commentVotes.userId),
    claims: await db.select().from(importedAccounts).orderBy(importedAccounts.userId),
    audit: (await db.select({ n: sql<number>`count(*)::int` }).from(moderationActions))[0].n,
  });
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e as DomainError,
    );

  beforeAll(async () => {
    sink = await startMailSink();
    process.env.SMTP_URL = sink.url;
    process.env.AUTH_URL = "http://agora.test";
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    await seedContent(db);
    await importFile(db, {
      format: "disqus",
      file: file("d1.xml", disqusDoc(threads, posts)),
      publicBase: BASE,
    });
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
    await sink?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("keeps the address hash of every imported author (username or not), and nothing to sign in with", async () => {
    const rows = await db
      .select({
        hash: importedAccounts.emailHash,
        email: users.email,
        pw: users.passwordHash,
        name: users.name,
      })
      .from(importedAccounts)
      .innerJoin(users, eq(users.id, importedAccounts.userId))
      .orderBy(users.name);
    expect(rows.map((r) => [r.name, r.hash])).toEqual([
      ["Anon without address", null],
      ["Lucia", emailHash("lucia@claim.test")],
      ["Marta", emailHash("marta@claim.test")],
      ["Nora", emailHash("nora@claim.test")],
    ]);
    // no address, no password: no sign-in path (password, magic link, OAuth by e-mail) can reach them
    expect(rows.every((r) => r.email === null && r.pw === null)).toBe(true);
  });

  it("moves comments and votes once, by the mailed link, audited; a bad link changes nothing", async () => {
    const { user: marta } = await upsertUser(db, {
      email: "marta@claim.test",
      password: "Marta-pass-1234!",
      role: "reader",
      name: "Marta Reader",
      verified: true,
    });
    const { user: other } = await upsertUser(db, {
      email: "other@claim.test",
      password: "Other-pass-1234!",
      role: "reader",
      name: "Other",
      verified: true,
    });
    expect(await claimableFor(db, other.id)).toMatchObject({ accounts: 0, comments: 0 });
    expect(await claimableFor(db, marta.id)).toMatchObject({ accounts: 1, comments: 2, names: ["Marta"] });
    const imported = await importedId(emailHash("marta@claim.test"));
    // votes: the imported account and the reader both voted Nora's comment up; the imported one voted
    // Lucia's down (score counters as the vote code keeps them)
    const nora = await byBody("Nora zqc4");
    const lucia = await byBody("Lucia zqc1");
    await db.insert(commentVotes).values([
      { commentId: nora.id, userId: imported.id, value: 1 },
      { commentId: nora.id, userId: marta.id, value: 1 },
      { commentId: lucia.id, userId: imported.id, value: -1 },
    ]);
    await db.update(comments).set({ score: 2, upvotes: 2 }).where(eq(comments.id, nora.id));
    await db.update(comments).set({ score: -1, downvotes: 1 }).where(eq(comments.id, lucia.id));

    await requestClaim(db, marta.id, BASE);
    await waitMail("marta@claim.test", 1);
    const mail = sink.messages.filter((m) => m.to.includes("marta@claim.test")).at(-1)!;
    expect(mail.subject).toBe("Claim your imported comments on Agora");
    expect(mail.body).toContain("2 comments");
    const link = linkFor("marta@claim.test");
    expect(link.id).toBe(marta.id);

    expect((await claimLinkState(db, marta.id, link)).state).toBe("ok");
    expect((await claimLinkState(db, other.id, link)).state).toBe("other_account");
    expect((await claimLinkState(db, marta.id, { ...link, token: "forged" })).state).toBe("invalid");
    expect((await claimLinkState(db, marta.id, { id: 5 })).state).toBe("invalid");

    const before = await snapshot();
    const forged = await failure(
      confirmClaim(db, marta.id, { ...link, token: `${link.token.slice(0, -2)}xx` }),
    );
    expect(forged).toMatchObject({ kind: "invalid", code: "link_invalid", field: "token" });
    const someoneElse = await failure(confirmClaim(db, other.id, link));
    expect(someoneElse).toMatchObject({ kind: "forbidden", code: "other_account" });
    expect(await snapshot()).toEqual(before);

    expect(await confirmClaim(db, marta.id, link)).toEqual({ accounts: 1, comments: 2, votes: 1 });
    expect((await byBody("Marta zqc2")).authorId).toBe(marta.id);
    expect((await byBody("Marta again zqc3")).authorId).toBe(marta.id);
    expect((await byBody("Nora zqc4")).authorId).not.toBe(marta.id);
    // the reader's own vote stayed, the imported duplicate left the counters; the other vote moved
    expect(await byBody("Nora zqc4")).toMatchObject({ score: 1, up: 1 });
    expect(await byBody("Lucia zqc1")).toMatchObject({ score: -1 });
    const votes = await db
      .select({ c: commentVotes.commentId, u: commentVotes.userId, v: commentVotes.value })
      .from(commentVotes)
      .where(inArray(commentVotes.commentId, [nora.id, lucia.id]));
    expect(votes).toHaveLength(2);
    expect(votes.every((v) => v.u === marta.id)).toBe(true);
    expect((await importedId(emailHash("marta@claim.test"))).claimedBy).toBe(marta.id);
    const audit = await db
      .select()
      .from(moderationActions)
      .where(
        and(eq(moderationActions.action, "user.claim_imported"), eq(moderationActions.targetId, imported.id)),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: marta.id, targetType: "user" });

    // once only: the same link again, or a new request, changes nothing
    const after = await snapshot();
    const again = await failure(confirmClaim(db, marta.id, link));
    expect(again).toMatchObject({ kind: "invalid", code: "link_invalid" });
    const nothing = await failure(requestClaim(db, marta.id, BASE));
    expect(nothing).toMatchObject({ kind: "conflict", code: "nothing_to_claim" });
    expect(await snapshot()).toEqual(after);
    expect(await claimableFor(db, marta.id)).toMatchObject({ accounts: 0 });
  });

  it("refuses an expired link and an unconfirmed address, changing nothing; mail and errors in Spanish", async () => {
    const { user: nora } = await upsertUser(db, {
      email: "nora@claim.test",
      password: "Nora-pass-1234!",
      role: "reader",
      name: "Nora Reader",
      verified: true,
    });
    // a Spanish reader (users.locale) gets the claim mail in Spanish
    await db.update(users).set({ locale: "es" }).where(eq(users.id, nora.id));
    await requestClaim(db, nora.id, BASE);
    await waitMail("nora@claim.test", 1);
    const es = sink.messages.filter((m) => m.to.includes("nora@claim.test")).at(-1)!;
    expect(es.subject).toBe("Reclama tus comentarios importados en Agora");
    expect(es.body).toContain(
      "1 comentario importado del antiguo sistema de comentarios del sitio (disqus) se escribió con esta dirección de correo, como Nora.",
    );
    expect(es.body).toContain("El enlace funciona una vez, durante 24 horas.");
    expect(es.body).not.toContain("Claim");
    const link = linkFor("nora@claim.test");
    await db
      .update(verificationTokens)
      .set({ expires: new Date(Date.now() - 1000) })
      .where(eq(verificationTokens.identifier, `claim-import:${nora.id}`));
    expect((await claimLinkState(db, nora.id, link)).state).toBe("expired");
    const before = await snapshot();
    const expired = await failure(confirmClaim(db, nora.id, link));
    expect(expired).toMatchObject({ kind: "invalid", code: "link_expired" });
    expect(expired!.message).toBe("This link has expired. Ask for a new one from your account page.");
    expect(expired!.messageIn("es")).toBe(
      "Este enlace ha caducado. Pide uno nuevo desde la página de tu cuenta.",
    );
    expect(await snapshot()).toEqual(before);
    expect(await claimableFor(db, nora.id)).toMatchObject({ accounts: 1, comments: 1 });

    const { user: lucia } = await upsertUser(db, {
      email: "lucia@claim.test",
      password: "Lucia-pass-1234!",
      role: "reader",
      name: "Lucia Reader",
      verified: false,
    });
    // an unconfirmed address sees nothing to claim and cannot ask for a link
    expect(await claimableFor(db, lucia.id)).toMatchObject({ accounts: 0 });
    const unverified = await failure(requestClaim(db, lucia.id, BASE));
    expect(unverified).toMatchObject({ kind: "forbidden", code: "email_unverified" });
    expect(unverified!.messageIn("es")).toMatch(/^Confirma primero tu dirección de correo/);
  });

  it("a newer export's posts by a claimed author land on the reader's account; the same file adds nothing", async () => {
    const [marta] = await db.select({ id: users.id }).from(users).where(eq(users.email, "marta@claim.test"));
    const n = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(comments))[0].n;
    const before = await n();
    await importFile(db, {
      format: "disqus",
      file: file("d1.xml", disqusDoc(threads, posts)),
      publicBase: BASE,
    });
    expect(await n()).toBe(before);
    const newer = [
      ...posts,
      { id: "6006", thread: "9101", text: "Marta later zqc6", name: "Marta", email: "marta@claim.test" },
    ];
    await importFile(db, {
      format: "disqus",
      file: file("d2.xml", disqusDoc(threads, newer)),
      publicBase: BASE,
    });
    expect(await n()).toBe(before + 1);
    expect((await byBody("Marta later zqc6")).authorId).toBe(marta.id);
    const ledger = await db
      .select({ local: importedItems.localId })
      .from(importedItems)
      .where(
        and(
          eq(importedItems.kind, "user"),
          eq(importedItems.externalId, `e:${emailHash("marta@claim.test")}`),
        ),
      );
    expect(ledger).toEqual([{ local: marta.id }]);
  });

  it("an account imported without an address gets its hash from a later export that has it", async () => {
    const t2: DThread[] = [{ ...threads[0], id: "9201" }];
    const first: DPost[] = [
      { id: "7001", thread: "9201", text: "Pablo zqh1", name: "Pablo", username: "pablo" },
    ];
    await importFile(db, { format: "disqus", file: file("h1.xml", disqusDoc(t2, first)), publicBase: BASE });
    const { user: pablo } = await upsertUser(db, {
      email: "pablo@claim.test",
      password: "Pablo-pass-1234!",
      role: "reader",
      name: "Pablo Reader",
      verified: true,
    });
    expect(await claimableFor(db, pablo.id)).toMatchObject({ accounts: 0 });
    const later: DPost[] = [{ ...first[0], email: "pablo@claim.test" }];
    await importFile(db, { format: "disqus", file: file("h2.xml", disqusDoc(t2, later)), publicBase: BASE });
    expect(await claimableFor(db, pablo.id)).toMatchObject({ accounts: 1, comments: 1, names: ["Pablo"] });
  });

  it("at sign-in or confirmation the link is mailed by itself, once; never to an unconfirmed address", async () => {
    const [pablo] = await db.select({ id: users.id }).from(users).where(eq(users.email, "pablo@claim.test"));
    const [lucia] = await db.select({ id: users.id }).from(users).where(eq(users.email, "lucia@claim.test"));
    const [marta] = await db.select({ id: users.id }).from(users).where(eq(users.email, "marta@claim.test"));
    expect(await offerClaim(db, lucia.id)).toBe(false); // unconfirmed
    expect(await offerClaim(db, marta.id)).toBe(false); // nothing left to claim
    expect(await offerClaim(db, pablo.id, BASE)).toBe(true);
    await waitMail("pablo@claim.test", 1);
    expect(linkFor("pablo@claim.test").id).toBe(pablo.id);
    // the next sign-in mails nothing: the reader asks again from the account page if they want
    expect(await offerClaim(db, pablo.id, BASE)).toBe(false);
    expect(sink.messages.filter((m) => m.to.includes("pablo@claim.test"))).toHaveLength(1);
  });
});
