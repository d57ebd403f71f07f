// What an author is told about their comment (moderation verdicts stored in English with the comment,
// status explanations) and why a reader cannot comment reach readers and moderators in their language
// (lib/i18n/text.ts localize): every such English sentence has a template in messages/*/api.json.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localizeResult, localizeViewerState } from "@/lib/comments/localize";
import type { PublicComment } from "@/lib/comments/types";
import { LITERAL, localize, messageText } from "@/lib/i18n/text";
import { explainStatus } from "@/lib/moderation/messages";

const REASONS = [
  "comments_closed",
  "quiet_hours",
  "author_banned",
  "author_suspended",
  "rate_limited",
  "rate_limited_network",
  "duplicate",
  "honeypot",
  "banned_word",
  "profanity",
  "profanity_rejected",
  "suspect_word",
  "link_from_new_commenter",
  "premoderation",
  "surge",
  "new_commenter",
  "reported",
  null,
];

function explanations(): string[] {
  const out = new Set<string>();
  for (const status of ["approved", "pending", "rejected", "spam", "deleted"])
    for (const decidedBy of ["moderator", "pipeline", null])
      for (const statusReason of [...REASONS, "off topic"])
        out.add(explainStatus({ status, decidedBy, statusReason }));
  return [...out];
}

// what the pipeline and the comment routes write, with sample values where a sentence has them
const VERDICTS = [
  "Published.",
  "No changes.",
  "Saved. It is still held for review: a moderator will read it soon.",
  'Saved. Held for review: it contains "darn", so a moderator will read it before it appears.',
  "Comments on this article are closed between 22:00 and 06:00 (Europe/Madrid) each day. Please come back after 06:00.",
  "Comments on this article are closed between 22:00 and 06:00 (Europe/Madrid) each day. They reopen at 06:00.",
  "Held for review: this discussion is very busy right now, so new comments appear after a moderator has read them.",
  "Held for review: the first 3 comments of a new commenter are read by a moderator before they appear.",
  "Held for review: the first comment of a new commenter is read by a moderator before it appears.",
  "Not published: you posted the same comment in the last 10 minutes.",
];

describe("comment messages in Spanish", () => {
  it("every status explanation and verdict has a template, and Spanish differs from English", () => {
    for (const english of [...explanations(), ...VERDICTS]) {
      const text = messageText(english);
      // a moderator's own words ("off topic") stay as written inside a translated sentence
      expect(text.key, english).not.toBe(LITERAL);
      expect(localize(english, "en"), english).toBe(english);
      expect(localize(english, "es"), english).not.toBe(english);
    }
    expect(localize("Saved. It is still held for review: a moderator will read it soon.", "es")).toBe(
      "Guardado. Sigue retenido para revisión: un moderador lo leerá pronto.",
    );
    expect(localize("Rejected by a moderator: off topic", "es")).toBe(
      "Rechazado por un moderador: off topic",
    );
  });

  it("no sentence of the moderation phases is left without a template", () => {
    const dir = path.join(process.cwd(), "lib/moderation/phases");
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".ts"))) {
      const src = fs.readFileSync(path.join(dir, f), "utf8");
      for (const m of src.matchAll(/message:\s*"([^"]+)"/g))
        expect(messageText(m[1]).key, `${f}: ${m[1]}`).not.toBe(LITERAL);
    }
  });

  it("a post result, the reader's state and held comments are answered in the reader's language", () => {
    const comment = { id: "x", message: "Held for review: a moderator will read it soon." } as PublicComment;
    expect(localizeResult({ message: "Published.", comment }, "es")).toMatchObject({
      message: "Publicado.",
      comment: { message: "Retenido para revisión: un moderador lo leerá pronto." },
    });
    const state = localizeViewerState(
      {
        viewer: {
          id: "u",
          name: "Ana",
          role: "reader",
          canComment: false,
          blockedReason: "Your account is suspended. You can still read.",
        },
        votes: {},
        pending: [comment],
        closedMessage:
          "Comments on this article are closed between 22:00 and 06:00 (UTC) each day. They reopen at 06:00.",
      },
      "es",
    );
    expect(state.viewer?.blockedReason).toBe("Tu cuenta está suspendida. Aún puedes leer.");
    expect(state.pending[0].message).toMatch(/^Retenido/);
    expect(state.closedMessage).toMatch(/Vuelven a abrirse a las 06:00/);
  });
});
