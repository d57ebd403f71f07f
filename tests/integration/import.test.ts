// Importing Disqus and WordPress exports (lib/import) and the Disqus export's round trip (lib/export/full),
// on a real database: trees rebuilt, idempotent, broken files refused whole, a newer export adds only
// what is new.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articles, comments, externalThreads, users } from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import { writeDisqus } from "@/lib/export/full";
import { ImportFileError, importFile } from "@/lib/import";
import { createTestDb, dbKindLabel, type TestDb } from "../helpers/db";
import { type DPost, type DThread, disqusDoc } from "../helpers/disqus";

const BASE = "https://agora.test";
const SLUG = "will-russia-defend-maduro";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "agora-import-"));
const file = (name: string, text: string) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
};

const threads: DThread[] = [
  { id: "9101", identifier: SLUG, link: `${BASE}/articles/${SLUG}`, title: "Will Russia Defend Maduro?" },
  { id: "9102", identifier: "ext-1", link: "https://news.example/stories/1.html", title: "Elsewhere" },
];
const posts: DPost[] = [
  {
    id: "5001",
    thread: "9101",
    text: "Root zqd1",
    name: "Lucia",
    username: "lucia",
    at: "2019-03-04T10:11:12Z",
  },
  // a reply that comes before its parent in the file
  {
    id: "5003",
    thread: "9101",
    parent: "5002",
    text: "Third zqd3",
    name: "Carla",
    at: "2019-03-04T12:30:00Z",
  },
  { id: "5002", thread: "9101", parent: "5001", text: "Second zqd2", name: "Bruno", username: "bruno" },
  { id: "5004", thread: "9101", text: "Spam zqspam4", username: "cheap", spam: true },
  { id: "5005", thread: "9101", parent: "5001", text: "Deleted zqdel5", username: "dario", deleted: true },
  { id: "5006", thread: "9102", text: "External zqext6", username: "elena" },
  { id: "5007", thread: "9101", parent: "4999", text: "Orphan zqorph7", username: "olga" },
  { id: "5008", thread: "7777", text: "No thread zqnot8", username: "nina" },
  { id: "5009", thread: "9101", text: "", username: "empty" },
];

async function tree(t: TestDb, slug = SLUG) {
  const rows = await t.db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      body: comments.body,
      status: comments.status,
      createdAt: comments.createdAt,
      replyCount: comments.replyCount,
      descendantCount: comments.descendantCount,
      author: users.name,
      depth: comments.depth,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(articles.slug, slug))
    .orderBy(asc(comments.path));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rows.map((r) => ({
    body: r.body,
    parent: r.parentId ? (byId.get(r.parentId)?.body ?? "?") : null,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    replyCount: r.replyCount,
    descendantCount: r.descendantCount,
    author: r.author,
    depth: r.depth,
  }));
}

const count = async (t: TestDb) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(comments))[0].n;

