// Auth.js (next-auth v5) for Next: the handlers under /api/auth, auth(), signIn(), signOut(). The
// configuration itself is in auth-options.ts.
import NextAuth, { type NextAuthConfig } from "next-auth";
import { buildAuthConfig } from "./auth-options";

/** Providers added by other modules register here before the first request. */
export const extraProviders: NextAuthConfig["providers"] = [];

export const { handlers, auth, signIn, signOut } = NextAuth(async () => buildAuthConfig(extraProviders));
