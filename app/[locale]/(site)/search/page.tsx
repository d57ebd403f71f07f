// Site search. The page renders per request (it depends on ?q=); the results come from lib/search's
// in-memory cache, kept until something searchable changes. A query of 0-1 characters shows a hint and
// runs nothing; over 200 characters says so (the API answers 422).
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { isDomainError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client";
import { pageLocale } from "@/lib/i18n/server";
import { checkQuery, SEARCH_MAX_CHARS, SEARCH_MIN_CHARS, type SearchResult, search } from "@/lib/search";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ q?: string | string[]; type?: string | string[]; cursor?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Search" });
  return { title: t("title"), robots: { index: false, follow: true } };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function SearchPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const t = await getTranslations("Search");
  const format = await getFormatter();
  const sp = await searchParams;
  const raw = one(sp.q);
  const typeRaw = one(sp.type);
  const type = typeRaw === "articles" || typeRaw === "comments" ? typeRaw : null;
  const cursorRaw = one(sp.cursor);
  const cursor = /^\d{1,4}$/.test(cursorRaw) ? cursorRaw : null;
  let hint: string | null = null;
  let result: SearchResult | null = null;
  try {
    const check = checkQuery(raw);
    if (!check.ok) hint = raw.trim() ? t("tooShort", { min: SEARCH_MIN_CHARS }) : null;
    else result = await search(check.q, type, cursor, clientIp(await headers()));
  } catch (e) {
    if (!isDomainError(e)) throw e;
    hint = e.kind === "rate_limited" ? e.message : t("tooLong", { max: SEARCH_MAX_CHARS });
  }
  const q = raw.slice(0, 400);
  const link = (k: string | null) => `/search?q=${encodeURIComponent(q)}${k ? `&type=${k}` : ""}`;
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <search>
        <form action="/search" method="get" className="mt-4 flex flex-wrap gap-2">
          <label htmlFor="search-q" className="sr-only">
            {t("label")}
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={SEARCH_MAX_CHARS + 50}
            aria-describedby="search-hint"
            placeholder={t("label")}
            className="min-w-0 flex-1 rounded border border-zinc-400 bg-transparent px-3 py-2"
          />
          {type ? <input type="hidden" name="type" value={type} /> : null}
          <button
            type="submit"
            className="rounded bg-zinc-900 px-4 py-2 text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            {t("submit")}
          </button>
        </form>
      </search>
      <p id="search-hint" className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {hint ?? t("help")}
      </p>
      {result ? (
        <section aria-labelledby="search-results" className="mt-6">
          <h2 id="search-results" className="text-xl font-semibold">
            {t("resultsFor", { query: result.query })}
          </h2>
          <nav aria-label={t("resultType")} className="mt-2 flex gap-4 text-sm">
            {(
              [
                [null, t("all")],
                ["articles", t("articles")],
                ["comments", t("comments")],
              ] as const
            ).map(([k, label]) => (
              <Link key={label} href={link(k)} aria-current={k === type ? "page" : undefined}>
                {label}
              </Link>
            ))}
          </nav>
          {result.results.length === 0 ? (
            <p className="mt-4">{t("nothing")}</p>
          ) : (
            <ol className="mt-4 space-y-4">
              {result.results.map((r) => (
                <li
                  key={`${r.type}-${r.id}`}
                  className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
                >
                  <p className="text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
                    {r.type === "article" ? t("article") : t("comment")}
                  </p>
                  <h3 className="text-lg font-semibold">
                    <Link href={r.url}>{r.title}</Link>
                  </h3>
                  {/* the snippet is escaped text with <mark> around matches (lib/search snippetHtml) */}
                  <p
                    className="search-snippet mt-1 text-sm"
                    dangerouslySetInnerHTML={{ __html: r.snippet }}
                  />
                  <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                    {r.author ? (
                      r.author.handle ? (
                        <Link href={`/readers/${r.author.handle}`}>{r.author.name}</Link>
                      ) : (
                        r.author.name
                      )
                    ) : (
                      t("formerReader")
                    )}{" "}
                    · <time dateTime={r.date}>{format.dateTime(new Date(r.date), "long")}</time>
                  </p>
                </li>
              ))}
            </ol>
          )}
          {result.nextCursor ? (
            <p className="mt-6 text-sm">
              <Link href={`${link(type)}&cursor=${result.nextCursor}`}>{t("more")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </main>
  );
}
