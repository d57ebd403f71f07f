// No fixed sleeps in tests (DESIGN.md, issue 14): a test waits for a signal (an event, a response, a
// row, data-live="connected"), or polls an observable condition with a deadline (vi.waitFor,
// expect.poll, expect(...).toPass). A fixed delay before an assertion is either too short on a busy
// machine (a flake) or too long everywhere. Time passing itself is tested on an injected clock or with
// the window set to 0 by env.
//
// Flagged: Playwright's page wait-for-timeout call, sleep(...), timers/promises, and timers that resolve a promise
// (`setTimeout(r, ms)`, `setTimeout(() => resolve(), ms)`). Not flagged: deadline timers that reject,
// kill fallbacks, test.setTimeout().
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, sourceFiles } from "./imports";

const FIXED_SLEEP = [
  // spelled in two parts so that this guard is not itself a match for a search of the tests
  new RegExp(`\\bwaitFor${"Timeout"}\\s*\\(`),
  /\bsleep\s*\(/,
  /["']node:timers\/promises["']|["']timers\/promises["']/,
  /\bsetTimeout\(\s*(?:r|res|resolve|done|ok|next)\s*,/,
  /\bsetTimeout\(\s*\(\)\s*=>\s*(?:r|res|resolve|done|ok|next)\(\s*\)\s*,/,
];

/** Fixed waits that remain, each with why it is not a test waiting for a result. */
const ALLOWED: { file: string; line: string; why: string }[] = [
  {
    file: "tests/bench/admin-queue.mts",
    line: "setTimeout(r, 1200)",
    why: "benchmark (not part of npm test, asserts nothing): lets the trailing cache invalidation of the measured writes fire before its database is dropped",
  },
  {
    file: "tests/bench/polls.mjs",
    line: "setTimeout(r, 2000)",
    why: "benchmark (not part of npm test): autocannon stops with requests in flight; the final snapshot is read after they finished",
  },
  {
    file: "tests/bench/notify.mts",
    line: "setTimeout(r, 200)",
    why: "benchmark (not part of npm test): measures mail arrival lags, polling its mail sink",
  },
  {
    file: "tests/bench/notify.mts",
    line: "setTimeout(r, 5000)",
    why: "benchmark (not part of npm test): counts duplicate mails, which could only arrive after the last one",
  },
  {
    file: "tests/bench/bench-server.mjs",
    line: "setTimeout(r, 500)",
    why: "benchmark helper (not part of npm test): polls the bench server's health before measuring",
  },
];

function fixedSleeps(): string[] {
  const out: string[] = [];
  for (const f of sourceFiles("tests")) {
    if (f === path.join("tests", "unit", "architecture", "no-fixed-sleeps.test.ts")) continue;
    const lines = fs.readFileSync(path.join(ROOT, f), "utf8").split("\n");
    lines.forEach((text, i) => {
      if (/^\s*(?:\/\/|\*)/.test(text)) return; // comments may name what they avoid
      if (FIXED_SLEEP.some((re) => re.test(text))) out.push(`${f}:${i + 1}: ${text.trim()}`);
    });
  }
  return out;
}

const allowedBy = (hit: string) => ALLOWED.find((a) => hit.startsWith(`${a.file}:`) && hit.includes(a.line));

describe("tests wait for signals", () => {
  const hits = fixedSleeps();
  it("no fixed sleep in tests/ (wait for an event, or poll a condition with a deadline)", () => {
    expect(hits.filter((h) => !allowedBy(h))).toEqual([]);
  });
  it("every allowed sleep still exists and says why", () => {
    for (const a of ALLOWED) {
      expect(a.why.length, a.file).toBeGreaterThan(20);
      expect(
        hits.some((h) => allowedBy(h) === a),
        `${a.file}: ${a.line} is gone: drop it from ALLOWED`,
      ).toBe(true);
    }
  });
});
