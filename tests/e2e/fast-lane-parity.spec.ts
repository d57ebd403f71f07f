// Fast-lane parity: the same requests against a server with the fast lanes off (AGORA_FAST_LANE=0,
// everything through Next) and on (=1: cached pages, comment pages and the hot API writes answered by
// server/main.mjs past Next's routing) give the same status, headers (less dates and ids) and bodies.
// A Next upgrade that changes what a cache hit sends fails here instead of in production.
import { type APIRequestContext, type APIResponse, expect, request, test } from "@playwright/test";
import { type Db, freshDatabase, type Server, specPort, startServer } from "./comments-server";
import { signInRequest } from "./users";

const SLUG = "will-russia-defend-maduro";
const MODES = [
  { fastLane: "0", port: specPort(6) },
  { fastLane: "1", port: specPort(7) },
];

test.describe.configure({ mode: "serial" });

let servers: Server[] = [];
let dbs: Db[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dbs = MODES.map(() => freshDatabase("pglite"));
  servers = await Promise.all(
    MODES.map((m, i) =>
      startServer(m.port, dbs[i], {
        AGORA_FAST_LANE: m.fastLane,
        AGORA_INVALIDATE_WINDOW_MS: "0",
        AUTH_URL: PUBLIC_URL,
      }),
    ),
  );
});
test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const d of dbs) d.drop();
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;
const EPOCH_MS = /\b1\d{12}\b/g; // e.g. a page's renderedAt
// per response (date, id) or framing of the same bytes (Next streams, the fast lanes send a length)
const VARYING_HEADERS = new Set([
  "date",
  "x-request-id",
  "keep-alive",
  "connection",
  "transfer-encoding",
  "content-length",
]);
// both servers name the same public URL, so that pages (canonical links, and the CSP hashes of
// scripts that carry them) do not differ by port
const PUBLIC_URL = "http://parity.test";

/** Ids numbered in order of appearance, times and ports blanked: what must be equal in both modes. */
function normalise(text: string, port: number): string {
  const ids = new Map<string, string>();
  return text
    .replace(UUID, (id) => {
      if (!ids.has(id)) ids.set(id, `<id${ids.size}>`);
      return ids.get(id) as string;
    })
    .replace(ISO_TIME, "<time>")
    .replace(EPOCH_MS, "<ms>")
    .replaceAll(String(port), "<port>");
}

interface Seen {
  status: number;
  headers: Record<string, string>;
  body: string;
}

async function seen(r: APIResponse, port: number): Promise<Seen> {
  const headers: Record<string, string> = {};
  for (const { name, value } of r.headersArray()) {
    const k = name.toLowerCase();
    if (VARYING_HEADERS.has(k)) continue;
    // a cookie's value is per reader; its name and attributes must agree
    // the CSP of a cached page hashes its inline scripts, which carry render times: the same policy
    // with as many hashes (the scripts themselves are compared in the body)
    const v =
      k === "set-cookie"
        ? value.replace(/=[^;]*/, "=<value>")
        : k === "content-security-policy"
          ? value.replace(/'sha256-[^']+'/g, "<hash>")
          : value;
    headers[k] = headers[k] ? `${headers[k]}\n${v}` : v;
  }
  return { status: r.status(), headers, body: normalise(await r.text(), port) };
}

/** The same scripted session against one server: what every step answered. */
async function session(base: string, port: number): Promise<Record<string, Seen>> {
  const out: Record<string, Seen> = {};
  const anon: APIRequestContext = await request.newContext({ baseURL: base });
  const reader: APIRequestContext = await request.newContext({ baseURL: base });
  try {
    // the cached article page: the first load renders and caches it, the second is a cache hit
    expect((await anon.get(`/articles/${SLUG}`)).status()).toBe(200);
    await expect
      .poll(async () => (await anon.get(`/articles/${SLUG}`)).headers()["x-nextjs-cache"])
      .toBe("HIT");
    out.page = await seen(await anon.get(`/articles/${SLUG}`), port);
    out.pageHead = await seen(await anon.head(`/articles/${SLUG}`), port);

    await signInRequest(reader, "reader", base);
    const post = await reader.post(`/api/v1/articles/${SLUG}/comments`, {
      data: { body: "Parity: the same comment through both lanes" },
      headers: { origin: base },
    });
    out.commentPost = await seen(post, port);
    const { id } = JSON.parse(await post.text());
    out.commentPostBad = await seen(
      await reader.post(`/api/v1/articles/${SLUG}/comments`, {
        data: { body: "" },
        headers: { origin: base },
      }),
      port,
    );
    out.commentPostNoOrigin = await seen(
      await reader.post(`/api/v1/articles/${SLUG}/comments`, { data: { body: "no origin" } }),
      port,
    );

    const other = await request.newContext({ baseURL: base });
    await signInRequest(other, "reader2", base);
    out.commentVote = await seen(
      await other.post(`/api/v1/comments/${id}/vote`, { data: { value: 1 }, headers: { origin: base } }),
      port,
    );
    out.commentVoteUnknown = await seen(
      await other.post("/api/v1/comments/not-a-comment/vote", {
        data: { value: 1 },
        headers: { origin: base },
      }),
      port,
    );
    await other.dispose();

    const polls = (await (await anon.get(`/api/v1/articles/${SLUG}/polls`)).json()).polls as {
      id: string;
      options: { id: string }[];
    }[];
    const poll = polls[0];
    out.pollVote = await seen(
      await reader.put(`/api/v1/polls/${poll.id}/vote`, {
        data: { optionIds: [poll.options[0].id] },
        headers: { origin: base },
      }),
      port,
    );
    out.pollWithdraw = await seen(
      await reader.delete(`/api/v1/polls/${poll.id}/vote`, { headers: { origin: base } }),
      port,
    );

    // the comments JSON page: the first read fills the memory cache, the second is answered from it
    await expect
      .poll(async () => (await anon.get(`/api/v1/articles/${SLUG}/comments`)).text())
      .toContain("Parity: the same comment");
    out.commentsPage = await seen(await anon.get(`/api/v1/articles/${SLUG}/comments`), port);
    out.commentsPageSorted = await seen(await anon.get(`/api/v1/articles/${SLUG}/comments?sort=top`), port);
    out.commentsPageUnknown = await seen(await anon.get("/api/v1/articles/no-such-article/comments"), port);
  } finally {
    await anon.dispose();
    await reader.dispose();
  }
  return out;
}

test("parity: AGORA_FAST_LANE=0 and =1 answer the same status, headers and bodies", async () => {
  test.setTimeout(120_000);
  const [off, on] = [
    await session(servers[0].url, MODES[0].port),
    await session(servers[1].url, MODES[1].port),
  ];
  expect(Object.keys(on)).toEqual(Object.keys(off));
  for (const step of Object.keys(off)) {
    if (on[step].body !== off[step].body) {
      await test.info().attach(`${step}-off`, { body: off[step].body });
      await test.info().attach(`${step}-on`, { body: on[step].body });
    }
    expect.soft(on[step].status, `${step}: status`).toBe(off[step].status);
    expect.soft(on[step].headers, `${step}: headers`).toEqual(off[step].headers);
    expect.soft(on[step].body, `${step}: body`).toBe(off[step].body);
  }
  // the steps really were what they claim
  expect(off.page.headers["x-nextjs-cache"]).toBe("HIT");
  expect(off.commentPost.status).toBe(201);
  expect(off.commentVote.status).toBe(200);
  expect([200, 201]).toContain(off.pollVote.status);
  expect(off.commentsPage.body).toContain("Parity: the same comment");
});
