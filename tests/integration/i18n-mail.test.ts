// Mail in the reader's language (docs/decisions/131-i18n-api-and-mail.md), through a real SMTP server:
// sign-up keeps the request's language on the account (users.locale), the confirmation mail is written
// in it, the account page can change it, and notification headlines follow it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, type Db, getDb } from "@/db/client";
import { profileInput, resendVerification, updateProfile } from "@/lib/auth/account";
import { signUp } from "@/lib/auth/signup";
import { findUserById } from "@/lib/auth/users";
import { toViewer } from "@/lib/auth/viewer";
import { headline } from "@/lib/notifications/mail";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";
import { findLink, startMailSink } from "../helpers/mail-sink.mjs";

type Sink = {
  url: string;
  messages: { to: string[]; subject: string; body: string }[];
  close(): Promise<void>;
};

describe(`mail in the reader's language (${dbKindLabel})`, () => {
  let t: TestDb;
  let db: Db;
  let sink: Sink;
  const mailTo = (email: string) => sink.messages.filter((m) => m.to.includes(email));

  beforeAll(async () => {
    sink = await startMailSink();
    process.env.SMTP_URL = sink.url;
    process.env.AUTH_URL = "http://agora.test";
    t = await createTestDb();
    await useAsProcessDb(t);
    db = await getDb();
  });
  afterAll(async () => {
    await closeDb();
    await t?.close();
    await sink?.close();
  });

  it("a reader who signs up in Spanish gets the confirmation mail in Spanish; English after switching", async () => {
    const email = "lucia@i18n.test";
    const user = await signUp(
      db,
      { name: "Lucía", email, password: "Compiladores-1952" },
      { ip: "198.51.100.70", locale: "es" },
    );
    expect(user.locale).toBe("es");
    const [es] = mailTo(email);
    expect(es.subject).toBe("Confirma tu dirección de correo en Agora");
    expect(es.body).toContain("Hola, Lucía:");
    expect(es.body).toContain("El enlace funciona una vez, durante 24 horas.");
    expect(findLink(es.body, "/verify-email")).toMatch(/^http:\/\/agora\.test\/verify-email\?id=/);

    // the account page changes it; the next mail is in English
    const viewer = toViewer((await findUserById(db, user.id))!, "session");
    expect(await updateProfile(db, viewer, profileInput.parse({ locale: "en" }))).toMatchObject({
      locale: "en",
    });
    await resendVerification(db, viewer);
    const en = mailTo(email)[1];
    expect(en.subject).toBe("Confirm your email address for Agora");
    expect(en.body).toContain("Hello Lucía,");
  });

  it("sign-up without a known language keeps English; a bad locale on the account is refused", async () => {
    const user = await signUp(
      db,
      { name: "Ada", email: "ada@i18n.test", password: "Analytical-1843" },
      { ip: "198.51.100.71", locale: "fr" },
    );
    expect(user.locale).toBe("en");
    expect(mailTo("ada@i18n.test")[0].subject).toBe("Confirm your email address for Agora");
    const r = profileInput.safeParse({ locale: "fr" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('locale must be "en" or "es".');
  });

  it("notification headlines in the reader's language, with or without a title and a reason", () => {
    const d = { actorName: "Ada", articleTitle: "Lluvia" };
    expect(headline("reply", d)).toBe("Ada replied to your comment on “Lluvia”");
    expect(headline("reply", d, "es")).toBe("Ada respondió a tu comentario en «Lluvia»");
    expect(headline("rejected", { reason: "spam" }, "es")).toBe("Tu comentario se rechazó: spam");
    expect(headline("rejected", {})).toBe("Your comment was rejected");
    expect(headline("appeal", { outcome: "overturned", articleTitle: "X" }, "es")).toBe(
      "Tu apelación se aceptó: tu comentario en «X» está publicado",
    );
  });
});
