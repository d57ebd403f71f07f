// Issue 12, hole 8: poll secrecy. On a poll whose results are hidden (until one votes, or until it
// closes) the "voted: X" tags beside comments and the ?votedOption= filter revealed the running results
// to anyone. Now shared (cached, anonymous) lists carry tags only for polls whose results everyone sees,
// the filter for a hidden poll is refused (403 poll_results_hidden) to whoever does not see its results,
// and the tag is opt-in for new accounts.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/articles/[slug]/comments/route";
import { closeDb, type Db, getDb } from "@/db/client";
import { polls, users } from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import { toViewer, type Viewer } from "@/lib/auth/viewer";
import { readCommentPage } from "@/lib/comments/cached";
import { pollFilterOptions, votedTagsOf } from "@/lib/comments/poll-tags";
import type { PublicComment } from "@/lib/comments/types";
import { postComment } from "@/lib/comments/write";
import { articlePollDefinitions, forgetPollDefinitions } from "@/lib/polls/definitions";
import { votePoll } from "@/lib/polls/service";
import { userKey } from "@/lib/voter/identity";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";

const SLUG = "will-russia-defend-maduro";

describe(`poll secrecy (hole 8, ${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  let openPoll: string;
  let secretPoll: string;
  let alpha: string;
  let gamma: string;
  let tagged: Viewer;
  let commentId: string;
  let n = 0;

  async function makeUser(name: string, showPollTag?: boolean): Promise<Viewer> {
    const [u] = await db
      .insert(users)
      .values({
        name,
        email: `${name}-${randomUUID().slice(0, 8)}@example.test`,
        emailVerified: new Date(),
        ...(showPollTag === undefined ? {} : { showPollTag }),
      })
      .returning();
    return toViewer(u, "session");
  }
  const flat = (l: PublicComment[]): PublicComment[] => l.flatMap((c) => [c, ...flat(c.replies)]);
  const api = async (query: string, cookie?: string) => {
    const res = await GET(
      new Request(`http://localhost/api/v1/articles/${SLUG}/comments${query}`, {
        headers: cookie ? { cookie } : {},
      }),
      { params: Promise.resolve({ slug: SLUG }) },
    );
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    expect((await seedContent(db)).errors).toEqual([]);
    const defs = (await articlePollDefinitions(db, SLUG))!;
    [openPoll, secretPoll] = [defs[0].id, defs[1].id];
    await db.update(polls).set({ resultsVisibility: "always" }).where(eq(polls.id, openPoll));
    await db
      .update(polls)
      .set({ resultsVisibility: "after_vote", closesAt: null })
      .where(eq(polls.id, secretPoll));
    forgetPollDefinitions();
    const fresh = (await articlePollDefinitions(db, SLUG))!;
    alpha = fresh.find((d) => d.id === openPoll)!.options[0].id;
    gamma = fresh.find((d) => d.id === secretPoll)!.options[0].id;
    tagged = await makeUser("tagged", true);
    await votePoll(db, openPoll, { key: userKey(tagged.id), viewer: tagged }, [alpha], "ip-t");
    await votePoll(db, secretPoll, { key: userKey(tagged.id), viewer: tagged }, [gamma], "ip-t");
    const r = await postComment(db, tagged, {
      slug: SLUG,
      body: "I voted, ask me why.",
      ipHash: `ip-${++n}`,
    });
    commentId = r.id;
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
  });

  it("the shared list tags the always-visible poll only", async () => {
    const page = (await readCommentPage(SLUG, "new", null))!;
    const c = flat(page.comments).find((x) => x.id === commentId)!;
    expect(c.votedTags?.map((x) => x.pollId)).toEqual([openPoll]);
    const { body } = await api("?sort=new");
    const viaApi = flat(body.comments).find((x: PublicComment) => x.id === commentId)!;
    expect(JSON.stringify(viaApi)).not.toContain(gamma);
    expect(JSON.stringify(viaApi)).not.toContain(secretPoll);
  });

  it("the filter by a hidden poll's option is refused to anonymous readers; the open one works", async () => {
    const open = await api(`?votedOption=${alpha}`);
    expect(open.status).toBe(200);
    expect(flat(open.body.comments).map((c: PublicComment) => c.id)).toContain(commentId);
    const hidden = await api(`?votedOption=${gamma}`);
    expect(hidden.status).toBe(403);
    expect(hidden.body.error).toMatchObject({ code: "poll_results_hidden", field: "votedOption" });
    expect(JSON.stringify(hidden.body)).not.toContain(commentId);
  });

  it("the filter control lists only polls whose results the reader sees", async () => {
    const anon = await pollFilterOptions(SLUG);
    expect(anon.map((o) => o.id)).toContain(alpha);
    expect(anon.map((o) => o.id)).not.toContain(gamma);
    const voter = await pollFilterOptions(SLUG, userKey(tagged.id));
    expect(voter.map((o) => o.id)).toContain(gamma);
  });

  it("a reader who voted sees the hidden poll's tag on their own comment (per-reader answer)", async () => {
    const mine = await votedTagsOf(db, SLUG, [tagged.id], userKey(tagged.id));
    expect(
      mine
        .get(tagged.id)
        ?.map((x) => x.pollId)
        .sort(),
    ).toEqual([openPoll, secretPoll].sort());
    const shared = await votedTagsOf(db, SLUG, [tagged.id]);
    expect(shared.get(tagged.id)?.map((x) => x.pollId)).toEqual([openPoll]);
  });

  it("a poll hidden until it closes shows tags once closed", async () => {
    await db
      .update(polls)
      .set({ resultsVisibility: "after_close", closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, secretPoll));
    forgetPollDefinitions();
    const shared = await votedTagsOf(db, SLUG, [tagged.id]);
    expect(
      shared
        .get(tagged.id)
        ?.map((x) => x.pollId)
        .sort(),
    ).toEqual([openPoll, secretPoll].sort());
    await db
      .update(polls)
      .set({ resultsVisibility: "after_vote", closesAt: null })
      .where(eq(polls.id, secretPoll));
    forgetPollDefinitions();
  });

  it("the poll tag is opt-in for new accounts", async () => {
    const fresh = await makeUser("newcomer");
    const [row] = await db.select().from(users).where(eq(users.id, fresh.id));
    expect(row.showPollTag).toBe(false);
  });
});
