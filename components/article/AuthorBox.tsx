import { useTranslations } from "next-intl";
import type { PublicAuthor } from "@/lib/articles/queries";

/** Public profile only: name, job, hobbies, introduction. Never birthday, address or phone. */
export function AuthorBox({ author }: { author: PublicAuthor }) {
  const t = useTranslations("Author");
  return (
    <section
      aria-labelledby="author-info"
      className="mt-10 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800"
    >
      <h2 id="author-info" className="text-lg font-semibold">
        {t("info")}
      </h2>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="font-medium">{t("name")}</dt>
        <dd>
          <a href={`/authors/${author.slug}`}>{author.name}</a>
        </dd>
        <AuthorFacts author={author} />
      </dl>
      {author.introduction ? (
        <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">{author.introduction}</p>
      ) : null}
    </section>
  );
}

/** An author's job and hobbies as <dt>/<dd> pairs (the article's author box and the author page). */
export function AuthorFacts({ author }: { author: Pick<PublicAuthor, "job" | "hobbies"> }) {
  const t = useTranslations("Author");
  return (
    <>
      {author.job ? (
        <>
          <dt className="font-medium">{t("job")}</dt>
          <dd>{author.job}</dd>
        </>
      ) : null}
      {author.hobbies.length ? (
        <>
          <dt className="font-medium">{t("hobbies")}</dt>
          <dd>{author.hobbies.join(", ")}</dd>
        </>
      ) : null}
    </>
  );
}
