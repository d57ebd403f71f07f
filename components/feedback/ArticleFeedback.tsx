"use client";
// "Rate this article" (1–5 stars) and "Was this page helpful? Yes / No". Plain forms that post to
// /articles/{slug}/feedback without JavaScript; with it, answers go through the API, the reader's own
// answers are shown, and the figures in the article information are refreshed in place.
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { helpfulText, type RatingFigures, ratingText } from "@/components/article/stats-text";
import { callApi } from "@/components/ui/api";

type Mine = { rating: number | null; helpful: boolean | null };
type Body = { stats?: RatingFigures; mine?: Mine } | null;

type Wording = {
  t: Parameters<typeof ratingText>[1];
  format: Parameters<typeof ratingText>[2];
};

function showFigures(s: RatingFigures, { t, format }: Wording) {
  const rating = document.querySelector('[data-stat="rating"]');
  if (rating) rating.textContent = ratingText(s, t, format);
  const helpful = document.querySelector<HTMLElement>('[data-stat="helpful"]');
  if (helpful) {
    helpful.textContent = helpfulText(s, t);
    helpful.hidden = s.helpfulPercent == null;
  }
}

const button =
  "rounded border border-zinc-400 px-3 py-1 text-sm font-medium hover:bg-zinc-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 aria-disabled:opacity-60 dark:border-zinc-500 dark:hover:bg-zinc-800";

export function ArticleFeedback({ slug }: { slug: string }) {
  const t = useTranslations("Feedback");
  const wording = { t: useTranslations("Article"), format: useFormatter() };
  // the figures are refreshed from effects: the wording is read there, not a trigger
  const words = useRef(wording);
  words.current = wording;
  const url = `/api/v1/articles/${encodeURIComponent(slug)}/feedback`;
  const [mine, setMine] = useState<Mine>({ rating: null, helpful: null });
  const [picked, setPicked] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  // after rating or answering, focus moves to the message saying what happened (never <body>)
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (msg?.text) statusRef.current?.focus();
  }, [msg]);

  useEffect(() => {
    let live = true;
    void callApi<Body>("GET", url).then((r) => {
      const d = r.data;
      if (!live || !d?.stats || !d.mine) return;
      setMine(d.mine);
      setPicked((p) => p ?? d.mine!.rating);
      showFigures(d.stats, words.current);
    });
    return () => {
      live = false;
    };
  }, [url]);

  async function send(change: Partial<Mine>, thanks: string) {
    if (busy) return; // the buttons stay focusable (aria-disabled) while saving
    setBusy(true);
    const r = await callApi<Body>("PUT", url, change);
    setBusy(false);
    const body = r.data;
    if (!body?.stats || !body.mine) {
      setMsg({ text: r.error?.message ?? t("saveFailed"), error: true });
      return;
    }
    setMine(body.mine);
    showFigures(body.stats, words.current);
    setMsg({ text: thanks, error: false });
  }

  function rate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const n = Number(new FormData(e.currentTarget).get("rating"));
    if (!n) {
      setMsg({ text: t("chooseStars"), error: true });
      return;
    }
    void send({ rating: n }, t("thanksRating", { n }));
  }

  const shown = picked ?? mine.rating ?? 0;
  return (
    <section
      id="feedback"
      aria-labelledby="feedback-heading"
      className="mt-3 flex flex-wrap items-start gap-x-8 gap-y-3 rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800"
    >
      <h2 id="feedback-heading" className="sr-only">
        {t("heading")}
      </h2>
      <form
        method="post"
        action={`/articles/${slug}/feedback`}
        onSubmit={rate}
        className="flex flex-wrap items-center gap-2"
      >
        <fieldset className="flex items-center gap-2">
          <legend className="float-start me-2 font-medium">{t("rateLegend")}</legend>
          <div className="flex">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="cursor-pointer">
                <input
                  type="radio"
                  name="rating"
                  value={n}
                  checked={picked === n}
                  onChange={() => setPicked(n)}
                  className="peer sr-only"
                />
                <span
                  aria-hidden="true"
                  className={`block rounded px-0.5 text-2xl leading-none peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-blue-700 ${n <= shown ? "text-amber-600 dark:text-amber-400" : "text-zinc-400 dark:text-zinc-600"}`}
                >
                  {n <= shown ? "★" : "☆"}
                </span>
                <span className="sr-only">{t("stars", { count: n })}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" aria-disabled={busy || undefined} className={button}>
          {t("rate")}
        </button>
        {mine.rating != null ? (
          <span className="text-zinc-700 dark:text-zinc-300">{t("yourRating", { n: mine.rating })}</span>
        ) : null}
      </form>
      <form method="post" action={`/articles/${slug}/feedback`} className="flex flex-wrap items-center gap-2">
        <span id="helpful-question" className="font-medium">
          {t("helpfulQuestion")}
        </span>
        {(
          [
            ["yes", true, t("yes")],
            ["no", false, t("no")],
          ] as const
        ).map(([value, answer, label]) => (
          <button
            key={value}
            type="submit"
            name="helpful"
            value={value}
            aria-disabled={busy || undefined}
            aria-pressed={mine.helpful === answer}
            aria-describedby="helpful-question"
            className={`${button} ${mine.helpful === answer ? "bg-blue-700 text-white hover:bg-blue-800 dark:bg-blue-600" : ""}`}
            onClick={(e) => {
              e.preventDefault();
              void send({ helpful: answer }, t("thanks"));
            }}
          >
            {label}
          </button>
        ))}
      </form>
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={`basis-full outline-none ${msg?.error ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-300"}`}
      >
        {msg?.text ?? ""}
      </p>
    </section>
  );
}
