// Agora's cache handler for Next's incremental cache (ISR pages and unstable_cache data).
// Why our own (docs/decisions/002-caching.md):
//  - invalidation must work outside a request (a LISTEN callback when another instance changed data), so
//    the tag clock lives here, on globalThis, where lib/cache can reach it;
//  - an entry is judged by when its render *started* (the miss that caused it), so a write that lands
//    during a render is never hidden by the older render finishing later;
//  - a page's HTML passes through set(), the one place where hashes of the framework's own inline
//    scripts can be computed for a strict CSP (lib/security/csp.cjs,
//    docs/decisions/005-content-security-policy.md).
// Memory only, bounded (AGORA_PAGE_CACHE_MB, default 64): every instance warms its own cache from
// PostgreSQL, the shared truth.
const csp = require("./lib/security/csp.cjs");

const TAGS_HEADER = "x-next-cache-tags";
const MAX_BYTES = Number(process.env.AGORA_PAGE_CACHE_MB || 64) * 1024 * 1024;

/** @type {{ entries: Map<string, any>, bytes: number, tagClock: Map<string, number>, missAt: Map<string, number>, onPageSet?: (key: string, value: any) => void, publish?: (tags: string[]) => void }} */
const state =
  globalThis.__agoraCacheState ||
  (globalThis.__agoraCacheState = { entries: new Map(), bytes: 0, tagClock: new Map(), missAt: new Map() });

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

function entryTags(value, ctx) {
  const tags = [];
  if (value?.headers && typeof value.headers[TAGS_HEADER] === "string")
    tags.push(...value.headers[TAGS_HEADER].split(","));
  if (value && Array.isArray(value.tags)) tags.push(...value.tags);
  if (ctx && Array.isArray(ctx.tags)) tags.push(...ctx.tags);
  return tags;
}

/** Marks tags as changed now (this process only). Exposed for lib/cache. */
function markTags(tags, at = Date.now()) {
  for (const t of tags) if ((state.tagClock.get(t) || 0) < at) state.tagClock.set(t, at);
}
state.markTags = markTags;

// every page entering the cache gets a CSP with the hashes of exactly the framework's inline scripts
if (!state.onPageSet) state.onPageSet = pageSetHook;
const warned = new Set();
function pageSetHook(key, data) {
  testOnlyInjection(key, data);
  const { hashes, rejected } = csp.onPageSet(key, data);
  if (rejected.length && !warned.has(key)) {
    warned.add(key);
    const log = globalThis.__agoraLog || console;
    log.warn(
      { page: key, hashed: hashes.length, blocked: rejected },
      "inline scripts that are not the framework's own will be blocked by the CSP",
    );
  }
}

// Test only (the e2e CSP test): plants an attacker's inline script into the page at this path before
// it is hashed, to show that the policy does not approve it. Never set in a real deployment.
function testOnlyInjection(key, data) {
  const target = process.env.AGORA_TEST_INJECT_SCRIPT_PATH;
  if (!target || !(key === target || key.endsWith(target))) return;
  data.html = data.html.replace(
    "</main>",
    '<script>window.__agoraInjected=true;document.title="pwned"</script></main>',
  );
}

function isExpired(tags, since) {
  for (const t of tags) {
    const at = state.tagClock.get(t);
    if (at !== undefined && at >= since) return true;
  }
  return false;
}

class AgoraCacheHandler {
  constructor(options) {
    this.options = options;
  }

  async get(key, ctx) {
    const entry = state.entries.get(key);
    if (!entry) {
      state.missAt.set(key, Date.now());
      return null;
    }
    const tags = [...entry.tags, ...(ctx?.softTags || []), ...(ctx?.tags || [])];
    if (isExpired(tags, entry.startedAt)) {
      state.entries.delete(key);
      state.bytes -= entry.size;
      state.missAt.set(key, Date.now());
      return null;
    }
    // LRU: move to the end
    state.entries.delete(key);
    state.entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified };
  }

  async set(key, data, ctx) {
    const old = state.entries.get(key);
    if (old) {
      state.entries.delete(key);
      state.bytes -= old.size;
    }
    if (!data) return;
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
    const entry = {
      value: data,
      lastModified: now,
      startedAt,
      tags: entryTags(data, ctx),
      size: sizeOf(data),
    };
    if (isExpired(entry.tags, startedAt)) return; // changed while rendering: don't keep the stale render
    state.entries.set(key, entry);
    state.bytes += entry.size;
    for (const [k, e] of state.entries) {
      if (state.bytes <= MAX_BYTES) break;
      state.entries.delete(k);
      state.bytes -= e.size;
    }
  }

  async revalidateTag(tags) {
    const list = (Array.isArray(tags) ? tags : [tags]).filter(Boolean);
    if (list.length === 0) return;
    markTags(list);
    if (state.publish) state.publish(list);
  }

  resetRequestCache() {}
}

module.exports = AgoraCacheHandler;
