// Tag-based invalidation of cached public pages and data, for this instance and every other one.
// The tag clock lives in the page cache (server/cache-handler.cjs, its state in server/state.cjs); here we mark tags and tell other instances
// over PostgreSQL NOTIFY. One article's tags are invalidated at most about once a second however many
// writes arrive: the first write invalidates at once, later ones in the window are folded into one
// trailing invalidation at its end.
import { log } from "@/lib/log";
import { INSTANCE_ID, publish, subscribe } from "@/lib/realtime/bus";
import { edge, shared } from "@/server/state.cjs";

export const CACHE_CHANNEL = "agora_cache";
const WINDOW_MS = Number(process.env.AGORA_INVALIDATE_WINDOW_MS || 1000);

export const cacheTags = {
  /** everything shown on one article's page */
  article: (slug: string) => `article:${slug}`,
  /** article lists: home page, Top/Latest/Recommended boxes */
  articleLists: "article-lists",
  /** something shown on some article's page changed (its text or its comments): pages that gather from
   * many articles (search, reader profiles) use it; fired with every `article:` tag by invalidate() */
  anyArticle: "articles-any",
  /** one reader's public profile, by handle: its hiding, name, handle change */
  reader: (handle: string) => `reader:${handle}`,
} as const;

const handlerState = () => edge().cache;

interface Throttle {
  last: Map<string, number>;
  pending: Map<string, NodeJS.Timeout>;
}
const throttle = shared<Throttle>("cacheThrottle", () => ({ last: new Map(), pending: new Map() }));

// This process's own record of when each tag last changed, for caches kept outside Next's handler
// (e.g. lib/comments' first-page cache); also correct before the handler module has loaded.
const localClock = shared("tagClock", () => new Map<string, number>());

function mark(tags: string[]): void {
  const now = Date.now();
  for (const t of tags) if ((localClock.get(t) ?? 0) < now) localClock.set(t, now);
  handlerState()?.markTags?.(tags);
}

/** When `tag` was last invalidated in this process (ms since epoch; 0 = never). */
export function tagChangedAt(tag: string): number {
  return Math.max(localClock.get(tag) ?? 0, handlerState()?.tagClock?.get(tag) ?? 0);
}

async function fire(tags: string[]): Promise<void> {
  mark(tags);
  try {
    await publish(CACHE_CHANNEL, { from: INSTANCE_ID, tags });
  } catch (e) {
    log.warn({ err: (e as Error).message, tags }, "cache invalidation could not reach other instances");
  }
}

/** Invalidates the tags here and on every instance (throttled per tag, never dropped). */
export async function invalidate(tags: string[]): Promise<void> {
  if (tags.some((t) => t.startsWith("article:")) && !tags.includes(cacheTags.anyArticle))
    tags = [...tags, cacheTags.anyArticle];
  const now = Date.now();
  const immediate: string[] = [];
  for (const tag of tags) {
    const last = throttle.last.get(tag) ?? 0;
    if (now - last >= WINDOW_MS) {
      throttle.last.set(tag, now);
      immediate.push(tag);
    } else if (!throttle.pending.has(tag)) {
      const t = setTimeout(
        () => {
          throttle.pending.delete(tag);
          throttle.last.set(tag, Date.now());
          void fire([tag]);
        },
        WINDOW_MS - (now - last),
      );
      t.unref?.();
      throttle.pending.set(tag, t);
    }
  }
  if (immediate.length) await fire(immediate);
}

/** Started once per server process: applies other instances' invalidations to this one's cache. */
export async function startCacheSync(): Promise<void> {
  const state = handlerState();
  if (state)
    state.publish = (tags) => void publish(CACHE_CHANNEL, { from: INSTANCE_ID, tags }).catch(() => {});
  await subscribe(CACHE_CHANNEL, (payload) => {
    const p = payload as { from?: string; tags?: unknown };
    if (p.from === INSTANCE_ID || !Array.isArray(p.tags)) return;
    mark(p.tags.filter((t): t is string => typeof t === "string"));
  });
}
