// Keyset cursors: opaque to clients (base64url JSON), checked strictly when they come back.
import { z } from "zod";
import { Invalid } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import type { CommentSort } from "./types";

const rootCursor = z.object({
  k: z.enum(["new", "top", "old", "featured"]),
  q: z.number().int().positive(),
  c: z.number().int().optional(),
});
const replyCursor = z.object({ k: z.literal("r"), q: z.number().int().nonnegative() });

export type RootCursor = z.infer<typeof rootCursor>;

function encode(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString("base64url");
}

function decode(s: string): unknown {
  if (s.length > 200 || !/^[A-Za-z0-9_-]+$/.test(s)) return null;
  try {
    return JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
  } catch {
    return null;
  }
}

export function rootCursorFor(sort: CommentSort, seq: number, confidence: number): string {
  return encode(sort === "top" ? { k: sort, q: seq, c: confidence } : { k: sort, q: seq });
}

export function parseRootCursor(s: string, sort: CommentSort): RootCursor {
  const r = rootCursor.safeParse(decode(s));
  if (!r.success || r.data.k !== sort || (sort === "top" && r.data.c == null))
    throw new Invalid("cursor", msg("Api.comments.invalidCursor"), "invalid_cursor");
  return r.data;
}

export function replyCursorFor(afterSeq: number): string {
  return encode({ k: "r", q: afterSeq });
}

export function parseReplyCursor(s: string): number {
  const r = replyCursor.safeParse(decode(s));
  if (!r.success) throw new Invalid("cursor", msg("Api.comments.invalidCursor2"), "invalid_cursor");
  return r.data.q;
}
