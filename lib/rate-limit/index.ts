// The one rate-limit module for every write of the app (rate-limiter-flexible). On PostgreSQL the
// counters live in the `rate_limits` table, so limits hold across instances; on PGlite (one process)
// they live in memory. Each limit's size and window come from one table below and can be changed with
// AGORA_LIMIT_<NAME>=<points>/<seconds> (e.g. AGORA_LIMIT_SIGNIN_IP=20/900); benchmarks raise them
// that way and say so.
import { durationText, msg } from "@/lib/i18n/text";
import "server-only";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { getDbHandle } from "@/db/client";
import { RateLimited } from "@/lib/errors";
import { shared } from "@/server/state.cjs";

export const LIMIT_DEFAULTS = {
  /** password sign-in attempts per client IP */
  signin_ip: { points: 20, seconds: 15 * 60, what: "sign-in attempts from your network" },
  /** password sign-in attempts per account (email) */
  signin_account: { points: 5, seconds: 15 * 60, what: "sign-in attempts for this account" },
  signup_ip: { points: 10, seconds: 60 * 60, what: "sign-ups from your network" },
  magic_link_email: { points: 3, seconds: 15 * 60, what: "sign-in links for this address" },
  /** "send the confirmation email again" per account */
  verify_email_user: { points: 3, seconds: 15 * 60, what: "confirmation emails" },
  /** new comments per author and per network: sized by the admin settings unless AGORA_LIMIT_* is set;
   * spent and answered by lib/moderation's rate-limit phase (these defaults equal the settings') */
  comment_user: { points: 5, seconds: 60, what: "comments" },
  comment_ip: { points: 20, seconds: 60, what: "comments from your network" },
  vote_user: { points: 60, seconds: 60, what: "votes" },
  report_user: { points: 10, seconds: 60 * 60, what: "reports" },
  poll_vote_ip: { points: 30, seconds: 60, what: "poll votes from your network" },
  feedback_ip: { points: 30, seconds: 60, what: "ratings from your network" },
  /** anonymous (signed-out) votes per poll, or per article's rating/helpful, per network per day:
   * AGORA_LIMIT_ANON_VOTE=<votes> or <votes>/<seconds> (issue 12, hole 7) */
  anon_vote: {
    points: 3,
    seconds: 24 * 60 * 60,
    what: "anonymous votes here from your network today; sign in to vote",
  },
  /** view beacons per network (a view is counted once per visitor and day anyway) */
  view_ip: { points: 120, seconds: 60, what: "page views from your network" },
  appeal_user: { points: 5, seconds: 24 * 60 * 60, what: "appeals" },
  account_change_user: { points: 10, seconds: 60 * 60, what: "account changes" },
  /** searches that reach the database (results kept in memory are not counted) */
  search_ip: { points: 60, seconds: 60, what: "searches from your network" },
  /** discussions created by embedding pages (lib/embed) per network */
  embed_thread_ip: { points: 30, seconds: 60 * 60, what: "new embedded discussions from your network" },
} as const;

export type LimitName = keyof typeof LIMIT_DEFAULTS;

export interface Limit {
  points: number;
  seconds: number;
}

export function limitConfig(name: LimitName): Limit {
  const env = process.env[`AGORA_LIMIT_${name.toUpperCase()}`];
  const d = LIMIT_DEFAULTS[name];
  const m = env?.match(/^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/);
  if (m) return { points: Number(m[1]), seconds: m[2] ? Number(m[2]) : d.seconds };
  return { points: d.points, seconds: d.seconds };
}

const limiters = shared("limiters", () => new Map<string, Promise<RateLimiterAbstract>>());

/** One limiter per name and size. On PostgreSQL a changed size (e.g. from the settings) keeps the
 * stored counters (same table and keys); in memory (PGlite) a new size starts its own. */
