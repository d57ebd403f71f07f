import { describe, expect, it } from "vitest";
import { errorResponse, isTransientDbError, mapDbError } from "@/lib/api/http";

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("database outage errors", () => {
  it("recognises the driver's and the server's transient codes, however wrapped", () => {
    for (const code of [
      "ECONNREFUSED",
      "CONNECTION_CLOSED",
      "CONNECT_TIMEOUT",
      "57P01",
      "57P03",
      "08006",
      "08P01",
      "53300",
    ])
      expect(isTransientDbError(withCode(code)), code).toBe(true);
    // drizzle wraps the driver's error as `cause`; node's connect wraps per-address errors in `errors`
    expect(isTransientDbError(new Error("Failed query", { cause: withCode("CONNECTION_ENDED") }))).toBe(true);
    const agg = Object.assign(new AggregateError([withCode("ECONNREFUSED")], "connect"), {});
    expect(isTransientDbError(agg)).toBe(true);
    for (const code of ["23505", "42P01", "22P02", "40001"])
      expect(isTransientDbError(withCode(code)), code).toBe(false);
    expect(isTransientDbError(new Error("plain"))).toBe(false);
  });

  it("answers 503 with Retry-After and a message that says nothing changed", async () => {
    expect(mapDbError(withCode("57P01"))).toMatchObject({ status: 503, headers: { "retry-after": "5" } });
    const r = errorResponse(new Error("Failed query", { cause: withCode("ECONNREFUSED") }));
    expect(r.status).toBe(503);
    expect(r.headers.get("retry-after")).toBe("5");
    expect(await r.json()).toEqual({
      error: { code: "unavailable", message: expect.stringMatching(/nothing was changed/) },
    });
  });
});
