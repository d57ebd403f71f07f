// The Auth.js configuration (framework-neutral, so integration tests can drive @auth/core with it):
// JWT sessions (Credentials requires them) carrying the user id and a session version; role and status
// are always read from the database (lib/auth/viewer.ts). Providers: password (`credentials`), magic
// link by email and OAuth when configured (lib/auth/providers.ts).
import "server-only";
import type { Adapter, AdapterUser } from "@auth/core/adapters";
import { CredentialsSignin } from "@auth/core/errors";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { accounts, users, verificationTokens } from "@/db/schema";
import { safeRedirectPath } from "@/lib/http/redirect";
import { offerClaim } from "@/lib/import/claims";
import { log } from "@/lib/log";
import { publicBaseUrl } from "@/lib/mail";
import { serverSecret } from "@/lib/server/secret";
import { noControl } from "@/lib/validation/text";
import { checkDisplayName } from "./display-name";
import { verifyPassword } from "./password";
import { authProviders } from "./providers";
import { findUserByEmail } from "./users";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

const credentialsInput = z.object({
  email: noControl(z.string().trim().toLowerCase().max(254)),
  password: noControl(z.string().min(1).max(1000)),
});

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
    sv?: number;
  }
}

export const SESSION_MAX_AGE = 30 * 24 * 3600;

const CLIENT_SIDE = new Set([
  "Verification",
  "JWTSessionError",
  "MissingCSRF",
  "OAuthAccountNotLinked",
  "AccessDenied",
]);

/** New accounts from a magic link or OAuth: a profile name only if it passes the display-name rules. */
function withCheckedNames(adapter: Adapter): Adapter {
  return {
    ...adapter,
    async createUser(data: AdapterUser) {
      const check = data.name ? await checkDisplayName(data.name) : null;
      return adapter.createUser!({ ...data, name: check?.ok ? check.name : null });
    },
  };
}

export async function buildAuthConfig(extra: NextAuthConfig["providers"] = []): Promise<NextAuthConfig> {
  const db = await getDb();
  return {
    adapter: withCheckedNames(
      // biome-ignore lint/suspicious/noExplicitAny: the adapter accepts any pg drizzle database
      DrizzleAdapter(db as any, {
        // biome-ignore lint/suspicious/noExplicitAny: our tables extend the adapter's columns
        usersTable: users as any,
        // biome-ignore lint/suspicious/noExplicitAny: as above
        accountsTable: accounts as any,
        // biome-ignore lint/suspicious/noExplicitAny: as above
        verificationTokensTable: verificationTokens as any,
      }),
    ),
    secret: serverSecret(),
    trustHost: process.env.AUTH_TRUST_HOST === "true" || process.env.NODE_ENV !== "production" || undefined,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: {
      signIn: "/signin",
      error: "/signin",
      verifyRequest: "/check-email",
      newUser: "/account?welcome=1",
    },
    providers: [
      Credentials({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(raw) {
          const parsed = credentialsInput.safeParse(raw);
          if (!parsed.success) throw new InvalidCredentials();
          const user = await findUserByEmail(await getDb(), parsed.data.email);
          // the same answer (and about the same time) for an unknown email and a wrong password
          const ok = await verifyPassword(user?.passwordHash, parsed.data.password);
          if (!user || !ok || user.deletedAt) throw new InvalidCredentials();
          return { id: user.id, name: user.name, email: user.email, sv: user.sessionVersion } as never;
        },
      }),
      ...authProviders(),
      ...extra,
    ],
    callbacks: {
      // after signing in, only paths on this site, answered as relative paths: Next normalises
      // 127.0.0.1 to localhost in request URLs, and an absolute redirect to the other spelling of the
      // same host would land the browser where its new session cookie does not apply
      async redirect({ url, baseUrl }) {
        return safeRedirectPath(url, baseUrl, { alsoSameSite: [publicBaseUrl()] });
      },
      async signIn({ user }) {
        // a deleted account never signs in again, whatever the method
        return !(user as { deletedAt?: Date | null }).deletedAt;
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv =
            (user as { sv?: number; sessionVersion?: number }).sv ??
            (user as { sessionVersion?: number }).sessionVersion ??
            1;
          return token;
        }
        // every later use (including POST /api/auth/session "update", whose data is never trusted):
        // the session version must still match, and the account must still exist
        if (typeof token.uid !== "string") return null;
        const [row] = await (await getDb())
          .select({ sv: users.sessionVersion, deletedAt: users.deletedAt, name: users.name })
          .from(users)
          .where(eq(users.id, token.uid))
          .limit(1);
        if (!row || row.deletedAt || row.sv !== token.sv) return null;
        token.name = row.name;
        return token;
      },
      async session({ session, token }) {
        session.user.id = token.uid as string;
        session.sv = token.sv as number;
        return session;
      },
    },
    events: {
      async signIn({ user, account, profile }) {
        // Google vouches for the address: no confirmation mail needed
        const verified = (user as { emailVerified?: Date | null }).emailVerified;
        if (account?.provider === "google" && profile?.email_verified === true && user.id && !verified)
          await (await getDb()).update(users).set({ emailVerified: new Date() }).where(eq(users.id, user.id));
        // comments imported under this (confirmed) address: mail the claim link, the first time only
        if (user.id)
          void getDb()
            .then((db) => offerClaim(db, user.id as string))
            .catch((e) => log.warn({ err: (e as Error).message }, "claim offer at sign-in failed"));
      },
    },
    logger: {
      // Auth.js logs errors with their cause; keep credentials, tokens and emails out of our logs
      error(error) {
        // `type` survives minification (class names do not); a wrong password is not an error
        const type = (error as { type?: string }).type ?? (error as Error).name;
        if (type === "CredentialsSignin") return;
        const line = `auth: ${type}: ${(error as Error).message.split("\n")[0].slice(0, 200)}`;
        // a used or expired link, an old cookie: the visitor's situation, not a fault of ours
        if (CLIENT_SIDE.has(type)) console.warn(line);
        else console.error(line);
      },
      warn(code) {
        if (code !== "debug-enabled") console.warn(`auth: warning ${code}`);
      },
      debug() {},
    },
  };
}
