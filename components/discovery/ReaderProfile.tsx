import { useFormatter, useTranslations } from "next-intl";
import type { ReaderProfile } from "@/lib/profiles/profile";

/** A reader's public profile: name, member since, counts, approved comments (newest first, paged). */
export function ReaderProfileView({
  profile,
  basePath,
  pageQuery = false,
}: {
  profile: ReaderProfile;
  basePath: string;
  /** pages as ?page=n (admin) instead of /page/n (the cached public pages) */
  pageQuery?: boolean;
}) {
  const t = useTranslations("ReaderPage");
  const format = useFormatter();
  const date = (iso: string) => format.dateTime(new Date(iso), "long");
  const p = profile;
  const pageHref = (n: number) =>
    n === 1 ? basePath : pageQuery ? `${basePath}?page=${n}` : `${basePath}/page/${n}`;
  return (
    <>
      <header className="mb-6">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("kicker")}</p>
        <h1 className="text-3xl font-bold">{p.name}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">@{p.handle}</p>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">{t("memberSince")}</dt>
          <dd>
            <time dateTime={p.memberSince}>{date(p.memberSince)}</time>
          </dd>
          <dt className="font-medium">{t("comments")}</dt>
          <dd>{format.number(p.counts.comments)}</dd>
          <dt className="font-medium">{t("articles")}</dt>
          <dd>{format.number(p.counts.articles)}</dd>
          <dt className="font-medium">{t("upvotes")}</dt>
          <dd>{format.number(p.counts.upvotes)}</dd>
        </dl>
      </header>
      <section aria-labelledby="reader-comments">
        <h2 id="reader-comments" className="mb-3 text-xl font-semibold">
          {t("comments")}
        </h2>
        {p.comments.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">{t("noComments")}</p>
        ) : (
          <ol className="space-y-4">
            {p.comments.map((c) => (
              <li key={c.id} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  {t.rich("on", {
                    title: c.article.title,
                    article: (x) => <a href={`/articles/${c.article.slug}`}>{x}</a>,
                  })}{" "}
                  ·{" "}
                  <a href={c.url}>
                    <time dateTime={c.createdAt}>{date(c.createdAt)}</time>
                  </a>{" "}
                  · {t("up", { count: c.upvotes })}
                </p>
                {/* bodyHtml is the comment's sanitised HTML (lib/comments/render) */}
                <div
                  className="comment-body mt-1 break-words"
                  dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
                />
              </li>
            ))}
          </ol>
        )}
        {p.pages > 1 ? (
          <nav aria-label={t("pages")} className="mt-6 flex justify-between text-sm">
            {p.page > 1 ? (
              <a href={pageHref(p.page - 1)} rel="prev">
                {t("newer")}
              </a>
            ) : (
              <span />
            )}
            <span>{t("pageOf", { page: p.page, pages: p.pages })}</span>
            {p.page < p.pages ? (
              <a href={pageHref(p.page + 1)} rel="next">
                {t("older")}
              </a>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </>
  );
}
