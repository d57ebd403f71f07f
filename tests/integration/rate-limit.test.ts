import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { statusOf } from "@/lib/api/http";
import { consume, RateLimitedError } from "@/lib/rate-limit";
import { createTestDb, dbKindLabel, type TestDb, useAsProcessDb } from "../helpers/db";

describe(`rate limits (${dbKindLabel})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    // the module uses the process-wide handle: point it at this test database
    await useAsProcessDb(t);
    process.env.AGORA_LIMIT_REPORT_USER = "3/60";
  });
  afterAll(async () => {
    await closeDb();
    await t.close();
  });

  it("allows N then answers 429 with Retry-After and a message saying when", async () => {
    for (let i = 0; i < 3; i++) await consume("report_user", "u1");
    const err = await consume("report_user", "u1").catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(statusOf(err)).toBe(429);
    expect(err.retryAfter).toBeGreaterThan(0);
    expect(err.message).toMatch(/Too many reports\. Try again in \d+ seconds?\./);
    // another key is not affected
    await expect(consume("report_user", "u2")).resolves.toBeUndefined();
  });
});
