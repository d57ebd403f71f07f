import { describe, expect, it } from "vitest";
import { commentsPosted, metricsRegistry, pollVotes, registerQueueSize, votesCast } from "@/lib/metrics";
import { metricsAccess } from "@/lib/metrics/endpoint";

describe("metrics", () => {
  it("is disabled without METRICS_TOKEN, and needs the exact bearer token", () => {
    expect(metricsAccess("Bearer x", undefined)).toBe("disabled");
    expect(metricsAccess("Bearer x", "")).toBe("disabled");
    expect(metricsAccess(null, "t0ken")).toBe("missing");
    expect(metricsAccess("Bearer t0ke", "t0ken")).toBe("wrong");
    expect(metricsAccess("Basic dDBrZW4=", "t0ken")).toBe("wrong");
    expect(metricsAccess("Bearer t0ken", "t0ken")).toBe("ok");
  });

  it("exposes the named counters and queue sizes in Prometheus format", async () => {
    commentsPosted.inc({ status: "approved" });
    votesCast.inc({ kind: "comment" }, 2);
    pollVotes.inc();
    const remove = registerQueueSize("moderation", async () => 7);
    let text = await metricsRegistry.metrics();
    expect(text).toMatch(/agora_comments_posted_total\{status="approved",app="agora"\} 1/);
    expect(text).toMatch(/agora_votes_cast_total\{kind="comment",app="agora"\} 2/);
    expect(text).toMatch(/agora_poll_votes_total\{app="agora"\} 1/);
    expect(text).toMatch(/agora_queue_size\{queue="moderation",app="agora"\} 7/);
    expect(text).toContain("agora_process_cpu_seconds_total");
    expect(text).toContain("agora_http_request_duration_seconds");
    remove();
    text = await metricsRegistry.metrics();
    expect(text).not.toContain('queue="moderation"');
  });
});
