// Auth.js (next-auth v5) configuration: JWT sessions (Credentials requires them) carrying the user id and
// a session version; role and status are always read from the database (lib/auth/viewer.ts).
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { accounts, users, verificationTokens } from "@/db/schema";
import { serverSecret } from "@/lib/server/secret";
import { verifyPassword } from "./password";
import { findUserByEmail } from "./users";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(1000),
});

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
    sv?: number;
  }
}

/** Providers added by other modules (magic link, OAuth) register here before the first request. */
export const extraProviders: NextAuthConfig["providers"] = [];

async function buildConfig(): Promise<NextAuthConfig> {
  const db = await getDb();
  return {
    // biome-ignore lint/suspicious/noExplicitAny: the adapter accepts any pg drizzle database
    adapter: DrizzleAdapter(db as any, {
      // biome-ignore lint/suspicious/noExplicitAny: our tables extend the adapter's columns
      usersTable: users as any,
      // biome-ignore lint/suspicious/noExplicitAny: as above
      accountsTable: accounts as any,
      // biome-ignore lint/suspicious/noExplicitAny: as above
      verificationTokensTable: verificationTokens as any,
    }),
    secret: serverSecret(),
    trustHost: process.env.AUTH_TRUST_HOST === "true" || process.env.NODE_ENV !== "production" || undefined,
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/signin", error: "/signin", verifyRequest: "/check-email" },
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
      ...extraProviders,
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv =
            (user as { sv?: number; sessionVersion?: number }).sv ??
            (user as { sessionVersion?: number }).sessionVersion ??
            1;
          return token;
        }
        // every later use: the session version must still match, and the account must still exist
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
    logger: {
      // Auth.js logs errors with their cause; keep credentials and tokens out of our logs
      error(error) {
        const name = (error as Error).name;
        if (name === "CredentialsSignin") return;
        console.error(`auth: ${name}: ${(error as Error).message.split("\n")[0]}`);
      },
      warn(code) {
        if (code !== "debug-enabled") console.warn(`auth: warning ${code}`);
      },
      debug() {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => buildConfig());
