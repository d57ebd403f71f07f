import { describe, expect, it } from "vitest";
import { honeypot } from "@/lib/moderation/phases/honeypot";
import { input, makeCtx } from "../context";

describe("phase honeypot", () => {
  it("marks a filled hidden field as spam", async () => {
    const v = await honeypot.run(input("hi", { honeypot: "http://spam" }), makeCtx());
    expect(v).toMatchObject({ status: "spam", reason: "honeypot", tags: ["bot"] });
  });
  it("ignores an empty or blank field", async () => {
    expect(await honeypot.run(input("hi", { honeypot: "" }), makeCtx())).toBeUndefined();
    expect(await honeypot.run(input("hi", { honeypot: "  " }), makeCtx())).toBeUndefined();
    expect(await honeypot.run(input("hi"), makeCtx())).toBeUndefined();
  });
});
