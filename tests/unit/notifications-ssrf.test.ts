// The webhook SSRF guard: which addresses are refused, names that resolve to them, redirects never
// followed, answers cut at 1 KB; and the unsubscribe token's forgery checks.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockedAddress, checkTarget } from "@/lib/notifications/ssrf";
import { unsubscribeToken, verifyUnsubscribeToken } from "@/lib/notifications/tokens";
import { postSigned, signature, verifySignature } from "@/lib/notifications/webhooks";

describe("webhook SSRF guard", () => {
  it("refuses loopback, private, link-local, CGNAT, ULA, multicast and unspecified addresses", () => {
    for (const a of [
      "127.0.0.1",
      "127.8.9.10",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fe80::1",
      "fc00::1",
      "fd12:3456::1",
      "::ffff:127.0.0.1",
      "::ffff:10.1.2.3",
    ])
      expect(blockedAddress(a), a).not.toBeNull();
    for (const a of ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"])
      expect(blockedAddress(a), a).toBeNull();
  });

  it("checks the URL and every address its host resolves to", async () => {
    delete process.env.AGORA_WEBHOOK_ALLOW_PRIVATE;
    await expect(checkTarget("http://10.0.0.1/hook")).rejects.toThrow(/not allowed/);
    await expect(checkTarget("http://[::1]:8080/hook")).rejects.toThrow(/not allowed/);
    await expect(checkTarget("http://localhost:3000/hook")).rejects.toThrow(/not allowed/);
    await expect(checkTarget("http://169.254.169.254/latest/meta-data")).rejects.toThrow(/not allowed/);
    await expect(checkTarget("ftp://example.com/x")).rejects.toThrow(/http/);
    await expect(checkTarget("http://user:pw@example.com/x")).rejects.toThrow(/user name/);
    await expect(checkTarget("not a url")).rejects.toThrow(/valid URL/);
    expect((await checkTarget("http://93.184.216.34/hook")).hostname).toBe("93.184.216.34");
    process.env.AGORA_WEBHOOK_ALLOW_PRIVATE = "1";
    expect((await checkTarget("http://127.0.0.1:9/hook")).port).toBe("9");
    delete process.env.AGORA_WEBHOOK_ALLOW_PRIVATE;
  });

  describe("delivery", () => {
    let server: http.Server;
    let base = "";
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        if (req.url === "/redirect") {
          res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" });
          return res.end();
        }
        res.writeHead(200);
        res.end("y".repeat(10_000));
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => {
      server.close();
      delete process.env.AGORA_WEBHOOK_ALLOW_PRIVATE;
    });

    it("does not reach a loopback receiver unless allowed, never follows redirects, keeps 1 KB", async () => {
      delete process.env.AGORA_WEBHOOK_ALLOW_PRIVATE;
      const refused = await postSigned(`${base}/hook`, "secret-secret-secret", "test", "{}");
      expect(refused.status).toBeUndefined();
      expect(refused.error).toMatch(/not allowed/);
      // a name that resolves to loopback is refused at connect time too
      const byName = await postSigned(
        `${base.replace("127.0.0.1", "localhost")}/hook`,
        "s".repeat(16),
        "test",
        "{}",
      );
      expect(byName.status).toBeUndefined();
      process.env.AGORA_WEBHOOK_ALLOW_PRIVATE = "1";
      const r = await postSigned(`${base}/redirect`, "secret-secret-secret", "test", "{}");
      expect(r.status).toBe(302);
      const big = await postSigned(`${base}/hook`, "secret-secret-secret", "test", "{}");
      expect(big.status).toBe(200);
      expect(big.body!.length).toBeLessThanOrEqual(1024);
    });
  });

  it("signs timestamp and body; a changed body, secret or an old timestamp fails", () => {
    const t = Math.floor(Date.now() / 1000);
    const h = signature("k".repeat(20), '{"a":1}', t);
    expect(h).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature("k".repeat(20), '{"a":1}', h)).toBe(true);
    expect(verifySignature("k".repeat(20), '{"a":2}', h)).toBe(false);
    expect(verifySignature("j".repeat(20), '{"a":1}', h)).toBe(false);
    const old = signature("k".repeat(20), '{"a":1}', t - 301);
    expect(verifySignature("k".repeat(20), '{"a":1}', old)).toBe(false);
  });
});

describe("unsubscribe tokens", () => {
  it("verify for their reader and kind only; every single-character change is refused", () => {
    const tok = unsubscribeToken("user-1", "mentions");
    expect(verifyUnsubscribeToken(tok)).toEqual({ userId: "user-1", category: "mentions" });
    for (let i = 0; i < tok.length; i++) {
      const c = tok[i] === "A" ? "B" : "A";
      const forged = tok.slice(0, i) + c + tok.slice(i + 1);
      if (forged !== tok) expect(verifyUnsubscribeToken(forged), `position ${i}`).toBeNull();
    }
    expect(verifyUnsubscribeToken(unsubscribeToken("user-2", "mentions"))).toEqual({
      userId: "user-2",
      category: "mentions",
    });
  });
});
