// Polls meet comments on a real database (PostgreSQL with DATABASE_URL, else PGlite): the "voted:
// <option>" tag on a voter's comments (in the shared page and the API), users.show_poll_tag hiding it,
// and the ?votedOption= filter (exactly the comments of readers who voted that option; 422 otherwise).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/articles/[slug]/comments/route";
import { closeDb, type Db, getDb } from "@/db/client";
import { polls, users } from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import { toViewer, type Viewer } from "@/lib/auth/viewer";
import { readCommentPage } from "@/lib/comments/cached";
import type { CommentPage, PublicComment } from "@/lib/comments/types";
import { postComment } from "@/lib/comments/write";
import { articlePollDefinitions, forgetPollDefinitions } from "@/lib/polls/definitions";
import { votePoll } from "@/lib/polls/service";
import { userKey } from "@/lib/voter/identity";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";

const SLUG = "will-russia-defend-maduro";
let t: TestDb;
let db: Db;
let n = 0;

async function makeUser(name: string, showPollTag = true): Promise<Viewer> {
  const [u] = await db
    .insert(users)
    .values({
      name,
      email: `${name}-${randomUUID().slice(0, 8)}@example.test`,
      emailVerified: new Date(),
      showPollTag,
    })
    .returning();
  return toViewer(u, "session");
}

async function say(who: Viewer, body: string, parentId?: string): Promise<string> {
  const r = await postComment(db, who, { slug: SLUG, body, parentId, ipHash: `ip-${++n}` });
  expect(r.status).toBe("approved");
  return r.id;
}

function flat(list: PublicComment[]): PublicComment[] {
  return list.flatMap((c) => [c, ...flat(c.replies)]);
}

async function api(query: string): Promise<{ status: number; body: unknown }> {
  const res = await GET(new Request(`http://localhost/api/v1/articles/${SLUG}/comments${query}`), {
    params: Promise.resolve({ slug: SLUG }),
  });
  return { status: res.status, body: await res.json() };
}

describe(`poll tags on comments (${dbKindLabel})`, () => {
  let optA: string;
  let optB: string;
  let optOtherPoll: string;
  let pollId: string;
  const ids: Record<string, string> = {};
  let ann: Viewer;
  let ben: Viewer;
  let hid: Viewer;

  beforeAll(async () => {
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    expect((await seedContent(db)).errors).toEqual([]);
    // tags are shown only for polls whose results everyone sees (tests/integration/poll-secrecy.test.ts
    // covers the hidden ones): this file's polls show their results always
    await db.update(polls).set({ resultsVisibility: "always" });
    forgetPollDefinitions();
    const defs = (await articlePollDefinitions(db, SLUG))!;
    pollId = defs[0].id;
    [optA, optB] = defs[0].options.map((o) => o.id);
    optOtherPoll = defs[1].options[0].id;
    ann = await makeUser("ann"); // votes A
    ben = await makeUser("ben"); // votes B
    hid = await makeUser("hid", false); // votes A, hides the tag
    const carl = await makeUser("carl"); // does not vote
    await votePoll(db, pollId, { key: userKey(ann.id), viewer: ann }, [optA], "ip-a");
    await votePoll(db, pollId, { key: userKey(ben.id), viewer: ben }, [optB], "ip-b");
    await votePoll(db, pollId, { key: userKey(hid.id), viewer: hid }, [optA], "ip-h");
    ids.ann = await say(ann, "Ann's top-level comment on this.");
    ids.ben = await say(ben, "Ben's top-level comment on this.");
    ids.hid = await say(hid, "Hid's top-level comment on this.");
    ids.carl = await say(carl, "Carl's top-level comment on this.");
    ids.annReply = await say(ann, "Ann replying to Ben here.", ids.ben);
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
  });

  it("tags a voter's comments (and replies) with the option they chose, in the shared page", async () => {
    const page = (await readCommentPage(SLUG, "new", null))!;
    const byId = new Map(flat(page.comments).map((c) => [c.id, c]));
    const label = (id: string) => byId.get(id)?.votedTags?.map((x) => x.labels.join(", "));
    const defs = (await articlePollDefinitions(db, SLUG))!;
    const [la, lb] = defs[0].options.map((o) => o.label);
    expect(label(ids.ann)).toEqual([la]);
    expect(label(ids.annReply)).toEqual([la]);
    expect(label(ids.ben)).toEqual([lb]);
    expect(byId.get(ids.ann)?.votedTags?.[0]).toEqual({ pollId, optionIds: [optA], labels: [la] });
    expect(byId.get(ids.carl)?.votedTags).toBeUndefined(); // no vote, no tag
  });

  it("show_poll_tag = false hides the tag", async () => {
    const page = (await readCommentPage(SLUG, "new", null))!;
    const hidC = flat(page.comments).find((c) => c.id === ids.hid);
    expect(hidC).toBeDefined();
    expect(hidC?.votedTags).toBeUndefined();
    // and through the API
    const r = await api("?sort=old");
    expect(r.status).toBe(200);
    const all = flat((r.body as CommentPage).comments);
    expect(all.find((c) => c.id === ids.hid)?.votedTags).toBeUndefined();
    expect(all.find((c) => c.id === ids.ann)?.votedTags?.[0].optionIds).toEqual([optA]);
  });

  it("?votedOption= returns exactly the comments of readers who voted that option", async () => {
    const a = await api(`?votedOption=${optA}`);
    expect(a.status).toBe(200);
    const pa = a.body as CommentPage;
    expect(pa.votedOption?.id).toBe(optA);
    // ann's comment and reply; not hid (tag hidden), not ben, not carl
    expect(pa.comments.map((c) => c.id).sort()).toEqual([ids.ann, ids.annReply].sort());
    expect(pa.comments.every((c) => c.votedTags?.[0].optionIds[0] === optA)).toBe(true);
    const b = await api(`?votedOption=${optB}&sort=old`);
    expect((b.body as CommentPage).comments.map((c) => c.id)).toEqual([ids.ben]);
    const none = await api(`?votedOption=${optOtherPoll}`);
    expect(none.status).toBe(200);
    expect((none.body as CommentPage).comments).toEqual([]);
  });

  it("pages the filtered list with its cursor", async () => {
    const first = await api(`?votedOption=${optA}&sort=old&limit=1`);
    const p1 = first.body as CommentPage;
    expect(p1.comments.map((c) => c.id)).toEqual([ids.ann]);
    expect(p1.nextCursor).toBeTruthy();
    const second = await api(
      `?votedOption=${optA}&sort=old&limit=1&cursor=${encodeURIComponent(p1.nextCursor!)}`,
    );
    const p2 = second.body as CommentPage;
    expect(p2.comments.map((c) => c.id)).toEqual([ids.annReply]);
    expect(p2.nextCursor).toBeNull();
  });

  it("an option that is not one of this article's polls gets 422 with a clear message", async () => {
    for (const bad of [randomUUID(), "not-a-uuid"]) {
      const r = await api(`?votedOption=${bad}`);
      expect(r.status).toBe(422);
      const e = (r.body as { error: { code: string; message: string; field: string } }).error;
      expect(e.field).toBe("votedOption");
      expect(e.message).toMatch(/not an option of this article's polls/);
    }
  });
});
