// @ts-check
// The one piece of state shared by the process edge (server/main.mjs, server/cache-handler.cjs) and the
// app (everything Next bundles). Next may load one module more than once in one process (the custom
// server's require, the cache handler, each bundle, hot reloads), so module-level variables are not
// enough for things that must exist once per process: the database handle, the logger, metrics, caches,
// the page cache's tag clock. They all live here, under ONE global key, and nowhere else reads or
// writes globalThis for state (docs/architecture.md, docs/decisions/060-one-edge.md).
//
//  - `edge()`: the typed contract between the edge and the app: the page cache (filled by the cache
//    handler, read by server/main.mjs and lib/cache), the fast lanes (server/lanes.ts, installed at
//    start-up by instrumentation.ts) and the shutdown hook (lib/server/boot.ts).
//  - `shared(name, init)`: one value per process for a module of the app (a cache, a pool, a timer); the
//    names are listed below so that two modules never pick the same one by accident.

/**
 * A fresh page's bytes with the headers Next sends for a cache hit (and, once asked for, compressed).
 * @typedef {{ status: number, headers: Record<string, string>, body: Buffer, gzip?: Buffer, br?: Buffer }} CachedPage
 */

/**
 * The page cache (server/cache-handler.cjs): entries, the tag clock that expires them, and the hooks
 * the app and the edge call.
 * @typedef {{
 *   entries: Map<string, any>,
 *   bytes: number,
 *   tagClock: Map<string, number>,
 *   missAt: Map<string, number>,
 *   pageKeys: Map<string, string>,
 *   peekPage?: (path: string) => CachedPage | null,
 *   markTags?: (tags: string[], at?: number) => void,
 *   onPageSet?: (key: string, value: any) => void,
 *   publish?: (tags: string[]) => void,
 * }} PageCache
 */

/**
 * A fast lane that answers from memory with node's own request and response, or declines (false).
 * @typedef {{ kind: "peek", method: string, pattern: RegExp, peek: (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => boolean }} PeekLane
 */
/**
 * A fast lane that runs a route handler with a standard Request, past Next's routing.
 * @typedef {{ kind: "route", method: string, pattern: RegExp, handler: (req: Request, match: RegExpExecArray) => Promise<Response> }} RouteLane
 */
/** @typedef {PeekLane | RouteLane} Lane */

/**
 * @typedef {{
 *   cache: PageCache,
 *   lanes: Lane[] | null,
 *   shutdown: (() => Promise<void>) | null,
 * }} Edge
 */

/**
 * Every per-process value of the app, by name (one line each, so that names never collide).
 * @typedef {"db"              // db/client.ts: the database handle
 *   | "boot"                  // lib/server/boot.ts: start-up state and hooks
 *   | "log" | "accessLog" | "logDest" | "requestContext"  // server/logger.cjs
 *   | "metrics"               // server/metrics.cjs
 *   | "sessionClaims"         // lib/auth/viewer.ts
 *   | "cacheThrottle" | "tagClock"  // lib/cache
 *   | "schedule"              // lib/articles/schedule.ts
 *   | "instanceId" | "bus"    // lib/realtime/bus.ts
 *   | "settings"              // lib/settings
 *   | "commentArticles" | "commentHub" | "commentPages"  // lib/comments
 *   | "pollDefs" | "pollLive" // lib/polls
 *   | "limiters"              // lib/rate-limit
 *   | "streams"               // server/streams.cjs: open live streams per network
 *   | "notifier" | "unreadHub" // lib/notifications
 *   | "searchResults"         // lib/search
 *   | (string & {})           // features added later: add their name above
 * } SlotName
 */

/** @typedef {{ edge?: Edge, slots: Map<string, unknown> }} State */

/** @type {typeof globalThis & { __agora?: State }} */
const g = globalThis;
/** @type {State} */
const state = g.__agora || (g.__agora = { slots: new Map() });

/**
 * This process's one value named `name`, made by `init` the first time it is asked for.
 * @template T
 * @param {SlotName} name
 * @param {() => T} init
 * @returns {T}
 */
function shared(name, init) {
  if (!state.slots.has(name)) state.slots.set(name, init());
  return /** @type {T} */ (state.slots.get(name));
}

/**
 * Replaces (or with undefined, removes) this process's value named `name`.
 * @param {SlotName} name
 * @param {unknown} value
 */
function setShared(name, value) {
  if (value === undefined) state.slots.delete(name);
  else state.slots.set(name, value);
}

/**
 * The value named `name`, if one was made.
 * @template T
 * @param {SlotName} name
 * @returns {T | undefined}
 */
function peekShared(name) {
  return /** @type {T | undefined} */ (state.slots.get(name));
}

/** @returns {Edge} the contract between the edge and the app */
function edge() {
  if (!state.edge)
    state.edge = {
      cache: { entries: new Map(), bytes: 0, tagClock: new Map(), missAt: new Map(), pageKeys: new Map() },
      lanes: null,
      shutdown: null,
    };
  return state.edge;
}

module.exports = { edge, peekShared, setShared, shared };
