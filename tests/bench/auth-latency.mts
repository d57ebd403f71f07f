// Sign-in latency: the cost of the password hash (argon2id, lib/auth/password.ts) in this process, and,
// with --url, the whole password sign-in over HTTP (GET /api/auth/csrf, then POST
// /api/auth/callback/credentials) against a running server.
//   npm run bench:auth                                   # hash and verify only
//   npm run bench:auth -- --url http://127.0.0.1:3520 --email a@b.c --password '…' [--n 30]
// Successful sign-ins do not count against the sign-in limits, so no limit needs raising.
import { parseArgs } from "node:util";
import { hashPassword, verifyPassword } from "../../lib/auth/password";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "30" },
    url: { type: "string" },
    email: { type: "string" },
    password: { type: "string" },
  },
});
const n = Number(values.n);

function summary(label: string, ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1);
  console.log(`${label}: n=${s.length} median ${q(0.5)} ms, p95 ${q(0.95)} ms, min ${s[0].toFixed(1)} ms`);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const hashed = await hashPassword("Bench-password-12345");
await verifyPassword(hashed, "warm-up");
const hashes: number[] = [];
const verifies: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < n; i++) {
  hashes.push(await time(() => hashPassword(`Bench-password-${i}`)));
  verifies.push(await time(() => verifyPassword(hashed, "Bench-password-12345")));
  unknown.push(await time(() => verifyPassword(null, "Bench-password-12345")));
}
summary("argon2id hash (sign-up, password change)", hashes);
summary("argon2id verify (sign-in, known email)", verifies);
summary("verify for an unknown email (dummy hash)", unknown);

if (values.url) {
  if (!values.email || !values.password) throw new Error("--url needs --email and --password");
  const base = values.url.replace(/\/$/, "");
  const total: number[] = [];
  for (let i = 0; i < n; i++) {
    total.push(
      await time(async () => {
        const csrf = await fetch(`${base}/api/auth/csrf`);
        const cookie = csrf.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; ");
        const { csrfToken } = (await csrf.json()) as { csrfToken: string };
        const res = await fetch(`${base}/api/auth/callback/credentials`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: base },
          body: new URLSearchParams({ csrfToken, email: values.email!, password: values.password! }),
        });
        if (!res.headers.getSetCookie().some((c) => /session-token=[^;]+/.test(c)))
          throw new Error(`sign-in failed: ${res.status}`);
      }),
    );
  }
  summary(`HTTP password sign-in (csrf + callback) at ${base}`, total);
}