describe(`import (${dbKindLabel})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedContent(t.db);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("rebuilds the Disqus tree with authors, dates and statuses, and reports what it skipped and why", async () => {
    const f = file("d1.xml", disqusDoc(threads, posts));
    const { report } = await importFile(t.db, { format: "disqus", file: f, publicBase: BASE });
    expect(report.posts).toEqual({
      imported: 6,
      updated: 0,
      skipped: { "orphan parent": 1, "unknown thread": 1, "empty body": 1 },
    });
    expect(report.threads.imported).toBe(2);
    expect(report.categories.imported).toBe(1);
    const rows = await tree(t);
    expect(rows).toEqual([
      expect.objectContaining({
        body: "Root zqd1",
        parent: null,
        status: "approved",
        author: "Lucia",
        replyCount: 2,
        descendantCount: 3,
      }),
      expect.objectContaining({ body: "Second zqd2", parent: "Root zqd1", depth: 1, replyCount: 1 }),
      expect.objectContaining({
        body: "Third zqd3",
        parent: "Second zqd2",
        depth: 2,
        author: "Carla",
        createdAt: "2019-03-04T12:30:00.000Z",
      }),
      expect.objectContaining({ body: "Deleted zqdel5", parent: "Root zqd1", status: "deleted" }),
      expect.objectContaining({ body: "Spam zqspam4", status: "spam" }),
    ]);
    expect(rows[0].createdAt).toBe("2019-03-04T10:11:12.000Z");
    const [seed] = await t.db.select().from(articles).where(eq(articles.slug, SLUG));
    expect(seed.commentCount).toBe(3); // approved only
    // the other thread became an external thread keyed by (origin, identifier)
    const [ext] = await t.db.select().from(externalThreads);
    expect(ext).toMatchObject({ origin: "https://news.example", identifier: "ext-1" });
    expect(
      await tree(t, (await t.db.select().from(articles).where(eq(articles.id, ext.articleId)))[0].slug),
    ).toEqual([expect.objectContaining({ body: "External zqext6" })]);
    // imported accounts cannot sign in: no e-mail, no password
    const [lucia] = await t.db.select().from(users).where(eq(users.name, "Lucia"));
    expect(lucia).toMatchObject({ email: null, passwordHash: null });
  });

  it("adds nothing when the same file is imported again", async () => {
    const before = await count(t);
    const { report } = await importFile(t.db, {
      format: "disqus",
      file: path.join(tmp, "d1.xml"),
      publicBase: BASE,
    });
    expect(await count(t)).toBe(before);
    expect(report.posts.imported).toBe(0);
    expect(report.posts.skipped["already imported"]).toBe(6);
    expect(report.users.imported).toBe(0);
  });

  it("a newer export adds only the new posts (a reply to an old one) and moves a changed status", async () => {
    const before = await count(t);
    const newer = [
      ...posts.map((p) => (p.id === "5002" ? { ...p, spam: true } : p)),
      { id: "5010", thread: "9101", parent: "5003", text: "Newer zqnew10", username: "nuevo" },
    ];
    const { report } = await importFile(t.db, {
      format: "disqus",
      file: file("d2.xml", disqusDoc(threads, newer)),
      publicBase: BASE,
    });
    expect(report.posts.imported).toBe(1);
    expect(report.posts.updated).toBe(1);
    expect(await count(t)).toBe(before + 1);
    const rows = await tree(t);
    expect(rows.find((r) => r.body === "Newer zqnew10")).toMatchObject({ parent: "Third zqd3", depth: 3 });
    expect(rows.find((r) => r.body === "Second zqd2")).toMatchObject({ status: "spam" });
  });

  it("refuses a truncated file, naming the line and element, and imports nothing of it", async () => {
    const before = await count(t);
    const whole = disqusDoc(threads, [
      ...posts,
      { id: "6001", thread: "9101", text: "Complete zqt1", username: "x" },
    ]);
    const cut = whole.slice(0, whole.indexOf("</disqus>") - 60);
    const err = await importFile(t.db, {
      format: "disqus",
      file: file("cut.xml", cut),
      publicBase: BASE,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect(err.message).toMatch(/cut\.xml: line \d+, column \d+: the file ends inside <\w+>.*truncated/);
    expect(await count(t)).toBe(before);
  });

  it("refuses a WXR file given as Disqus, a file that is not XML, and malformed XML", async () => {
    const wxr = file("wp.xml", '<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>\n');
    await expect(importFile(t.db, { format: "disqus", file: wxr })).rejects.toThrow(
      /line 2.*expected a Disqus export \(root element <disqus>\), found <rss>.*use --wordpress/,
    );
    await expect(
      importFile(t.db, { format: "disqus", file: file("x.csv", "a,b,c\n1,2,3\n") }),
    ).rejects.toThrow(
      /^x\.csv: line \d+, column \d+: not well-formed XML: text data outside of root node\.$/,
    );
    await expect(
      importFile(t.db, {
        format: "disqus",
        file: file("bad.xml", `${disqusDoc(threads, posts).replace("</thread>", "</thred>")}`),
      }),
    ).rejects.toThrow(
      /bad\.xml: line \d+, column \d+: not well-formed XML \(inside <disqus>\): unexpected close tag/,
    );
  });

  it("refuses a 2 GB file before reading it", async () => {
    const big = path.join(tmp, "big.xml");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 2 * 1024 ** 3); // sparse: no disk used
    const before = await count(t);
    await expect(importFile(t.db, { format: "disqus", file: big })).rejects.toThrow(
      /^big\.xml: 2\.0 GB is more than the 1\.0 GB an import takes \(AGORA_IMPORT_MAX_BYTES\); split the export by date range$/,
    );
    expect(await count(t)).toBe(before);
    fs.rmSync(big);
  });

  it("imports WordPress wp:comment with parents, approval and authors", async () => {
    const c = (id: number, parent: number, approved: string, author: string, text: string) =>
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[${author}]]></wp:comment_author><wp:comment_author_email>${author.toLowerCase()}@example.com</wp:comment_author_email><wp:comment_date_gmt>2018-06-0${id - 300} 12:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${text}]]></wp:comment_content><wp:comment_approved>${approved}</wp:comment_approved><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;
    const wxr = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<wp:base_site_url>${BASE}</wp:base_site_url>
<item><title>Will Russia</title><link>${BASE}/articles/${SLUG}</link><wp:post_id>42</wp:post_id>
${c(301, 0, "1", "Wendy", "WP root zqw1")}
${c(302, 301, "1", "Xavier", "WP reply zqw2\nsecond line")}
${c(303, 0, "0", "Yolanda", "WP waiting zqw3")}
</item></channel></rss>`;
    const { report } = await importFile(t.db, {
      format: "wordpress",
      file: file("wp2.xml", wxr),
      publicBase: BASE,
    });
    expect(report.posts.imported).toBe(3);
    const rows = await tree(t);
    expect(rows.find((r) => r.body.startsWith("WP reply"))).toMatchObject({
      parent: "WP root zqw1",
      author: "Xavier",
    });
    expect(rows.find((r) => r.body === "WP waiting zqw3")).toMatchObject({ status: "pending" });
    expect(rows.find((r) => r.body === "WP root zqw1")?.createdAt).toBe("2018-06-01T12:00:00.000Z");
    const again = await importFile(t.db, {
      format: "wordpress",
      file: path.join(tmp, "wp2.xml"),
      publicBase: BASE,
    });
    expect(again.report.posts.imported).toBe(0);
  });

  it("round trip: the Disqus export imported into a fresh database gives the same rows, threads and trees", async () => {
    let xml = "";
    const n = await writeDisqus(t.db, { publicBase: BASE, write: (s) => void (xml += s) });
    expect(n.posts).toBe(await count(t));
    const fresh = await createTestDb();
    try {
      await seedContent(fresh.db);
      const { report } = await importFile(fresh.db, {
        format: "disqus",
        file: file("rt.xml", xml),
        publicBase: BASE,
      });
      expect(report.posts.skipped).toEqual({});
      expect(await count(fresh)).toBe(await count(t));
      expect(await tree(fresh)).toEqual(await tree(t));
      const [ext] = await fresh.db.select().from(externalThreads);
      expect(ext).toMatchObject({ origin: "https://news.example", identifier: "ext-1" });
    } finally {
      await fresh.close();
    }
  });
});
