// The comments under an article: the first page of threads, read from the shared in-memory page cache
// (lib/comments/cached) and rendered into the cached article page. Per-reader state loads in the client.
import { getCommentPage } from "@/lib/comments/cached";
import { commentLimits, THREADS } from "@/lib/comments/config";
import { pollFilterOptions } from "@/lib/comments/poll-tags";
import { CommentsSection } from "./CommentsSection";

export async function ArticleComments({
  slug,
  postAction,
}: {
  slug: string;
  postAction: (formData: FormData) => Promise<void>;
}) {
  const cached = await getCommentPage(slug, null, null);
  if (!cached) return null;
  const { page } = cached;
  const filterOptions = await pollFilterOptions(slug);
  return (
    <CommentsSection
      slug={slug}
      mode="article"
      initial={{ comments: page.comments, nextCursor: page.nextCursor, sort: page.sort }}
      commentsOpen={page.article.commentsOpen}
      limits={commentLimits()}
      maxDepth={THREADS.visibleDepth}
      postAction={postAction}
      filterOptions={filterOptions}
    />
  );
}
