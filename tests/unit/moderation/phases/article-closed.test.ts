import { describe, expect, it } from "vitest";
import { articleClosed } from "@/lib/moderation/phases/article-closed";
import { input, makeCtx } from "../context";

describe("phase article_closed", () => {
  it("rejects comments on a closed article, with a message saying so", async () => {
    const v = await articleClosed.run(input("hello"), makeCtx({ article: { commentsOpen: false } }));
    expect(v?.status).toBe("rejected");
    expect(v?.reason).toBe("article_closed");
    expect(v?.message).toMatch(/closed/);
  });
  it("has no opinion on an open article", async () => {
    expect(await articleClosed.run(input("hello"), makeCtx())).toBeUndefined();
  });
});
