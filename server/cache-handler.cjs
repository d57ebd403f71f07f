// @ts-check
// Agora's cache handler for Next's incremental cache (ISR pages and unstable_cache data).
// Why our own (docs/decisions/002-caching.md):
//  - invalidation must work outside a request (a LISTEN callback when another instance changed data), so
//    the tag clock lives in the edge's state (server/state.cjs), where lib/cache can reach it;
//  - an entry is judged by when its render *started* (the miss that caused it), so a write that lands
//    during a render is never hidden by the older render finishing later;
//  - a page's HTML passes through set(), the one place where hashes of the framework's own inline
//    scripts can be computed for a strict CSP (server/csp.cjs,
//    docs/decisions/005-content-security-policy.md);
//  - a fresh page is also offered to server/main.mjs as bytes with its headers (peekPage), so a plain page
//    load skips Next's router (docs/decisions/051-fast-lanes.md).
// Memory only, bounded (AGORA_PAGE_CACHE_MB, default 64): every instance warms its own cache from
// PostgreSQL, the shared truth.
const csp = require("./csp.cjs");
const { getLogger } = require("./logger.cjs");
const { edge } = require("./state.cjs");

const TAGS_HEADER = "x-next-cache-tags";
const MAX_BYTES = Number(process.env.AGORA_PAGE_CACHE_MB || 64) * 1024 * 1024;

/** @type {import("./state.cjs").PageCache} */
const state = edge().cache;

/**
 * @typedef {{ value: any, lastModified: number, startedAt: number, revalidate?: number, expire?: number, tags: string[], size: number, body?: Buffer, pageHeaders?: Record<string, string>, hit?: import("./state.cjs").CachedPage }} Entry
 */

/** @param {any} value */
function sizeOf(value) {
  if (!value) return 64;
  let n = 256;
  if (typeof value.html === "string") n += value.html.length * 2;
  if (value.rscData) n += value.rscData.length || 0;
  if (value.body) n += value.body.length || 0;
  if (value.data) n += JSON.stringify(value.data).length * 2;
  if (value.segmentData) for (const v of value.segmentData.values()) n += v.length || 0;
  return n;
}

/**
 * @param {any} value
 * @param {any} ctx
 * @returns {string[]}
 */
function entryTags(value, ctx) {
  /** @type {string[]} */
  const tags = [];
  if (value?.headers && typeof value.headers[TAGS_HEADER] === "string")
    tags.push(...value.headers[TAGS_HEADER].split(","));
  if (value && Array.isArray(value.tags)) tags.push(...value.tags);
  if (ctx && Array.isArray(ctx.tags)) tags.push(...ctx.tags);
  return tags;
}

/** Marks tags as changed now (this process only). Exposed for lib/cache. */
/**
 * @param {string[]} tags
 * @param {number} [at]
 */
function markTags(tags, at = Date.now()) {
  for (const t of tags) if ((state.tagClock.get(t) || 0) < at) state.tagClock.set(t, at);
}
state.markTags = markTags;

/** The URL path of a page's cache key ("/route-cache/APP_PAGE/<hash>/$/articles/x" -> "/articles/x"). */
/** @param {string} key */
function pagePath(key) {
  const i = key.indexOf("/$/");
  const path = i >= 0 ? key.slice(i + 2) : key;
  return path.startsWith("/") && !path.startsWith("/_") ? path : null;
}

/** When a render for `key` began: the first miss since the last set (if recent: a render that never
 * finished must not date the next one), so concurrent misses do not move it later. */
/**
 * @param {string} key
 * @param {number} now
 */
function noteRenderStart(key, now) {
  const at = state.missAt.get(key);
  if (at === undefined || now - at > RENDER_START_TTL_MS) state.missAt.set(key, now);
}
const RENDER_START_TTL_MS = 30_000;

// every page entering the cache gets a CSP with the hashes of exactly the framework's inline scripts
if (!state.onPageSet) state.onPageSet = pageSetHook;
const warned = new Set();
/**
 * @param {string} key
 * @param {any} data
 */
function pageSetHook(key, data) {
  testOnlyInjection(key, data);
  const { hashes, rejected } = csp.onPageSet(key, data);
  if (rejected.length && !warned.has(key)) {
    warned.add(key);
    getLogger().warn(
      { page: key, hashed: hashes.length, blocked: rejected },
      "inline scripts that are not the framework's own will be blocked by the CSP",
    );
  }
}

// Test only (the e2e CSP test): plants an attacker's inline script into the page at this path before
// it is hashed, to show that the policy does not approve it. Never set in a real deployment.
/**
 * @param {string} key
 * @param {any} data
 */
function testOnlyInjection(key, data) {
  const target = process.env.AGORA_TEST_INJECT_SCRIPT_PATH;
  if (!target || !(key === target || key.endsWith(target))) return;
  data.html = data.html.replace(
    "</main>",
    '<script>window.__agoraInjected=true;document.title="pwned"</script></main>',
  );
}

