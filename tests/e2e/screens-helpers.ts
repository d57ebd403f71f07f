// Shared by the screen sweeps (screens.spec.ts, a11y.spec.ts): every page a reader, a moderator or an
// admin can open, and the fixtures they need (an approved comment for the permalink pages).
import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { type FixtureUser, signInContext } from "./users";

export const SLUG = "will-russia-defend-maduro";
export type Who = "anon" | FixtureUser;

/** Every page, by who opens it. `:cid` is an approved comment on SLUG, `:uid` the reader's user id. */
export const PAGES: [Who, string][] = [
  ["anon", "/"],
  ["anon", `/articles/${SLUG}`],
  ["anon", `/articles/${SLUG}/comments`],
  ["anon", `/articles/${SLUG}/comments/:cid`],
  ["anon", "/polls/:pid"],
  ["anon", "/signin"],
  ["anon", "/signup"],
  ["anon", "/forgot-password"],
  ["anon", "/check-email"],
  ["anon", "/no-such-page"],
  // Spanish (longer words: the layouts must still fit); docs/decisions/130-i18n.md
  ["anon", `/es/articles/${SLUG}`],
  ["anon", "/es/signin"],
  ["reader", `/articles/${SLUG}`],
  ["reader", "/account"],
  ["reader", "/account/comments"],
  ["moderator", "/account/tokens"],
  ["reader", "/account/delete"],
  ["moderator", "/admin"],
  ["moderator", "/admin/queue"],
  ["moderator", `/articles/${SLUG}`],
  ["admin", "/admin"],
  ["admin", "/admin/queue"],
  ["admin", "/admin/appeals"],
  ["admin", "/admin/users"],
  ["admin", "/admin/users/:uid"],
  ["admin", "/admin/audit"],
  ["admin", "/admin/articles"],
  ["admin", "/admin/articles/new"],
  ["admin", "/admin/settings"],
];

export const VIEWS = [
  { width: 390, height: 844, scheme: "light" },
  { width: 390, height: 844, scheme: "dark" },
  { width: 1280, height: 900, scheme: "light" },
  { width: 1280, height: 900, scheme: "dark" },
] as const;

/** An approved comment on SLUG (posted by the admin, approved if held) and the reader's user id. */
export async function fixtures(
  admin: APIRequestContext,
  baseURL: string,
): Promise<{ cid: string; uid: string; pid: string }> {
  const headers = { origin: baseURL };
  const post = await admin.post(`/api/v1/articles/${SLUG}/comments`, {
    headers,
    data: { body: "Screens sweep: a comment with a link https://example.org/analysis and some words." },
  });
  if (post.status() !== 201) throw new Error(`posting the fixture comment answered ${post.status()}`);
  const c = await post.json();
  if (c.status !== "approved") {
    const d = await admin.post(`/api/v1/admin/comments/${c.id}/decision`, {
      headers,
      data: { action: "approve" },
    });
    if (!d.ok()) throw new Error(`approving the fixture comment answered ${d.status()}`);
  }
  const users = await (await admin.get("/api/v1/admin/users?q=reader%40e2e.test")).json();
  const uid = (users.items ?? users.users ?? []).find(
    (u: { email: string }) => u.email === "reader@e2e.test",
  )?.id;
  if (!uid) throw new Error("the reader fixture was not found through /api/v1/admin/users");
  const polls = await (await admin.get(`/api/v1/articles/${SLUG}/polls`)).json();
  return { cid: c.id, uid, pid: polls.polls[0].id };
}

export function pathOf(p: string, f: { cid: string; uid: string; pid: string }): string {
  return p.replace(":cid", f.cid).replace(":uid", f.uid).replace(":pid", f.pid);
}

/** A context per person at this view; signed in through Auth.js's ordinary endpoints. */
export async function contexts(
  browser: { newContext(o: object): Promise<BrowserContext> },
  view: (typeof VIEWS)[number],
  baseURL: string,
): Promise<Record<Who, BrowserContext>> {
  const out = {} as Record<Who, BrowserContext>;
  for (const who of ["anon", "reader", "moderator", "admin"] as const) {
    const ctx = await browser.newContext({
      viewport: { width: view.width, height: view.height },
      colorScheme: view.scheme,
    });
    if (who !== "anon") await signInContext(ctx, who, baseURL);
    out[who] = ctx;
  }
  return out;
}

/** Loaded, hydrated and idle: the page's own requests after load have had their turn. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const idle = () =>
          "requestIdleCallback" in window
            ? requestIdleCallback(() => resolve(), { timeout: 3000 })
            : resolve();
        // two frames, then idle: React has hydrated and effects have started their fetches
        requestAnimationFrame(() => requestAnimationFrame(idle));
      }),
  );
  await page.waitForLoadState("domcontentloaded");
}
