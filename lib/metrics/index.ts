// Application metrics for /api/metrics (Prometheus, prom-client). Features increment the named counters
// and register their queues here; request counts and latency are recorded by server/main.mjs.
//   commentsPosted.inc({ status: "approved" })   votesCast.inc({ kind: "comment" })   pollVotes.inc()
//   registerQueueSize("moderation", () => countPending())
import { getMetrics } from "@/server/metrics.cjs";

const m = getMetrics();

/** Comments accepted for processing, labelled with the status moderation gave them. */
export const commentsPosted = m.commentsPosted;
/** Votes on comments and articles, labelled by kind ("comment", "rating", "helpful"). */
export const votesCast = m.votesCast;
/** Poll votes. */
export const pollVotes = m.pollVotes;
export const metricsRegistry = m.registry;

/**
 * Reports a queue's size as `agora_queue_size{queue="<name>"}`, read at every scrape. Registering the
 * same name again replaces the reader; the returned function removes it.
 */
export function registerQueueSize(name: string, read: () => number | Promise<number>): () => void {
  m.queueSizes.set(name, read);
  return () => {
    if (m.queueSizes.get(name) === read) m.queueSizes.delete(name);
  };
}

export { getMetrics };
