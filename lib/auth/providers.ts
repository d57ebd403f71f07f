// Which sign-in methods this instance offers, decided from the environment:
//  - password (`credentials`): always;
//  - magic link by email (`nodemailer`): when SMTP_URL is set, and always in development (the link is
//    then printed in the server log);
//  - GitHub / Google OAuth: when both their client id and secret are set; hidden otherwise.
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import Nodemailer from "next-auth/providers/nodemailer";
import { mailText } from "@/lib/i18n/text";
import { mailAvailable, mailFrom, publicBaseUrl, sendMail } from "@/lib/mail";
import { requestLocale } from "@/server/locale.cjs";

export const MAGIC_LINK_ID = "nodemailer";
export const MAGIC_LINK_MINUTES = 30;

export const OAUTH_PROVIDERS = {
  github: { name: "GitHub", id: "AUTH_GITHUB_ID", secret: "AUTH_GITHUB_SECRET" },
  google: { name: "Google", id: "AUTH_GOOGLE_ID", secret: "AUTH_GOOGLE_SECRET" },
} as const;
export type OAuthId = keyof typeof OAUTH_PROVIDERS;

export function enabledOAuth(env: NodeJS.ProcessEnv = process.env): OAuthId[] {
  return (Object.keys(OAUTH_PROVIDERS) as OAuthId[]).filter((id) => {
    const p = OAUTH_PROVIDERS[id];
    return Boolean(env[p.id]?.trim() && env[p.secret]?.trim());
  });
}

export function magicLinkEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return mailAvailable(env);
}

/** What the sign-in page shows. */
export function signInMethods(env: NodeJS.ProcessEnv = process.env) {
  return {
    password: true,
    magicLink: magicLinkEnabled(env),
    oauth: enabledOAuth(env).map((id) => ({ id, name: OAUTH_PROVIDERS[id].name })),
  };
}

/** Every provider id the Auth.js routes accept on this instance. */
export function knownProviderIds(env: NodeJS.ProcessEnv = process.env): string[] {
  return ["credentials", ...(magicLinkEnabled(env) ? [MAGIC_LINK_ID] : []), ...enabledOAuth(env)];
}

/** The Auth.js providers besides the password one. */
export function authProviders(env: NodeJS.ProcessEnv = process.env): Provider[] {
  const list: Provider[] = [];
  if (magicLinkEnabled(env))
    list.push(
      Nodemailer({
        id: MAGIC_LINK_ID,
        name: "Email link",
        // not used: sendVerificationRequest below sends through lib/mail (which knows SMTP_URL)
        server: env.SMTP_URL || "smtp://127.0.0.1:25",
        from: mailFrom(),
        maxAge: MAGIC_LINK_MINUTES * 60,
        async sendVerificationRequest({ identifier, url, request }) {
          // links in mail use the public URL (AUTH_URL) whatever host name the request used
          const link = new URL(url);
          const base = new URL(publicBaseUrl(link.origin));
          link.protocol = base.protocol;
          link.host = base.host;
          // in the language of the page that asked for it (the reader may have no account yet)
          const t = mailText(
            request
              ? requestLocale(request.headers.get("cookie"), request.headers.get("accept-language"))
              : null,
          );
          await sendMail({
            to: identifier,
            subject: t("Mail.magicLink.subject"),
            text: [
              t("Mail.magicLink.intro"),
              link.toString(),
              "",
              t("Mail.magicLink.expiry", { minutes: MAGIC_LINK_MINUTES }),
            ].join("\n"),
          });
        },
      }),
    );
  for (const id of enabledOAuth(env)) {
    const p = OAUTH_PROVIDERS[id];
    const config = { clientId: env[p.id]!.trim(), clientSecret: env[p.secret]!.trim() };
    list.push(id === "github" ? GitHub(config) : Google(config));
  }
  return list;
}
