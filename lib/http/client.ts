// Who is asking: the client IP (decided once in server.mjs from the socket and TRUST_PROXY_HOPS) and
// privacy-preserving hashes of it. Raw IPs are never stored.
import { createHash } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
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

/**
 * The network a client address belongs to, the unit of every per-network limit: an IPv4 address as
 * it is, an IPv6 address as its /64 (one subscriber usually holds a whole /64, so counting each address
 * alone would give one attacker 2^64 tries). IPv4-mapped IPv6 (::ffff:a.b.c.d) counts as the IPv4
 * address. Anything else (no address known) is returned trimmed, as its own key.
 */
export function networkKey(ip: string): string {
  let a = ip.trim().toLowerCase();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]"));
  const zone = a.indexOf("%");
  if (zone >= 0) a = a.slice(0, zone);
  const mapped =
    /^(?:0{0,4}:){0,5}(?:0{0,4}:)?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a) ??
    /^::(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(a)) return a;
  if (!isIPv6(a)) return a.slice(0, 100);
  return `${ipv6Groups(a).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, as short hex ("0" for zero). */
function ipv6Groups(a: string): string[] {
  let text = a;
  const tail: string[] = [];
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    const b = v4[1].split(".").map(Number);
    tail.push(((b[0] << 8) | b[1]).toString(16), ((b[2] << 8) | b[3]).toString(16));
    text = text.slice(0, -v4[1].length).replace(/:$/, "") || ":";
    if (text.endsWith(":") && !text.endsWith("::")) text = text.slice(0, -1);
  }
  const [head, rest] = text.includes("::") ? text.split("::") : [text, null];
  const h = head ? head.split(":").filter(Boolean) : [];
  const r = rest ? rest.split(":").filter(Boolean) : [];
  const fill = rest === null ? 0 : 8 - tail.length - h.length - r.length;
  return [...h, ...Array(Math.max(0, fill)).fill("0"), ...r, ...tail].map((g) =>
    Number.parseInt(g, 16).toString(16),
  );
}

/**
 * The keyed hash of the client's NETWORK (networkKey, not the bare address): what every per-network
 * limit (sign-in, sign-up, links, comments, votes, views, feedback, reports) and stored rows key on.
 */
export function ipHash(req: Request | Headers): string {
  return networkHashOf(clientIp(req));
}

/** networkKey, hashed: for callers that already hold the client address. */
export function networkHashOf(ip: string, kind = "ip"): string {
  return hashValue(kind, networkKey(ip));
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
