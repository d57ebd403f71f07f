// The fast lane for the shared comment pages. `GET /api/v1/articles/{slug}/comments` is the same for
// every reader and is read far more often than anything else; Next's route machinery costs more per
// request than answering it. server/main.mjs asks this function first (a lane of server/lanes.ts, like a
// reverse proxy's micro-cache): when the page is in memory and still good (lib/comments/cached.ts,
// invalidated by the article's cache tag on every instance), it is written straight to the socket;
// otherwise the request goes on to Next's route handler, which reads the database and fills the cache.
// See docs/decisions/021-comment-caching-live-and-no-js.md and 051-fast-lanes.md.
import type { IncomingMessage, ServerResponse } from "node:http";
import { SLUG_RE } from "@/lib/comments/articles";
import { peekCommentPageJson } from "@/lib/comments/cached";
import { THREADS } from "@/lib/comments/config";
import { COMMENT_SORTS, type CommentSort } from "@/lib/comments/types";
import { sendEncoded } from "./compress.cjs";

export const COMMENT_PAGE_PATH = /^\/api\/v1\/articles\/([a-z0-9-]{1,200})\/comments$/;
const HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  // what Next puts on every app-route response (the parity test holds the lanes to it)
  vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch",
};

type FastGet = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Answers the request from memory and returns true, or returns false to let Next handle it. */
export const commentsFastGet: FastGet = (req, res) => {
  if (req.method !== "GET" || !req.url) return false;
  const q = req.url.indexOf("?");
  const m = COMMENT_PAGE_PATH.exec(q < 0 ? req.url : req.url.slice(0, q));
  if (!m || !SLUG_RE.test(m[1])) return false;
  let sort: CommentSort | null = null;
  let cursor: string | null = null;
  let limit: number = THREADS.pageSize;
  if (q >= 0) {
    for (const [k, v] of new URLSearchParams(req.url.slice(q + 1))) {
      if (k === "sort" && (COMMENT_SORTS as readonly string[]).includes(v)) sort = v as CommentSort;
      else if (k === "cursor" && v) cursor = v;
      else if (k === "limit" && /^\d{1,2}$/.test(v)) limit = Number(v);
      else return false; // anything unusual: let the route handler validate and answer
    }
  }
  const json = peekCommentPageJson(m[1], sort, cursor, limit);
  if (json == null) return false;
  sendEncoded(req, res, 200, HEADERS, Buffer.from(json), undefined, 0); // as Next does for a route
  return true;
};
