// SSRF guard for webhook targets (issue 16). A target must be http(s) and every address its host
// resolves to must be a public unicast address: loopback, private (RFC 1918, fc00::/7), link-local
// (169.254/16 incl. cloud metadata, fe80::/10), carrier-grade NAT, multicast, reserved and unspecified
// ranges are refused unless AGORA_WEBHOOK_ALLOW_PRIVATE=1. Delivery connects to the very address that
// was checked (the `lookup` below), so DNS cannot answer differently between the check and the connect.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import ipaddr from "ipaddr.js";

export function allowPrivateTargets(): boolean {
  return process.env.AGORA_WEBHOOK_ALLOW_PRIVATE === "1";
}

/** Why this address may not be a webhook target, or null when it is a public unicast address. */
export function blockedAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return "is not an IP address";
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  return range === "unicast" ? null : `is a ${range} address`;
}

export class BlockedTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BlockedTargetError";
  }
}

/** Checks a URL's form (http/https, no credentials); throws BlockedTargetError with a clear reason. */
export function checkUrlShape(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new BlockedTargetError("is not a valid URL");
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw new BlockedTargetError("must start with http:// or https://");
  if (u.username || u.password) throw new BlockedTargetError("must not contain a user name or password");
  return u;
}

function hostOf(u: URL): string {
  return u.hostname.replace(/^\[|\]$/g, "");
}

/** Resolves the URL's host and refuses it when any address is not public (unless allowed). */
export async function checkTarget(raw: string): Promise<URL> {
  const u = checkUrlShape(raw);
  if (allowPrivateTargets()) return u;
  const host = hostOf(u);
  const addrs = ipaddr.isValid(host) ? [host] : await resolveAll(host);
  for (const a of addrs) {
    const why = blockedAddress(a);
    if (why)
      throw new BlockedTargetError(
        `points at ${a}, which ${why}: private, loopback and link-local targets are not allowed`,
      );
  }
  return u;
}

function resolveAll(host: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, list: LookupAddress[]) => {
      if (err || !list?.length) reject(new BlockedTargetError(`host ${host} does not resolve`));
      else resolve(list.map((l) => l.address));
    }),
  );
}

/** A `lookup` for http.request that only ever connects to checked addresses. */
export function guardedLookup(
  hostname: string,
  options: { all?: boolean; family?: number },
  cb: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { all: true }, (err, list: LookupAddress[]) => {
    if (err) return cb(err, "", 4);
    const ok = allowPrivateTargets() ? list : list.filter((l) => !blockedAddress(l.address));
    if (!ok.length) {
      const e = new BlockedTargetError(
        `${hostname} resolves only to private, loopback or link-local addresses`,
      );
      return cb(e as NodeJS.ErrnoException, "", 4);
    }
    if (options.all) return cb(null, ok);
    cb(null, ok[0].address, ok[0].family);
  });
}