/**
 * @param {string[]} tags
 * @param {number} since
 */
function isExpired(tags, since) {
  for (const t of tags) {
    const at = state.tagClock.get(t);
    if (at !== undefined && at >= since) return true;
  }
  return false;
}

// ----- cached pages straight from memory (server/main.mjs) ----------------------------------------------------
// A cached page that is still fresh is the same bytes for every reader; going through Next's router and
// response cache to send them costs ~2 ms of CPU per request, more than sending them. server/main.mjs asks
// here first (plain GET of a page path, no query, no router headers): a fresh 200 page is answered with
// the headers Next sends for a cache hit; anything else (stale, missing, other statuses) goes to Next.
// The byte copy of the HTML is made once, when the page enters the cache.
const NEXT_EXPIRE_DEFAULT = 31536000; // Next's default `expireTime` (one year)
const PAGE_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

/**
 * @param {string} path
 * @returns {import("./state.cjs").CachedPage | null}
 */
function peekPage(path) {
  const key = state.pageKeys.get(path);
  const entry = key && state.entries.get(key);
  if (!entry?.body || typeof entry.revalidate !== "number") return null;
  const now = Date.now();
  if (now - entry.lastModified >= entry.revalidate * 1000) return null;
  if (isExpired(entry.tags, entry.startedAt)) return null;
  // one object per version of the page: the edge keeps its compressed bytes on it
  entry.hit ??= { status: 200, headers: entry.pageHeaders ?? {}, body: entry.body };
  return entry.hit;
}
state.peekPage = peekPage;

/**
 * @param {Entry} entry
 * @param {any} data
 */
function pageResponse(entry, data) {
  if (data.kind !== "APP_PAGE" || typeof data.html !== "string" || (data.status ?? 200) !== 200) return;
  if (typeof entry.revalidate !== "number") return;
  const expire = typeof entry.expire === "number" ? entry.expire : NEXT_EXPIRE_DEFAULT;
  /** @type {Record<string, string>} */
  const headers = {
    vary: PAGE_VARY,
    "x-nextjs-cache": "HIT",
    "x-nextjs-prerender": "1",
    "cache-control": `s-maxage=${entry.revalidate}, stale-while-revalidate=${Math.max(0, expire - entry.revalidate)}`,
    "content-type": "text/html; charset=utf-8",
  };
  for (const [k, v] of Object.entries(data.headers || {}))
    if (k !== TAGS_HEADER && typeof v === "string") headers[k.toLowerCase()] = v;
  entry.body = Buffer.from(data.html, "utf8");
  entry.pageHeaders = headers;
}

class AgoraCacheHandler {
  /** @param {unknown} options */
  constructor(options) {
    this.options = options;
  }

  /**
   * @param {string} key
   * @param {any} ctx
   */
  async get(key, ctx) {
    const entry = state.entries.get(key);
    const now = Date.now();
    if (!entry) {
      noteRenderStart(key, now);
      return null;
    }
    const tags = [...entry.tags, ...(ctx?.softTags || []), ...(ctx?.tags || [])];
    if (isExpired(tags, entry.startedAt)) {
      noteRenderStart(key, now);
      state.entries.delete(key);
      state.bytes -= entry.size;
      return null;
    }
    // LRU: move to the end
    state.entries.delete(key);
    state.entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified };
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {any} ctx
   */
  async set(key, data, ctx) {
    if (!data) {
      const old = state.entries.get(key);
      if (old) {
        state.entries.delete(key);
        state.bytes -= old.size;
      }
      return;
    }
    if (state.onPageSet && data.kind === "APP_PAGE" && typeof data.html === "string") {
      try {
        state.onPageSet(key, data);
      } catch (e) {
        console.error("cache handler: onPageSet failed", e);
      }
    }
    const now = Date.now();
    const startedAt = Math.min(state.missAt.get(key) || now, now);
    state.missAt.delete(key);
    /** @type {Entry} */
    const entry = {
      value: data,
      lastModified: now,
      startedAt,
      revalidate: ctx?.cacheControl?.revalidate,
      expire: ctx?.cacheControl?.expire,
      tags: entryTags(data, ctx),
      size: sizeOf(data),
    };
    const old = state.entries.get(key);
    if (old) {
      state.entries.delete(key);
      state.bytes -= old.size;
    }
    pageResponse(entry, data);
    if (entry.body) {
      entry.size += entry.body.length;
      const path = pagePath(key);
      if (path) state.pageKeys.set(path, key);
    }
    state.entries.set(key, entry);
    state.bytes += entry.size;
    for (const [k, e] of state.entries) {
      if (state.bytes <= MAX_BYTES) break;
      state.entries.delete(k);
      state.bytes -= e.size;
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = (Array.isArray(tags) ? tags : [tags]).filter(Boolean);
    if (list.length === 0) return;
    markTags(list);
    if (state.publish) state.publish(list);
  }

  resetRequestCache() {}
}

module.exports = AgoraCacheHandler;
