// The polls inside the article's question block. Server component: it stamps the render time, so that
// the cached HTML and the first client render agree on which polls are closed.
import type { PublicPoll } from "@/lib/articles/queries";
import { ArticlePolls } from "./ArticlePolls";

export function Polls({ slug, polls }: { slug: string; polls: PublicPoll[] }) {
  if (polls.length === 0) return null;
  return <ArticlePolls slug={slug} polls={polls} renderedAt={Date.now()} />;
}
