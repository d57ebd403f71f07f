import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  baselineHeaders,
  contentSecurityPolicy,
  frameworkScriptHashes,
  noncePolicy,
  onPageSet,
  wantsNonce,
} from "@/server/csp.cjs";

const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

const BOOT = "(self.__next_f=self.__next_f||[]).push([0])";
const TURBO =
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a1.js"],"runtimeModuleIds":[94553]});';
const rows = ['1:"$Sreact.fragment"\n', '2:["$","p",null,{"children":"\\u003cb>hi"}]\n'];
const flight = (chunk: string) =>
  `self.__next_f.push(${JSON.stringify([1, chunk]).replace(/</g, "\\u003c")})`;
const rsc = Buffer.from(rows.join(""));

function page(extra = "") {
  return [
    '<!DOCTYPE html><html><head><script src="/_next/static/chunks/a1.js" async=""></script></head><body>',
    `<main><p>text</p>${extra}</main>`,
    '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
    `<script id="_R_">${TURBO}</script>`,
    `<script>${BOOT}</script>`,
    ...rows.map((r) => `<script>${flight(r)}</script>`),
    "</body></html>",
  ].join("");
}

describe("hashes of the framework's own inline scripts", () => {
  it("approves exactly the bootstrap, Turbopack and flight scripts", () => {
    const { hashes, rejected } = frameworkScriptHashes(page(), rsc);
    expect(rejected).toEqual([]);
    expect(hashes.sort()).toEqual([hash(TURBO), hash(BOOT), ...rows.map((r) => hash(flight(r)))].sort());
  });

  it("never approves an injected script, whatever it looks like", () => {
    const injected = [
      "<script>alert(1)</script>",
      `<script>${BOOT};alert(1)</script>`,
      `<script>${flight('3:"forged row"\n')}</script>`, // not part of the RSC payload Next stored
      '<script>(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["https://evil.example/x.js"]});</script>',
      '<script>(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[],"evil":1});</script>',
      '<script type="text/javascript">alert(2)</script>',
    ];
    for (const s of injected) {
      const { hashes, rejected } = frameworkScriptHashes(page(s), rsc);
      expect(rejected, s).toHaveLength(1);
      expect(hashes, s).toHaveLength(4);
      const body = /<script[^>]*>([\s\S]*)<\/script>/.exec(s)![1];
      expect(hashes, s).not.toContain(hash(body));
    }
  });

  it("approves no flight script when the stored payload is missing or differs", () => {
    expect(frameworkScriptHashes(page(), undefined).rejected).toHaveLength(2);
    expect(frameworkScriptHashes(page(), Buffer.from("other")).rejected).toHaveLength(2);
  });

  it("checks the flight scripts in order, binary chunks included", () => {
    const bin = Buffer.from([0xff, 0x00, 0x41]);
    const html = `<script>${BOOT}</script><script>self.__next_f.push(${JSON.stringify([3, bin.toString("base64")])})</script><script>${flight("x")}</script>`;
    const ok = frameworkScriptHashes(html, Buffer.concat([bin, Buffer.from("x")]));
    expect(ok.rejected).toEqual([]);
    const swapped = frameworkScriptHashes(html, Buffer.concat([Buffer.from("x"), bin]));
    expect(swapped.rejected.length).toBeGreaterThan(0);
  });

  it("puts the policy into the cache entry's headers, keeping the others", () => {
    const data = {
      html: page(),
      rscData: rsc,
      headers: { "x-next-cache-tags": "a,b" } as Record<string, unknown>,
    };
    onPageSet("/articles/x", data);
    expect(data.headers["x-next-cache-tags"]).toBe("a,b");
    expect(String(data.headers["content-security-policy"])).toContain(hash(BOOT));
  });
});

describe("policies", () => {
  const scriptSrc = (csp: string) => csp.split("; ").find((d) => d.startsWith("script-src "))!;

  it("production policies allow no inline script and no eval", () => {
    for (const csp of [
      contentSecurityPolicy(),
      noncePolicy("abc"),
      contentSecurityPolicy({ scripts: [hash("x")] }),
    ]) {
      expect(scriptSrc(csp)).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
    }
    expect(scriptSrc(noncePolicy("abc"))).toBe("script-src 'self' 'nonce-abc'");
  });

  it("development allows eval for React's dev build", () => {
    expect(scriptSrc(contentSecurityPolicy({ dev: true }))).toContain("'unsafe-eval'");
  });

  it("HSTS only in production", () => {
    const names = (p: boolean) => baselineHeaders({ production: p }).map(([k]) => k);
    expect(names(true)).toContain("strict-transport-security");
    expect(names(false)).not.toContain("strict-transport-security");
    expect(names(true)).toEqual(
      expect.arrayContaining(["x-content-type-options", "referrer-policy", "permissions-policy"]),
    );
  });

  it("nonces go to pages rendered per request, never to cached public pages", () => {
    for (const p of [
      "/",
      "/articles/x",
      "/articles/x/comments/1",
      "/front/home",
      "/api/v1/x",
      "/_next/static/chunks/a.js",
    ])
      expect(wantsNonce(p), p).toBe(false);
    // hole 9: the per-request comments page got no nonce, so its scripts never ran
    for (const p of ["/admin", "/signin", "/account/settings", "/articles/x/comments", "/polls/1"])
      expect(wantsNonce(p), p).toBe(true);
  });
});
