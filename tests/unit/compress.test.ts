// server/compress.cjs: brotli or gzip by Accept-Encoding on all three paths (Next's answers through the
// middleware, the edge's own answers, precompressed static files), over real HTTP.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressResponse, pickEncoding, sendEncoded, serveStatic } from "@/server/compress.cjs";

describe("pickEncoding", () => {
  it.each([
    ["gzip, deflate, br", "br"],
    ["br", "br"],
    ["gzip", "gzip"],
    ["br;q=0.5, gzip", "gzip"],
    ["gzip;q=0.8, br;q=0.9", "br"],
    ["*", "br"],
    ["gzip;q=0, *", "br"],
    ["br;q=0, *;q=0.5", "gzip"],
    ["identity", null],
    ["br;q=0, gzip;q=0", null],
    ["deflate", null],
    ["", null],
    [undefined, null],
    ["br;q=abc, gzip", "gzip"],
    [",,;;, GZIP", "gzip"],
  ])("%s → %s", (accept, want) => {
    expect(pickEncoding(accept)).toBe(want);
  });
});

const HTML = `<!doctype html><html><body>${"<p>Some article text that repeats.</p>".repeat(200)}</body></html>`;
let server: http.Server;
let base: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-static-"));
const memo: { gzip?: Buffer; br?: Buffer } = {};

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, "chunks"));
  const js = `console.log(${JSON.stringify("x".repeat(5000))});`;
  fs.writeFileSync(path.join(dir, "chunks/a.js"), js);
  fs.writeFileSync(path.join(dir, "chunks/a.js.br"), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(dir, "chunks/a.js.gz"), zlib.gzipSync(js));
  fs.writeFileSync(path.join(dir, "chunks/b.js"), js); // no sibling: left to Next
  server = http.createServer((req, res) => {
    const p = (req.url ?? "/").split("?")[0];
    if (serveStatic(req, res, p, dir)) return;
    if (p === "/edge")
      return sendEncoded(
        req,
        res,
        200,
        { "content-type": "text/html; charset=utf-8" },
        Buffer.from(HTML),
        memo,
      );
    compressResponse(req, res); // as server/main.mjs does before Next's handler
    if (p === "/stream") {
      res.setHeader("content-type", "text/event-stream");
      res.setHeader("cache-control", "no-store, no-transform");
      res.end("data: 1\n\n".repeat(300));
      return;
    }
    if (p === "/png") {
      res.setHeader("content-type", "image/png");
      res.end(Buffer.alloc(4000));
      return;
    }
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.write(HTML.slice(0, 1000));
    res.end(HTML.slice(1000));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

function get(p: string, accept?: string, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const u = new URL(base);
      const req = http.request(
        // a raw path (a URL string would have its dot segments resolved by the client)
        {
          host: u.hostname,
          port: u.port,
          path: p,
          method,
          headers: accept ? { "accept-encoding": accept } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res
            .on("data", (c) => chunks.push(c))
            .on("end", () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
            );
        },
      );
      req.on("error", reject).end();
    },
  );
}
const decode = (r: { headers: http.IncomingHttpHeaders; body: Buffer }) =>
  (r.headers["content-encoding"] === "br"
    ? zlib.brotliDecompressSync(r.body)
    : r.headers["content-encoding"] === "gzip"
      ? zlib.gunzipSync(r.body)
      : r.body
  ).toString("utf8");

describe("what Next answers (the middleware)", () => {
  it("sends brotli, gzip or nothing as asked, always with Vary", async () => {
    for (const [accept, enc] of [
      ["gzip, deflate, br", "br"],
      ["gzip", "gzip"],
      [undefined, undefined],
    ] as const) {
      const r = await get("/page", accept);
      expect(r.headers["content-encoding"], String(accept)).toBe(enc);
      expect(r.headers.vary).toMatch(/Accept-Encoding/);
      expect(decode(r)).toBe(HTML);
    }
  });
  it("leaves no-transform streams and images alone", async () => {
    expect((await get("/stream", "br")).headers["content-encoding"]).toBeUndefined();
    expect((await get("/png", "br")).headers["content-encoding"]).toBeUndefined();
  });
});

describe("the edge's own answers", () => {
  it("compresses a cached page once per encoding", async () => {
    const br = await get("/edge", "br, gzip");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(decode(br)).toBe(HTML);
    const kept = memo.br;
    expect(kept).toBeDefined();
    await get("/edge", "br");
    expect(memo.br).toBe(kept); // not compressed again
    const gz = await get("/edge", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(decode(gz)).toBe(HTML);
    expect(Number(gz.headers["content-length"])).toBe(gz.body.length);
    const head = await get("/edge", "br", "HEAD");
    expect(head.body.length).toBe(0);
    expect(head.headers["content-encoding"]).toBeUndefined();
  });
});

describe("precompressed static files", () => {
  it("serves the .br or .gz sibling, immutable, and leaves the rest to Next", async () => {
    const br = await get("/_next/static/chunks/a.js", "gzip, deflate, br");
    expect(br.headers).toMatchObject({
      "content-encoding": "br",
      "content-type": "application/javascript; charset=UTF-8",
      "cache-control": "public, max-age=31536000, immutable",
      vary: "Accept-Encoding",
    });
    expect(decode(br)).toMatch(/^console\.log/);
    const gz = await get("/_next/static/chunks/a.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(decode(gz)).toBe(decode(br));
    // not precompressed, not accepted, or a path outside the folder: the request goes on (here: the page)
    for (const [p, accept] of [
      ["/_next/static/chunks/b.js", "br"],
      ["/_next/static/chunks/a.js", undefined],
      ["/_next/static/chunks/a.js", "identity"],
      ["/_next/static/../static/chunks/a.js", "br"],
      ["/_next/static/chunks/a.js.br", "br"],
    ] as const) {
      const r = await get(p, accept);
      expect(r.headers["content-type"], `${p} ${accept}`).toMatch(/^text\/html/);
    }
  });
});
