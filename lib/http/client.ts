// Who is asking: the client IP (decided once in server.mjs from the socket and TRUST_PROXY_HOPS) and
// privacy-preserving hashes of it. Raw IPs are never stored.
import { createHash } from "node:crypto";
import { serverSecret } from "@/lib/server/secret";

/** The client address for this request. */
export function clientIp(req: Request | Headers): string {
  const h = req instanceof Headers ? req : req.headers;
  const decided = h.get("x-agora-client-ip");
  if (decided) return decided;
  // `next dev`/tests without server.mjs: Next fills x-forwarded-for with the socket address when absent
  const hops = Math.max(0, Number.parseInt(process.env.TRUST_PROXY_HOPS || "0", 10) || 0);
  const chain = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[Math.max(0, chain.length - 1 - hops)] ?? "unknown";
}

/** A keyed hash (HMAC-like, with the server secret): stable per value, useless without the secret. */
export function hashValue(kind: string, ...parts: string[]): string {
  return createHash("sha256")
    .update(`${serverSecret()}\u0000${kind}\u0000${parts.join("\u0000")}`)
    .digest("base64url")
    .slice(0, 32);
}

export function ipHash(req: Request | Headers): string {
  return hashValue("ip", clientIp(req));
}

/** One cookie's value from a Cookie header (null when absent). */
export function cookieValue(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return null;
}
