// The server secret (AUTH_SECRET): signs sessions and keys every hash of IPs and voter ids.
// Production: required, with a clear start-up error. Development: generated once, kept in .data/.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

let cached: string | undefined;

export class MissingSecretError extends Error {
  constructor() {
    super(
      "AUTH_SECRET is not set. In production it is required: set it to a random string of 32+ characters (e.g. `openssl rand -base64 32`).",
    );
    this.name = "MissingSecretError";
  }
}

export function serverSecret(): string {
  if (cached) return cached;
  if (process.env.AUTH_SECRET) return (cached = process.env.AUTH_SECRET);
  if (process.env.NODE_ENV === "production") throw new MissingSecretError();
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "auth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    cached = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, cached, { flag: "wx", mode: 0o600 });
    } catch {
      cached = fs.readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
  process.env.AUTH_SECRET = cached;
  return cached;
}
