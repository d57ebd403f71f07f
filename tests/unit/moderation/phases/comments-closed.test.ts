import { describe, expect, it } from "vitest";
import { commentsClosed } from "@/lib/moderation/phases/comments-closed";
import { input, makeCtx } from "../context";

describe("phase comments_closed", () => {
  it("rejects comments on a closed article, with a message saying so", async () => {
    const v = await commentsClosed.run(input("hello"), makeCtx({ article: { commentsOpen: false } }));
    expect(v?.status).toBe("rejected");
    expect(v?.reason).toBe("comments_closed");
    expect(v?.message).toMatch(/closed/);
  });
  it("has no opinion on an open article", async () => {
    expect(await commentsClosed.run(input("hello"), makeCtx())).toBeUndefined();
  });
});
