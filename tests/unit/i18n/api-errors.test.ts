// API error messages in the request's language (docs/decisions/131-i18n-api-and-mail.md): lib/ throws
// errors carrying a key of messages/*/api.json and its parameters; handle() answers in the language of
// the NEXT_LOCALE cookie or Accept-Language. English stays what it was; code and field never change.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { handle, validate } from "@/lib/api/http";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { messageText, msg, render } from "@/lib/i18n/text";
import { RateLimitedError } from "@/lib/rate-limit";

const req = (headers: Record<string, string> = {}) => new Request("http://x.test/api/v1/x", { headers });
async function answer(e: unknown, headers?: Record<string, string>) {
  const res = await handle(async () => {
    throw e;
  })(req(headers));
  return {
    status: res.status,
    body: (await res.json()) as { error: { code: string; message: string; field?: string } },
  };
}

describe("API error messages", () => {
  it("English message unchanged; Spanish from Accept-Language; code and field the same", async () => {
    const e = new Invalid("optionIds", msg("Api.polls.emptyChoice"), "empty_choice");
    expect(e.message).toBe("optionIds: choose at least one option.");
    const en = await answer(e);
    expect(en).toEqual({
      status: 422,
      body: {
        error: {
          code: "empty_choice",
          message: "optionIds: choose at least one option.",
          field: "optionIds",
        },
      },
    });
    const es = await answer(e, { "accept-language": "es-ES,es;q=0.9,en;q=0.5" });
    expect(es.body.error).toEqual({
      code: "empty_choice",
      message: "optionIds: elige al menos una opción.",
      field: "optionIds",
    });
  });

  it("the NEXT_LOCALE cookie wins over Accept-Language, as for pages", async () => {
    const e = new NotFound(msg("Api.comments.noSuchComment"));
    expect(
      (await answer(e, { cookie: "a=1; NEXT_LOCALE=es", "accept-language": "en" })).body.error.message,
    ).toBe("Ese comentario no existe.");
    expect((await answer(e, { cookie: "NEXT_LOCALE=en", "accept-language": "es" })).body.error.message).toBe(
      "No such comment.",
    );
    // an unknown language falls back to English
    expect((await answer(e, { "accept-language": "fr" })).body.error.message).toBe("No such comment.");
  });

  it("parameters and selects: a Spanish sentence around the values", async () => {
    const e = new Conflict(
      "decided_by_moderator",
      msg("Api.comments.decidedByModerator", { what: "removed" }),
    );
    expect(e.message).toMatch(
      /^A moderator removed this comment, .*POST \/api\/v1\/comments\/\{id\}\/appeal/,
    );
    expect(render(msg("Api.comments.decidedByModerator", { what: "removed" }), "es")).toMatch(
      /^Un moderador eliminó este comentario, .*POST \/api\/v1\/comments\/\{id\}\/appeal/,
    );
  });

  it("zod: custom messages by their key, zod's own ones in zod's Spanish, with the field", async () => {
    const schema = z.object({
      status: z.enum(["draft", "published"], { error: "must be draft or published" }),
    });
    const e1 = catchIt(() => validate(schema, { status: "x" }));
    expect(e1.message).toBe("status: must be draft or published");
    expect((await answer(e1, { "accept-language": "es" })).body.error).toEqual({
      code: "invalid_input",
      message: "status: debe ser draft o published",
      field: "status",
    });
    const e2 = catchIt(() => validate(z.object({ n: z.number() }), { n: "1" }));
    expect(e2.message).toBe("n: Invalid input: expected number, received string");
    expect((await answer(e2, { "accept-language": "es" })).body.error.message).toMatch(
      /^n: Entrada inválida/,
    );
    // control characters: the one rule, in Spanish too
    const e3 = catchIt(() => validate(z.object({ name: z.string() }), { name: "a\u0000b" }));
    expect((await answer(e3, { "accept-language": "es" })).body.error.message).toMatch(
      /^name: no puede contener caracteres de control/,
    );
  });

  it("rate limits say what and how long, in Spanish", async () => {
    const e = new RateLimitedError("comment_user", 120);
    expect(e.message).toBe("Too many comments. Try again in 2 minutes.");
    const es = await answer(e, { "accept-language": "es" });
    expect(es.status).toBe(429);
    expect(es.body.error.message).toBe("Demasiados comentarios. Vuelve a intentarlo en 2 minutos.");
  });

  it("sentences lib/ returns as strings (moderation verdicts) are found by their English", () => {
    const t = messageText(
      "Not published: you can post at most 5 comments a minute. Try again in 30 seconds.",
    );
    expect(render(t, "en")).toBe(
      "Not published: you can post at most 5 comments a minute. Try again in 30 seconds.",
    );
    expect(render(t, "es")).toBe(
      "No publicado: puedes publicar como máximo 5 comentarios por minuto. Vuelve a intentarlo en 30 segundos.",
    );
    // unknown English stays English, in every language
    expect(render(messageText("Something new."), "es")).toBe("Something new.");
  });
});

function catchIt(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("did not throw");
}
