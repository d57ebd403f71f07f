// Where a redirect may go: the one rule for every redirect target that comes from outside (Auth.js's
// redirect callback, the sign-in page's and forms' callbackUrl, back links). The target is resolved
// the way a browser resolves it (new URL(target, base): "/\t/evil.example" and "/\\evil.example" are
// other hosts to a browser) and kept only when it stays on this site; what is returned is a path, so a
// redirect never names a host at all.

import { CONTROL_CHARS as CONTROL } from "@/lib/validation/text";

/**
 * `target` as path+query+hash when it resolves to the same origin as `base` and holds no control
 * character (raw, or percent-encoded in the part before the query); otherwise `fallback`.
 * `base` is the site's own origin (or any URL on it); `alsoSameSite` lists other origins that are this
 * site too (e.g. the public AUTH_URL next to the request's own URL).
 */
export function safeRedirectPath(
  target: unknown,
  base: string,
  opts: { fallback?: string; alsoSameSite?: string[] } = {},
): string {
  const fallback = opts.fallback ?? "/";
  if (typeof target !== "string" || target === "" || target.length > 2000 || CONTROL.test(target))
    return fallback;
  let baseUrl: URL;
  let u: URL;
  try {
    baseUrl = new URL(base);
    u = new URL(target, baseUrl);
  } catch {
    return fallback;
  }
  const origins = new Set([baseUrl.origin]);
  for (const o of opts.alsoSameSite ?? []) {
    try {
      origins.add(new URL(o).origin);
    } catch {}
  }
  if (!origins.has(u.origin)) return fallback;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return fallback;
  }
  // "/%09/evil.example" stays a path here, but a later hop that decodes it would not
  if (CONTROL.test(path) || path.startsWith("//") || path.includes("\\")) return fallback;
  return `${u.pathname}${u.search}${u.hash}`;
}

/** For callers without a request at hand: a base that only serves to resolve relative targets. */
export const LOCAL_BASE = "http://agora.invalid";
