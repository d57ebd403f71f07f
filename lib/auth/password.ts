// Password rules and hashing (argon2id via @node-rs/argon2, OWASP parameters).
import fs from "node:fs";
import path from "node:path";
import { hash, verify } from "@node-rs/argon2";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "auth", "common-passwords.txt");
    common = new Set(
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    );
  }
  return common;
}

/**
 * Returns a message saying what is wrong, or null when the password is acceptable. With `email`, a
 * password that is the address (or its part before the @) is refused too.
 */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || /^(.)\1+$/.test(lower))
    return "This password is too common; choose another.";
  if (email) {
    const e = email.trim().toLowerCase();
    if (lower === e || lower === e.split("@")[0]) return "Do not use your email address as the password.";
  }
  return null;
}

// argon2id; memory 19 MiB, 2 iterations (OWASP minimum recommendation)
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// a real hash of a random string, so that unknown emails cost the same time as wrong passwords
let dummy: Promise<string> | undefined;
export async function verifyPassword(hashed: string | null | undefined, password: string): Promise<boolean> {
  if (!hashed) {
    dummy ??= hashPassword(`dummy-${Math.random()}`);
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}
