// Live comment events: a Server-Sent-Events stream for one article receives new comments, scores,
// edits/deletions and removals, delivered through LISTEN/NOTIFY (PostgreSQL or PGlite); others'
// unpublished comments never travel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { eventStream } from "@/lib/comments/live";
import { voteOnComment } from "@/lib/comments/votes";
import { deleteComment, postComment } from "@/lib/comments/write";
import { decideComment } from "@/lib/moderation/decisions";
import { makeArticle, makeUser, type TestUser } from "../helpers/comments";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";

let t: TestDb;
let db: Db;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  t = await createTestDb();
  await useAsProcessDb(t);
  db = await getDb();
  alice = await makeUser(db, "alice");
  bob = await makeUser(db, "bob");
});
afterAll(async () => {
  await closeDb();
  await t.close();
});

/**
 * Reads SSE events from a stream. `opened` settles with the first message, which the stream sends once
 * it listens (lib/realtime/sse.ts); `waitFor(n)` settles when `n` events have arrived (or fails after 5 s).
 */
function collector(stream: ReadableStream<Uint8Array>) {
  const events: { event: string; data: Record<string, unknown> }[] = [];
  const waiters: { n: number; done: () => void }[] = [];
  let onOpen!: () => void;
  const opened = new Promise<void>((r) => (onOpen = r));
  const reader = stream.getReader();
  const dec = new TextDecoder();
  let buf = "";
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      onOpen();
      buf += dec.decode(value);
      let i: number;
      while ((i = buf.indexOf("\n\n")) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const ev = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (ev && data) events.push({ event: ev, data: JSON.parse(data) });
      }
      for (const w of waiters.filter((w) => events.length >= w.n)) w.done();
    }
  })();
  return {
    events,
    opened,
    waitFor(n: number) {
      return new Promise<typeof events>((resolve, reject) => {
        if (events.length >= n) return resolve(events);
        const timer = setTimeout(
          () => reject(new Error(`${events.length} of ${n} events: ${JSON.stringify(events)}`)),
          5000,
        );
        waiters.push({
          n,
          done: () => {
            clearTimeout(timer);
            resolve(events);
          },
        });
      });
    },
  };
}

describe(`live comment events (${dbKindLabel})`, () => {
  it("streams new comments, scores, edits, deletions and removals of one article", async () => {
    const a = await makeArticle(db, "live");
    const other = await makeArticle(db, "live-other");
    const ctrl = new AbortController();
    const c = collector(eventStream(a.slug, ctrl.signal));
    await c.opened; // the first message comes once the stream listens

    const one = await postComment(db, alice, { slug: a.slug, body: "Live hello", ipHash: "x" });
    await postComment(db, alice, { slug: other.slug, body: "Elsewhere", ipHash: "x" });
    await voteOnComment(db, bob, one.id, 1);
    const two = await postComment(db, bob, { slug: a.slug, body: "Soon gone", ipHash: "x" });
    await deleteComment(db, bob, two.id);
    await decideComment(db, one.id, { action: "reject", reason: "test" }, alice.id);

    const events = await c.waitFor(5);
    ctrl.abort();
    expect(events.map((e) => e.event)).toEqual(["comment", "score", "comment", "update", "removed"]);
    expect((events[0].data.comment as { bodyHtml: string }).bodyHtml).toBe("<p>Live hello</p>");
    expect(events[1].data).toMatchObject({ id: one.id, score: 1, upvotes: 1 });
    expect(events[3].data.comment).toMatchObject({ id: two.id, deleted: true, bodyHtml: "", author: null });
    expect(events[4].data).toEqual({ type: "removed", id: one.id });
    expect(JSON.stringify(events)).not.toContain("Elsewhere");
  });
});
