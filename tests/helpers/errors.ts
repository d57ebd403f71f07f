// What a refused call answers, whichever error the domain threw: lib/ throws lib/errors.ts' named
// errors, and the route layer (lib/api/http.ts errorResponse) gives each kind its one HTTP status.
import { expect } from "vitest";
import { errorResponse } from "@/lib/api/http";

export interface Failure {
  status: number;
  code: string;
  message: string;
  field?: string;
  retryAfter?: number;
}

/** Awaits `p`, expects it to fail, and answers what the API would have sent for that failure. */
export async function failureOf(p: Promise<unknown>): Promise<Failure> {
  const e = await p.then(
    () => null,
    (err) => err,
  );
  expect(e, "expected the call to be refused").not.toBeNull();
  const res = errorResponse(e);
  const body = (await res.json()) as { error: { code: string; message: string; field?: string } };
  expect(res.status, `unexpected error: ${(e as Error)?.stack}`).not.toBe(500);
  const retry = res.headers.get("retry-after");
  return {
    status: res.status,
    code: body.error.code,
    message: body.error.message,
    ...(body.error.field ? { field: body.error.field } : {}),
    ...(retry ? { retryAfter: Number(retry) } : {}),
  };
}
