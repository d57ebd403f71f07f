// @ts-check
// Runs the fast lanes of server/lanes.ts (installed by instrumentation.ts into the edge's state) for
// server/main.mjs: picks the lane of a request and calls its handler with a standard Request built from
// node's request, then writes the Response back. See docs/decisions/051-fast-lanes.md.
const { sendEncoded } = require("./compress.cjs");
const { edge } = require("./state.cjs");

/** @typedef {import("./state.cjs").Lane} Lane */

/**
 * The first lane for this method and path, with its match.
 * @param {string | undefined} method
 * @param {string} pathname
 * @returns {{ lane: Lane, match: RegExpExecArray } | null}
 */
function laneFor(method, pathname) {
  const lanes = edge().lanes;
  if (!lanes) return null;
  for (const lane of lanes) {
    if (lane.method !== method) continue;
    const match = lane.pattern.exec(pathname);
    if (match) return { lane, match };
  }
  return null;
}

const SMALL_BODY = 16 * 1024;
// what Next puts on every app-route response (the parity test holds the lanes to it)
const NEXT_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

/**
 * A body whose Content-Length is small, as one buffer.
 * @param {import("node:http").IncomingMessage} req
 * @returns {Promise<Buffer>}
 */
function readSmall(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** @param {Buffer} b the same bytes, as the Uint8Array a Request body takes (no copy) */
const asBytes = (b) =>
  /** @type {Uint8Array<ArrayBuffer>} */ (new Uint8Array(b.buffer, b.byteOffset, b.byteLength));

/**
 * The request body as a web stream that pauses the socket when not read and never destroys it.
 * @param {import("node:http").IncomingMessage} req
 * @returns {ReadableStream<Uint8Array>}
 */
function bodyStream(req) {
  return new ReadableStream(
    {
      start(controller) {
        req.on("data", (chunk) => {
          controller.enqueue(new Uint8Array(chunk));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on("end", () => controller.close());
        req.on("error", (e) => controller.error(e));
      },
      pull() {
        req.resume();
      },
      cancel() {
        req.pause();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

/**
 * Reads and drops the rest of a body the route refused unread, so that the client gets the answer: up
 * to 1 MB more; beyond that the connection is cut.
 * @param {import("node:http").IncomingMessage} req
 */
function drain(req) {
  let left = 1024 * 1024;
  req.removeAllListeners("data");
  req.on("data", (chunk) => {
    left -= chunk.length;
    if (left < 0) req.socket.destroy();
  });
  req.resume();
}

/**
 * Runs a route lane: node request in, the route handler's Response out.
 * @param {import("./state.cjs").RouteLane} lane
 * @param {RegExpExecArray} match
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {(e: unknown) => void} onError
 */
async function runRouteLane(lane, match, req, res, onError) {
  try {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (Array.isArray(v)) for (const x of v) headers.append(k, x);
      else if (v !== undefined) headers.set(k, v);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    // a small body of declared length is read at once (cheaper than a web stream); anything else is
    // streamed, and the route stops reading at its own size limit (lib/api/http.ts)
    const declared = Number(req.headers["content-length"]);
    const small = hasBody && Number.isInteger(declared) && declared >= 0 && declared <= SMALL_BODY;
    /** @type {RequestInit & { duplex?: "half" }} */
    const init = {
      method: req.method,
      headers,
      body: !hasBody ? undefined : small ? asBytes(await readSmall(req)) : bodyStream(req),
      duplex: hasBody && !small ? "half" : undefined,
    };
    const request = new Request(`http://${req.headers.host || "localhost"}${req.url}`, init);
    const response = await lane.handler(request, match);
    if (hasBody && !req.complete) drain(req);
    /** @type {Record<string, string | string[]>} */
    const out = {};
    for (const [k, v] of response.headers) if (k !== "set-cookie") out[k] = v;
    if (!out.vary) out.vary = NEXT_VARY;
    const cookies = response.headers.getSetCookie();
    if (cookies.length) out["set-cookie"] = cookies;
    const body = response.body ? Buffer.from(await response.arrayBuffer()) : Buffer.alloc(0);
    sendEncoded(req, res, response.status, out, body, undefined, 0); // as Next does for a route
  } catch (e) {
    onError(e);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.end(
        '{"error":{"code":"internal","message":"Something went wrong on our side. Please try again."}}',
      );
    } else res.end();
  }
}

module.exports = { NEXT_VARY, laneFor, runRouteLane };
