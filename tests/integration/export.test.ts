// npm run export: all content as JSON, and nothing personal. The script is run for real, against a
// database of its own (a PGlite directory must be closed first: one process owns it).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, openDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { articles, comments, pollOptions, pollVotes, users } from "@/db/schema";
import { seedContent } from "@/db/seed/seed";
import { type ContentExport, EXPORT_FORMAT, exportContent } from "@/lib/export";
import { createTestDb, dbKindLabel, onPostgres, type TestDb } from "../helpers/db";

async function fill(db: DbHandle["db"]) {
  await seedContent(db);
  const [a] = await db.select().from(articles).where(eq(articles.slug, "will-russia-defend-maduro"));
  const [u] = await db
    .insert(users)
    .values({ name: "Ana Reader", email: "ana@example.com", passwordHash: "x" })
    .returning();
  await db.insert(comments).values({
    articleId: a.id,
    path: "0001",
    authorId: u.id,
    body: "A comment",
    bodyHtml: "<p>A comment</p>",
    status: "approved",
    score: 3,
    upvotes: 4,
    downvotes: 1,
    ipHash: "secret-ip-hash",
  });
  const [opt] = await db.select().from(pollOptions).limit(1);
  await db.insert(pollVotes).values({
    pollId: opt.pollId,
    voterKey: "a:secret-voter",
    optionIds: [opt.id],
    ipHash: "secret-ip-hash",
  });
  await db.update(pollOptions).set({ voteCount: 1 }).where(eq(pollOptions.id, opt.id));
}

function checkExport(data: ContentExport) {
  expect(data.format).toBe(EXPORT_FORMAT);
  expect(data.articles.map((a) => a.slug)).toContain("will-russia-defend-maduro");
  expect(data.articles.map((a) => a.slug)).toContain("demo-draft-not-public"); // all content, drafts too
  expect(data.authors.map((a) => a.name)).toContain("Delena Feil");
  expect(data.questions.length).toBeGreaterThanOrEqual(3);
  expect(data.polls).toHaveLength(4);
  expect(data.pollOptions.reduce((n, o) => n + o.voteCount, 0)).toBe(1);
  const seed = data.articles.find((a) => a.slug === "will-russia-defend-maduro")!;
  expect(seed.importedViews).toBe(5965);
  expect(seed.body).toContain("## Seeking Support");
  expect(data.comments).toEqual([
    expect.objectContaining({
      body: "A comment",
      authorName: "Ana Reader",
      score: 3,
      upvotes: 4,
      downvotes: 1,
    }),
  ]);
  const text = JSON.stringify(data);
  for (const secret of [
    "ana@example.com",
    "secret-ip-hash",
    "secret-voter",
    "ipHash",
    "passwordHash",
    "email",
  ])
    expect(text).not.toContain(secret);
}

function runExport(env: Record<string, string | undefined>, out: string) {
  return new Promise<{ code: number | null; err: string }>((resolve) => {
    const p = spawn("npx", ["tsx", "--conditions=react-server", "scripts/export.mts", "--out", out], {
      env: { ...process.env, ...env },
    });
    let err = "";
    p.stderr.on("data", (d) => (err += d));
    p.on("exit", (code) => resolve({ code, err }));
  });
}

describe(`npm run export (${dbKindLabel})`, () => {
  let t: TestDb;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "agora-export-"));
  beforeAll(async () => {
    t = await createTestDb();
    await fill(t.db);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("exports all content with vote totals and nothing personal", async () => {
    checkExport(await exportContent(t.db));
  });

  it("the script writes the same document to a file", async () => {
    const out = path.join(tmp, "export.json");
    let env: Record<string, string | undefined>;
    if (onPostgres) env = { DATABASE_URL: t.testUrl };
    else {
      // a PGlite directory of its own, closed before the script opens it
      const dir = path.join(tmp, "pglite");
      const h = await openDb({ url: "", dir });
      await runMigrations(h);
      await fill(h.db);
      await h.close();
      env = { DATABASE_URL: "", AGORA_DATA_DIR: dir };
    }
    const r = await runExport(env, out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/4 articles, 4 polls, 1 comments/);
    checkExport(JSON.parse(fs.readFileSync(out, "utf8")));
  });
});
