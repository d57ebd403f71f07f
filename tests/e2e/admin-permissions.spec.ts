// The moderation panel's permission matrix (tests/permissions/admin.ts) against the production build:
// every admin page, action and route, as an anonymous visitor, a reader, a moderator and an admin.
import { type APIRequestContext, expect, request as pwRequest, test } from "@playwright/test";
import { adminRows, type MatrixContext, type Who } from "../permissions/admin";
import { createPremoderatedArticle, postPendingComment, runTag, unpublishArticle } from "./run-fixtures";
import { signInRequest } from "./users";

const WHO: Who[] = ["anonymous", "reader", "moderator", "admin"];

test.describe("admin permission matrix", () => {
  const ctx: Partial<Record<Who, APIRequestContext>> = {};
  let ids: MatrixContext;
  let article: { id: string; slug: string } | undefined;

  test.beforeAll(async ({ baseURL }) => {
    for (const who of WHO) {
      ctx[who] = await pwRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
      if (who !== "anonymous") await signInRequest(ctx[who]!, who, baseURL!);
    }
    const admin = ctx.admin!;
    const users = await (await admin.get("/api/v1/admin/users?q=Rae")).json();
    // this run's own article and a comment from the second reader waiting on it (the matrix approves it)
    const tag = runTag();
    article = await createPremoderatedArticle(admin, baseURL!, tag, "E2E permissions article");
    const reader2 = await pwRequest.newContext({ baseURL });
    await signInRequest(reader2, "reader2", baseURL!);
    const commentId = await postPendingComment(
      reader2,
      baseURL!,
      article.slug,
      `E2E permissions ${tag}: decided by the matrix.`,
    );
    await reader2.dispose();
    const queue = await (await admin.get("/api/v1/admin/queue?status=pending&limit=100")).json();
    const item = queue.items.find((i: { id: string }) => i.id === commentId);
    expect(item, "this run's permission comment is in the queue").toBeTruthy();
    ids = { readerId: users.items[0].id, commentId, articleId: article.id };
  });

  test.afterAll(async ({ baseURL }) => {
    if (article && ctx.admin) await unpublishArticle(ctx.admin, baseURL!, article.id);
    for (const c of Object.values(ctx)) await c?.dispose();
  });

  for (const row of adminRows) {
    test(`${row.kind} ${row.name}: ${row.method} ${row.path({ readerId: ":user", commentId: ":comment", articleId: ":article" })}`, async () => {
      for (const who of WHO) {
        const c = ctx[who]!;
        const res = await c.fetch(row.path(ids), {
          method: row.method,
          data: row.body ? row.body(ids) : undefined,
          maxRedirects: 0,
        });
        expect(
          res.status(),
          `${who} → ${row.method} ${row.path(ids)}: ${(await res.text()).slice(0, 200)}`,
        ).toBe(row.expect[who]);
        if (row.kind === "page" && res.status() === 307) expect(res.headers().location).toContain("/signin");
        if (row.kind === "api" && res.status() >= 400) {
          const body = await res.json();
          expect(body.error.code).toBeTruthy();
          expect(body.error.message).toBeTruthy();
        }
      }
    });
  }

  test("a bearer token acts as its moderator and stops working when revoked", async () => {
    const mod = ctx.moderator!;
    const created = await (await mod.post("/api/v1/account/tokens", { data: { name: "e2e tool" } })).json();
    const tool = await pwRequest.newContext({
      baseURL: test.info().project.use.baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${created.secret}` },
    });
    expect((await tool.get("/api/v1/admin/queue")).status()).toBe(200);
    expect((await tool.get("/api/v1/admin/settings")).status()).toBe(403);
    // no Origin needed with a token; but a token cannot mint more tokens
    expect((await tool.post("/api/v1/account/tokens", { data: { name: "x" } })).status()).toBe(403);
    expect((await mod.delete(`/api/v1/account/tokens/${created.token.id}`)).status()).toBe(200);
    expect((await tool.get("/api/v1/admin/queue")).status()).toBe(401);
    await tool.dispose();
  });

  test("bad input gets clear messages and changes nothing", async () => {
    const admin = ctx.admin!;
    const before = await (await admin.get("/api/v1/admin/settings")).json();
    const neg = await admin.put("/api/v1/admin/settings", {
      data: { settings: { reportHideThreshold: -1 } },
    });
    expect(neg.status()).toBe(422);
    expect(await neg.json()).toMatchObject({
      error: { field: "settings.reportHideThreshold", message: /at least 1/ },
    });
    const empty = await admin.put("/api/v1/admin/settings", {
      data: { settings: { bannedWords: ["ok", " "] } },
    });
    expect(empty.status()).toBe(422);
    expect((await empty.json()).error.field).toBe("settings.bannedWords.1");
    expect(await (await admin.get("/api/v1/admin/settings")).json()).toEqual(before);
    const unknown = await admin.post("/api/v1/admin/comments/00000000-0000-4000-8000-000000000000/decision", {
      data: { action: "approve" },
    });
    expect(unknown.status()).toBe(404);
    const noReason = await admin.post(`/api/v1/admin/comments/${ids.commentId}/decision`, {
      data: { action: "reject" },
    });
    expect(noReason.status()).toBe(422);
    expect((await noReason.json()).error.field).toBe("reason");
    const again = await admin.post(`/api/v1/admin/comments/${ids.commentId}/decision`, {
      data: { action: "approve" },
    });
    expect(await again.json()).toMatchObject({
      changed: false,
      message: "The comment is already approved; nothing changed.",
    });
    const cross = await ctx.moderator!.post(`/api/v1/admin/comments/${ids.commentId}/decision`, {
      data: { action: "spam" },
      headers: { origin: "https://evil.example" },
    });
    expect(cross.status()).toBe(403);
  });
});
