// Issue 12, hole 13: 500s from bad input. A NUL (or another control character) in appeal text,
// moderator notes, article fields, settings and the sign-in email reached PostgreSQL; moderator cursors
// that Date.parse accepts but PostgreSQL does not reached it too. Each now gets 400/422 naming the field,
// and an appeal refused for bad input does not spend the daily allowance. Through the route handlers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as appealsGet } from "@/app/api/v1/admin/appeals/route";
import { POST as articlesPost } from "@/app/api/v1/admin/articles/route";
import { GET as queueGet } from "@/app/api/v1/admin/queue/route";
import { PUT as settingsPut } from "@/app/api/v1/admin/settings/route";
import { POST as notesPost } from "@/app/api/v1/admin/users/[id]/notes/route";
import { GET as usersGet } from "@/app/api/v1/admin/users/route";
import { GET as feedbackGet } from "@/app/api/v1/articles/[slug]/feedback/route";
import { GET as pollsGet } from "@/app/api/v1/articles/[slug]/polls/route";
import { POST as viewsPost } from "@/app/api/v1/articles/[slug]/views/route";
import { POST as appealPost } from "@/app/api/v1/comments/[id]/appeal/route";
import { closeDb, type Db, getDb } from "@/db/client";
import { createToken } from "@/lib/auth/api-tokens";
import { guardedAuthPost } from "@/lib/auth/route-guard";
import { decideComment } from "@/lib/moderation/decisions";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { insertComment, makeArticle, makeUser } from "../helpers/moderation";

const BASE = "http://agora.test";
const b64 = (s: string) => Buffer.from(s).toString("base64url");

describe(`bad input is refused, never a 500 (hole 13, ${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  let adminToken: string;
  let modToken: string;
  let modId: string;
  let readerId: string;
  let adminId: string;

  const req = (path: string, token: string, method = "GET", body?: unknown) =>
    new Request(`${BASE}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        "x-agora-client-ip": "192.0.2.13",
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  const ctx = <T>(p: T) => ({ params: Promise.resolve(p) });
  async function refused(res: Response, field: string) {
    expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect([400, 422]).toContain(res.status);
    const j = await res.json();
    expect(j.error.field).toBe(field);
    expect(j.error.message).toContain(field);
  }

  beforeAll(async () => {
    process.env.AUTH_URL = BASE;
    process.env.AGORA_LIMIT_APPEAL_USER = "2/86400";
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
    adminId = await makeUser(db, { role: "admin", name: "Ada" });
    modId = await makeUser(db, { role: "moderator", name: "Mo" });
    readerId = await makeUser(db, { name: "Rita" });
    adminToken = (await createToken(db, adminId, "tests")).secret;
    modToken = (await createToken(db, modId, "tests")).secret;
  });
  afterAll(async () => {
    delete process.env.AGORA_LIMIT_APPEAL_USER;
    await closeDb();
    await t?.close();
  });

  it("appeal text with a NUL: 422 naming text, and the allowance is not spent", async () => {
    const a = await makeArticle(db);
    const id = await insertComment(db, { articleId: a.id, authorId: modId });
    await decideComment(db, id, { action: "reject", reason: "Off topic" }, adminId);
    // the allowance is 2: three refused appeals, then a proper one still goes through
    for (let i = 0; i < 3; i++)
      await refused(
        await appealPost(
          req(`/api/v1/comments/${id}/appeal`, modToken, "POST", { text: "Please\u0000 look" }),
          ctx({ id }),
        ),
        "text",
      );
    const ok = await appealPost(
      req(`/api/v1/comments/${id}/appeal`, modToken, "POST", { text: "Please look again." }),
      ctx({ id }),
    );
    expect(ok.status).toBe(201);
  });

  it("an appeal refused as not appealable does not spend the allowance either", async () => {
    const a = await makeArticle(db);
    const published = await insertComment(db, { articleId: a.id, authorId: modId });
    const rejected = await insertComment(db, { articleId: a.id, authorId: modId });
    await decideComment(db, rejected, { action: "reject", reason: "Off topic" }, adminId);
    const text = { text: "It was on topic, please look again." };
    for (let i = 0; i < 3; i++) {
      const r = await appealPost(
        req(`/api/v1/comments/${published}/appeal`, modToken, "POST", text),
        ctx({ id: published }),
      );
      expect(r.status).toBe(409);
    }
    // one appeal of the allowance of 2 was used above: the refusals spent nothing, so this one counts
    const ok = await appealPost(
      req(`/api/v1/comments/${rejected}/appeal`, modToken, "POST", text),
      ctx({ id: rejected }),
    );
    expect(ok.status).toBe(201);
  });

  it("moderator notes, article fields and settings with a NUL: 422 naming the field", async () => {
    await refused(
      await notesPost(
        req(`/api/v1/admin/users/${readerId}/notes`, modToken, "POST", { note: "ab\u0000c" }),
        ctx({ id: readerId }),
      ),
      "note",
    );
    await refused(
      await articlesPost(
        req("/api/v1/admin/articles", adminToken, "POST", {
          title: "Title\u0000",
          body: "Body.",
          newAuthor: { name: "Desk" },
        }),
      ),
      "title",
    );
    await refused(
      await articlesPost(
        req("/api/v1/admin/articles", adminToken, "POST", {
          title: "Title",
          body: "Body.",
          newAuthor: { name: "De\u0000sk" },
        }),
      ),
      "newAuthor.name",
    );
    await refused(
      await settingsPut(
        req("/api/v1/admin/settings", adminToken, "PUT", { settings: { bannedWords: ["ok", "b\u0000d"] } }),
      ),
      "settings.bannedWords.1",
    );
  });

  it("a sign-in email with a NUL: 422 naming email", async () => {
    const r = await guardedAuthPost(
      new Request(`${BASE}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-agora-client-ip": "192.0.2.77" },
        body: "email=a%00b%40x.test&password=whatever-123",
      }),
      async () => new Response("should not be reached", { status: 500 }),
    );
    await refused(r, "email");
  });

  it("moderator cursors that Date.parse accepts but PostgreSQL does not: 422 naming cursor", async () => {
    const bad = ["1", "March 7, 2020", "2020-02-30 10:00:00+00", "2020-01-01T10:00:00.000Zjunk"];
    for (const at of bad) {
      await refused(
        await queueGet(req(`/api/v1/admin/queue?cursor=${b64(JSON.stringify({ t: at, s: 1 }))}`, modToken)),
        "cursor",
      );
      await refused(
        await appealsGet(
          req(`/api/v1/admin/appeals?cursor=${b64(`${at}|${crypto.randomUUID()}`)}`, modToken),
        ),
        "cursor",
      );
      await refused(await usersGet(req(`/api/v1/admin/users?cursor=${b64(`${at}|x`)}`, modToken)), "cursor");
    }
    await refused(
      await usersGet(req(`/api/v1/admin/users?cursor=${b64("2020-01-01 10:00:00+00|a\u0000b")}`, modToken)),
      "cursor",
    );
  });

  it("a slug with a NUL (same class, found here): 404 like any unknown article, not a 500", async () => {
    const slug = "a\u0000b";
    const anon = (method: string) =>
      new Request(`${BASE}/x`, {
        method,
        headers: { origin: BASE, "x-agora-client-ip": "192.0.2.14" },
        body: method === "POST" ? "{}" : undefined,
      });
    expect((await viewsPost(anon("POST"), ctx({ slug }))).status).toBe(404);
    expect((await pollsGet(anon("GET"), ctx({ slug }))).status).toBe(404);
    expect((await feedbackGet(anon("GET"), ctx({ slug }))).status).toBe(404);
  });
});
