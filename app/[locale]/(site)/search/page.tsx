// Site search. The page renders per request (it depends on ?q=); the results come from lib/search's
// in-memory cache, kept until something searchable changes. A query of 0-1 characters shows a hint and
// runs nothing; over 200 characters says so (the API answers 422).
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { formatDate } from "@/components/ui/format";
import { isDomainError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client";
import { checkQuery, SEARCH_MAX_CHARS, SEARCH_MIN_CHARS, type SearchResult, search } from "@/lib/search";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search", robots: { index: false, follow: true } };

type Props = {
  searchParams: Promise<{ q?: string | string[]; type?: string | string[]; cursor?: string | string[] }>;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function SearchPage({ searchParams }: Props) {
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
    if (!check.ok) hint = raw.trim() ? `Enter at least ${SEARCH_MIN_CHARS} characters to search.` : null;
    else result = await search(check.q, type, cursor, clientIp(await headers()));
  } catch (e) {
    if (!isDomainError(e)) throw e;
    hint =
      e.kind === "rate_limited" ? e.message : `A search can be at most ${SEARCH_MAX_CHARS} characters long.`;
  }
  const q = raw.slice(0, 400);
  const link = (t: string | null) => `/search?q=${encodeURIComponent(q)}${t ? `&type=${t}` : ""}`;
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold">Search</h1>
      <search>
        <form action="/search" method="get" className="mt-4 flex flex-wrap gap-2">
          <label htmlFor="search-q" className="sr-only">
            Search articles and comments
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={SEARCH_MAX_CHARS + 50}
            aria-describedby="search-hint"
            placeholder="Search articles and comments"
            className="min-w-0 flex-1 rounded border border-zinc-400 bg-transparent px-3 py-2"
          />
          {type ? <input type="hidden" name="type" value={type} /> : null}
          <button
            type="submit"
            className="rounded bg-zinc-900 px-4 py-2 text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            Search
          </button>
        </form>
      </search>
      <p id="search-hint" className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {hint ??
          'Words, "an exact phrase", OR between alternatives, -word to leave a word out. Accents do not matter.'}
      </p>
      {result ? (
        <section aria-labelledby="search-results" className="mt-6">
          <h2 id="search-results" className="text-xl font-semibold">
            Results for “{result.query}”
          </h2>
          <nav aria-label="Result type" className="mt-2 flex gap-4 text-sm">
            {[
              [null, "All"],
              ["articles", "Articles"],
              ["comments", "Comments"],
            ].map(([t, label]) => (
              <Link key={label} href={link(t)} aria-current={t === type ? "page" : undefined}>
                {label}
              </Link>
            ))}
          </nav>
          {result.results.length === 0 ? (
            <p className="mt-4">Nothing found. Try other words.</p>
          ) : (
            <ol className="mt-4 space-y-4">
              {result.results.map((r) => (
                <li
                  key={`${r.type}-${r.id}`}
                  className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
                >
                  <p className="text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
                    {r.type === "article" ? "Article" : "Comment"}
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
                      "Former reader"
                    )}{" "}
                    · <time dateTime={r.date}>{formatDate(r.date)}</time>
                  </p>
                </li>
              ))}
            </ol>
          )}
          {result.nextCursor ? (
            <p className="mt-6 text-sm">
              <Link href={`${link(type)}&cursor=${result.nextCursor}`}>More results →</Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </main>
  );
}