async function limiter(name: LimitName, size: Limit = limitConfig(name)): Promise<RateLimiterAbstract> {
  const id = `${name}:${size.points}/${size.seconds}`;
  let p = limiters.get(id);
  if (!p) {
    p = (async () => {
      const { points, seconds } = size;
      const h = await getDbHandle();
      if (h.kind !== "postgres") return new RateLimiterMemory({ keyPrefix: name, points, duration: seconds });
      const sql = h.sql!;
      // rate-limiter-flexible's "pool" store calls client.query({ text, values }) and reads .rows:
      // postgres.js answers that through unsafe() with the same parameters
      const storeClient = {
        query: async (q: { text: string; values?: unknown[] }) => ({
          rows: await sql.unsafe(q.text, (q.values ?? []) as never[], { prepare: true }),
        }),
      };
      return new RateLimiterPostgres({
        storeClient,
        storeType: "pool",
        tableName: "rate_limits",
        tableCreated: true, // created by our migrations
        keyPrefix: name,
        points,
        duration: seconds,
        // while PostgreSQL is unreachable, limits keep working per instance
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${name}-ins`, points, duration: seconds }),
      });
    })();
    limiters.set(id, p);
  }
  return p;
}

export class RateLimitedError extends RateLimited {
  constructor(
    readonly limit: LimitName,
    readonly retryAfterSeconds: number,
  ) {
    super(
      msg("Api.rateLimit.tooMany", {
        what: msg(`Api.rateLimit.what.${limit}`),
        wait: durationText(Math.max(1, Math.ceil(retryAfterSeconds))),
      }),
      retryAfterSeconds,
    );
    this.name = "RateLimitedError";
  }
}

export function humanSeconds(s: number): string {
  if (s < 90) return `${s} second${s === 1 ? "" : "s"}`;
  const m = Math.ceil(s / 60);
  return `${m} minute${m === 1 ? "" : "s"}`;
}

/**
 * rate-limiter-flexible rejects with a RateLimiterRes when a limit is used up. Not `instanceof`: the
 * limiters live on globalThis and may have been made by another server bundle's copy of the class.
 */
function isLimiterAnswer(e: unknown): e is RateLimiterRes {
  return (
    e instanceof RateLimiterRes ||
    (typeof e === "object" &&
      e !== null &&
      !(e instanceof Error) &&
      typeof (e as RateLimiterRes).msBeforeNext === "number")
  );
}

/** Whole seconds to wait, at least 1. */
const waitSeconds = (msBeforeNext: number) => Math.max(1, Math.ceil(msBeforeNext / 1000));

/** Spends `points` of `key`: 0 when allowed, else the seconds until enough come back. */
async function take(l: RateLimiterAbstract, key: string, points: number): Promise<number> {
  try {
    await l.consume(key, points);
    return 0;
  } catch (e) {
    if (isLimiterAnswer(e)) return waitSeconds(e.msBeforeNext);
    throw e;
  }
}

/** Spends `points` from `name` for `key`; throws RateLimitedError (429 with Retry-After) when used up. */
export async function consume(name: LimitName, key: string, points = 1): Promise<void> {
  const wait = await take(await limiter(name), key, points);
  if (wait > 0) throw new RateLimitedError(name, wait);
}

/**
 * Spends one point of `key` under a size the caller decides (e.g. the settings' comments per minute):
 * 0 when allowed, else the seconds until the next point comes back. For rules that answer with a
 * verdict of their own instead of RateLimitedError.
 */
export async function spend(name: LimitName, key: string, size: Limit): Promise<number> {
  return take(await limiter(name, size), key, 1);
}

/** Reads without spending: how long until `key` may try again (0 = now). */
export async function blockedFor(name: LimitName, key: string): Promise<number> {
  const l = await limiter(name);
  const res = await l.get(key);
  if (!res || res.remainingPoints > 0) return 0;
  return waitSeconds(res.msBeforeNext);
}

/** Gives points back (e.g. a successful sign-in clears the account's failures). */
export async function reward(name: LimitName, key: string): Promise<void> {
  const l = await limiter(name);
  await l.delete(key).catch(() => {});
}

/** Gives `points` back to `key` (e.g. a successful sign-in does not count against its network). */
export async function refund(name: LimitName, key: string, points = 1): Promise<void> {
  const l = await limiter(name);
  await l.reward(key, points).catch(() => {});
}

/** The `anon_vote` key of one poll or article (`thing`) for one network (its keyed hash). */
export function anonVoteKey(thing: string, networkHash: string): string {
  return `${thing}:${networkHash}`;
}
