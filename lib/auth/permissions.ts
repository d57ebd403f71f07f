// Every permission decision of Agora, in one place, used by pages, server actions and route handlers.
// Decisions read the viewer from the database (lib/auth/viewer.ts), never from the JWT alone.
import { Forbidden, Unauthenticated } from "@/lib/errors";
import { messageText } from "@/lib/i18n/text";
import { getViewer, type Viewer } from "./viewer";

export type Action =
  | "read" // public pages and APIs
  | "account" // own account pages and actions (allowed while suspended/banned)
  | "credentials" // own password, deletion, personal-data export, sessions, API tokens: never by API token
  | "comment" // post, edit, delete own comments
  | "vote" // comment votes, signed-in poll votes, ratings
  | "report"
  | "appeal"
  | "moderate" // queues, decisions, user status, audit log (moderators and admins)
  | "admin"; // settings, roles, articles (admins only)

export type Decision =
  | { ok: true }
  | { ok: false; kind: "unauthenticated" | "forbidden"; code: string; message: string };

const WRITES: ReadonlySet<Action> = new Set(["comment", "vote", "report", "appeal"]);

function dateText(d: Date): string {
  return `${d.toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

/** Why a user may not write right now, in words they can act on; null if they may. */
export function writeBlock(v: Viewer): string | null {
  if (v.status === "banned")
    return `Your account is banned${v.statusReason ? `: ${v.statusReason}` : ""}. You can still read.`;
  if (v.status === "suspended")
    return `Your account is suspended${v.suspendedUntil ? ` until ${dateText(v.suspendedUntil)}` : ""}${v.statusReason ? ` (${v.statusReason})` : ""}. You can still read.`;
  return null;
}

const TOKEN_NOT_ALLOWED = {
  ok: false,
  kind: "forbidden",
  code: "token_not_allowed",
  message:
    "An API token cannot do this: change the password, delete the account, export personal data or manage sessions and tokens. Sign in to do it.",
} as const satisfies Decision;

/** For routes that also need another action's decision: refuses API tokens (403 token_not_allowed). */
export function assertNotToken(v: Viewer): void {
  if (v.via === "token") throw new Forbidden(messageText(TOKEN_NOT_ALLOWED.message), TOKEN_NOT_ALLOWED.code);
}

export function decide(v: Viewer | null, action: Action): Decision {
  if (action === "read") return { ok: true };
  if (!v)
    return { ok: false, kind: "unauthenticated", code: "unauthenticated", message: "Sign in to do this." };
  if (action === "account") return { ok: true };
  if (action === "credentials") return v.via === "token" ? TOKEN_NOT_ALLOWED : { ok: true };
  if (action === "moderate" || action === "admin") {
    const allowed = action === "admin" ? v.role === "admin" : v.role === "moderator" || v.role === "admin";
    if (!allowed)
      return {
        ok: false,
        kind: "forbidden",
        code: "forbidden",
        message:
          action === "admin"
            ? "Only administrators can do this."
            : "Only moderators and administrators can do this.",
      };
    if (v.status !== "active")
      return { ok: false, kind: "forbidden", code: "account_restricted", message: writeBlock(v)! };
    return { ok: true };
  }
  if (WRITES.has(action)) {
    const block = writeBlock(v);
    if (block) return { ok: false, kind: "forbidden", code: "account_restricted", message: block };
    if (!v.emailVerified && v.role === "reader")
      return {
        ok: false,
        kind: "forbidden",
        code: "email_unverified",
        message:
          "Confirm your email address first: use the link we sent you (or ask for a new one on your account page).",
      };
    return { ok: true };
  }
  return { ok: false, kind: "forbidden", code: "forbidden", message: "Not allowed." };
}

/** The named error for a refusal (Unauthenticated: sign in first; Forbidden: not allowed). */
export function refusal(d: Extract<Decision, { ok: false }>): Unauthenticated | Forbidden {
  return d.kind === "unauthenticated"
    ? new Unauthenticated(messageText(d.message), d.code)
    : new Forbidden(messageText(d.message), d.code);
}

/** For route handlers: the viewer allowed to do `action`, or the refusal (Unauthenticated/Forbidden). */
export async function requireViewer(req: Request, action: Exclude<Action, "read">): Promise<Viewer> {
  const v = await getViewer(req);
  const d = decide(v, action);
  if (!d.ok) throw refusal(d);
  return v!;
}
