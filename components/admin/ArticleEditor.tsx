"use client";
// The article editor (admins): Markdown body with a server-rendered preview, author, tags, the closing
// question and its polls, publishing (now, scheduled, or draft), comments open/closed, quiet hours and
// moderation mode. Saves through the admin API; errors name the field.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";
import type { ArticleForEdit } from "@/lib/articles/editor";

interface OptionDraft {
  id?: string;
  label: string;
}
interface PollDraft {
  id?: string;
  question: string;
  multiple: boolean;
  maxChoices: number;
  closesAt: string;
  resultsVisibility: "always" | "after_vote" | "after_close";
  whoMayVote: "anyone" | "signed_in";
  options: OptionDraft[];
}

/** ISO instant ↔ the browser's local "YYYY-MM-DDTHH:MM" for datetime-local inputs */
function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function fromLocalInput(v: string): string | null {
  return v ? new Date(v).toISOString() : null;
}

/** The polls as the editor holds them (with their ids, so that saving again updates rather than adds). */
function pollDrafts(article: ArticleForEdit | null): PollDraft[] {
  return (article?.question?.polls ?? []).map((p) => ({
    id: p.id,
    question: p.question,
    multiple: p.multiple ?? false,
    maxChoices: p.maxChoices ?? 1,
    closesAt: toLocalInput(p.closesAt),
    resultsVisibility: p.resultsVisibility ?? "after_vote",
    whoMayVote: p.whoMayVote ?? "anyone",
    options: p.options.map((o) => ({ id: o.id, label: o.label })),
  }));
}

const emptyPoll = (): PollDraft => ({
  question: "",
  multiple: false,
  maxChoices: 1,
  closesAt: "",
  resultsVisibility: "after_vote",
  whoMayVote: "anyone",
  options: [{ label: "" }, { label: "" }],
});

export function ArticleEditor({
  article,
  authors,
}: {
  article: ArticleForEdit | null;
  authors: { id: string; name: string; job: string | null }[];
}) {
  const router = useRouter();
  const uid = useId();
  const [title, setTitle] = useState(article?.title ?? "");
  const [slug, setSlug] = useState(article?.slug ?? "");
  const [description, setDescription] = useState(article?.description ?? "");
  const [body, setBody] = useState(article?.body ?? "");
  const [authorId, setAuthorId] = useState(article?.authorId ?? authors[0]?.id ?? "");
  const [newAuthorName, setNewAuthorName] = useState("");
  const [newAuthorJob, setNewAuthorJob] = useState("");
  const [tags, setTags] = useState((article?.tags ?? []).join(", "));
  const [status, setStatus] = useState<"draft" | "published">(article?.status ?? "draft");
  const [publishedAt, setPublishedAt] = useState(toLocalInput(article?.publishedAt));
  const [commentsOpen, setCommentsOpen] = useState(article?.commentsOpen ?? true);
  const [moderationMode, setModerationMode] = useState(article?.moderationMode ?? "default");
  const [quietStart, setQuietStart] = useState(article?.quietStart ?? "");
  const [quietEnd, setQuietEnd] = useState(article?.quietEnd ?? "");
  const [hasQuestion, setHasQuestion] = useState(Boolean(article?.question));
  const [heading, setHeading] = useState(article?.question?.heading ?? "Thought-provoking question");
  const [qText, setQText] = useState(article?.question?.text ?? "");
  const [cta, setCta] = useState(article?.question?.callToAction ?? "Share your view in the comments.");
  const [polls, setPolls] = useState<PollDraft[]>(pollDrafts(article));
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [msg, setMsg] = useState("");
  const [busy, setBusy] = useState(false);

  const setPoll = (i: number, p: Partial<PollDraft>) =>
    setPolls((ps) => ps.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const bad = (field: string) =>
    error?.field === field || error?.field?.startsWith(`${field}.`) ? true : undefined;

  function payload() {
    return {
      title,
      ...(slug.trim() ? { slug: slug.trim() } : {}),
      description: description.trim() || null,
      body,
      ...(authorId === "__new"
        ? { newAuthor: { name: newAuthorName, ...(newAuthorJob ? { job: newAuthorJob } : {}) } }
        : { authorId }),
      tags: tags
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      status,
      publishedAt: fromLocalInput(publishedAt),
      commentsOpen,
      moderationMode,
      quietStart: quietStart || null,
      quietEnd: quietEnd || null,
      question: hasQuestion
        ? {
            heading,
            text: qText,
            callToAction: cta,
            polls: polls.map((p) => ({
              ...(p.id ? { id: p.id } : {}),
              question: p.question,
              multiple: p.multiple,
              maxChoices: p.multiple ? p.maxChoices : 1,
              closesAt: fromLocalInput(p.closesAt),
              resultsVisibility: p.resultsVisibility,
              whoMayVote: p.whoMayVote,
              options: p.options.map((o) => ({ ...(o.id ? { id: o.id } : {}), label: o.label })),
            })),
          }
        : null,
    };
  }

  async function save() {
    setBusy(true);
    setMsg("");
    const r = article
      ? await callApi<{ changed: string[]; article: ArticleForEdit }>(
          "PUT",
          `/api/v1/admin/articles/${article.id}`,
          payload(),
        )
      : await callApi<{ article: { id: string; slug: string } }>("POST", "/api/v1/admin/articles", payload());
    setBusy(false);
    if (!r.ok) {
      setError(r.error!);
      return;
    }
    setError(null);
    if (!article) {
      const created = (r.data as { article: { id: string } }).article;
      router.push(`/admin/articles/${created.id}?saved=1`);
      return;
    }
    const saved = r.data as { changed: string[]; article: ArticleForEdit };
    // new polls and options now have ids: keep them, so that the next save updates them
    setPolls(pollDrafts(saved.article));
    setSlug(saved.article.slug);
    setMsg(saved.changed.length ? `Saved (${saved.changed.join(", ")}).` : "Nothing changed.");
    router.refresh();
  }

  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {error ? (
        <p
          role="alert"
          className="rounded border border-red-400 bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          Not saved: {error.message}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="min-h-6 font-medium">
        {msg}
      </p>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="text-lg font-semibold">Article</legend>
        <label className="flex flex-col text-sm md:col-span-2">
          Title
          <input
            className={inputClass}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={bad("title")}
            required
            maxLength={200}
          />
        </label>
        <label className="flex flex-col text-sm">
          Slug (address; empty = from the title)
          <input
            className={inputClass}
            value={slug}
            onChange={(e) => setSlug(e.target.value)}
            aria-invalid={bad("slug")}
            maxLength={100}
          />
        </label>
        <label className="flex flex-col text-sm">
          Tags (comma-separated)
          <input
            className={inputClass}
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            aria-invalid={bad("tags")}
          />
        </label>
        <label className="flex flex-col text-sm md:col-span-2">
          Description (for lists and search engines)
          <input
            className={inputClass}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={500}
          />
        </label>
        <label className="flex flex-col text-sm">
          Author
          <select
            className={inputClass}
            value={authorId}
            onChange={(e) => setAuthorId(e.target.value)}
            aria-invalid={bad("authorId")}
          >
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
                {a.job ? ` — ${a.job}` : ""}
              </option>
            ))}
            <option value="__new">New author…</option>
          </select>
        </label>
        {authorId === "__new" ? (
          <div className="grid grid-cols-2 gap-2">
            <label className="flex flex-col text-sm">
              New author's name
              <input
                className={inputClass}
                value={newAuthorName}
                onChange={(e) => setNewAuthorName(e.target.value)}
                aria-invalid={bad("newAuthor")}
              />
            </label>
            <label className="flex flex-col text-sm">
              Job (optional)
              <input
                className={inputClass}
                value={newAuthorJob}
                onChange={(e) => setNewAuthorJob(e.target.value)}
              />
            </label>
          </div>
        ) : null}
        <label className="flex flex-col text-sm md:col-span-2">
          Body (Markdown)
          <textarea
            className={`${inputClass} font-mono`}
            rows={16}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={bad("body")}
            required
          />
        </label>
        <div className="md:col-span-2">
          <button
            type="button"
            className={buttonClass("secondary", "sm")}
            onClick={async () => {
              const r = await callApi<{ html: string }>("POST", "/api/v1/admin/articles/preview", { body });
              setPreview(r.ok ? r.data!.html : `<p>${r.error!.message}</p>`);
            }}
          >
            Preview
          </button>
          {preview !== null ? (
            <section
              aria-label="Preview"
              className="prose-article mt-3 rounded border border-dashed border-zinc-400 p-3"
            >
              <div dangerouslySetInnerHTML={{ __html: preview }} />
            </section>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="text-lg font-semibold">Publishing and comments</legend>
        <div className="flex flex-col text-sm" role="radiogroup" aria-labelledby={`${uid}-status`}>
          <span id={`${uid}-status`}>Status</span>
          <label>
            <input
              type="radio"
              name="status"
              checked={status === "draft"}
              onChange={() => setStatus("draft")}
            />{" "}
            Draft
          </label>
          <label>
            <input
              type="radio"
              name="status"
              checked={status === "published"}
              onChange={() => setStatus("published")}
            />{" "}
            Published
          </label>
        </div>
        <label className="flex flex-col text-sm">
          Publish at (empty = now; a future time schedules it)
          <input
            type="datetime-local"
            className={inputClass}
            value={publishedAt}
            onChange={(e) => setPublishedAt(e.target.value)}
            aria-invalid={bad("publishedAt")}
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={commentsOpen} onChange={(e) => setCommentsOpen(e.target.checked)} />{" "}
          Comments open
        </label>
        <label className="flex flex-col text-sm">
          Moderation mode
          <select
            className={inputClass}
            value={moderationMode}
            onChange={(e) => setModerationMode(e.target.value as ArticleForEdit["moderationMode"])}
          >
            <option value="default">site default</option>
            <option value="post">post-moderation</option>
            <option value="pre">premoderation (hold every comment)</option>
          </select>
        </label>
        <label className="flex flex-col text-sm">
          Quiet hours start (comments close daily)
          <input
            type="time"
            className={inputClass}
            value={quietStart}
            onChange={(e) => setQuietStart(e.target.value)}
            aria-invalid={bad("quietStart")}
          />
        </label>
        <label className="flex flex-col text-sm">
          Quiet hours end
          <input
            type="time"
            className={inputClass}
            value={quietEnd}
            onChange={(e) => setQuietEnd(e.target.value)}
            aria-invalid={bad("quietEnd")}
          />
        </label>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">Question and polls</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={hasQuestion} onChange={(e) => setHasQuestion(e.target.checked)} />{" "}
          The article ends with a question
        </label>
        {hasQuestion ? (
          <div className="grid gap-3 md:grid-cols-3">
            <label className="flex flex-col text-sm">
              Question heading
              <input
                className={inputClass}
                value={heading}
                onChange={(e) => setHeading(e.target.value)}
                aria-invalid={bad("question.heading")}
              />
            </label>
            <label className="flex flex-col text-sm md:col-span-2">
              Question
              <input
                className={inputClass}
                value={qText}
                onChange={(e) => setQText(e.target.value)}
                aria-invalid={bad("question.text")}
              />
            </label>
            <label className="flex flex-col text-sm md:col-span-3">
              Call to action
              <input
                className={inputClass}
                value={cta}
                onChange={(e) => setCta(e.target.value)}
                aria-invalid={bad("question.callToAction")}
              />
            </label>
            {polls.map((p, i) => (
              <fieldset
                key={p.id ?? `new-${i}`}
                className="rounded border border-zinc-300 p-3 md:col-span-3 dark:border-zinc-700"
              >
                <legend className="font-medium">Poll {i + 1}</legend>
                <div className="grid gap-2 md:grid-cols-3">
                  <label className="flex flex-col text-sm md:col-span-3">
                    Poll question
                    <input
                      className={inputClass}
                      value={p.question}
                      onChange={(e) => setPoll(i, { question: e.target.value })}
                      aria-invalid={bad(`question.polls.${i}.question`)}
                    />
                  </label>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={p.multiple}
                      onChange={(e) => setPoll(i, { multiple: e.target.checked })}
                    />{" "}
                    Several choices allowed
                  </label>
                  {p.multiple ? (
                    <label className="flex flex-col text-sm">
                      At most
                      <input
                        type="number"
                        min={1}
                        className={inputClass}
                        value={p.maxChoices}
                        onChange={(e) => setPoll(i, { maxChoices: Number(e.target.value) })}
                      />
                    </label>
                  ) : null}
                  <label className="flex flex-col text-sm">
                    Results shown
                    <select
                      className={inputClass}
                      value={p.resultsVisibility}
                      onChange={(e) =>
                        setPoll(i, { resultsVisibility: e.target.value as PollDraft["resultsVisibility"] })
                      }
                    >
                      <option value="after_vote">after voting</option>
                      <option value="always">always</option>
                      <option value="after_close">after the poll closes</option>
                    </select>
                  </label>
                  <label className="flex flex-col text-sm">
                    Who may vote
                    <select
                      className={inputClass}
                      value={p.whoMayVote}
                      onChange={(e) => setPoll(i, { whoMayVote: e.target.value as PollDraft["whoMayVote"] })}
                    >
                      <option value="anyone">anyone</option>
                      <option value="signed_in">signed-in readers</option>
                    </select>
                  </label>
                  <label className="flex flex-col text-sm">
                    Closes at (optional)
                    <input
                      type="datetime-local"
                      className={inputClass}
                      value={p.closesAt}
                      onChange={(e) => setPoll(i, { closesAt: e.target.value })}
                    />
                  </label>
                </div>
                <ol className="mt-2 space-y-1">
                  {p.options.map((o, j) => (
                    <li key={o.id ?? `o-${j}`} className="flex items-end gap-2">
                      <label className="flex flex-1 flex-col text-sm">
                        Option {j + 1}
                        <input
                          className={inputClass}
                          value={o.label}
                          aria-invalid={bad(`question.polls.${i}.options.${j}`)}
                          onChange={(e) =>
                            setPoll(i, {
                              options: p.options.map((x, k) =>
                                k === j ? { ...x, label: e.target.value } : x,
                              ),
                            })
                          }
                        />
                      </label>
                      <button
                        type="button"
                        className={buttonClass("secondary", "sm")}
                        aria-label={`Remove option ${j + 1} of poll ${i + 1}`}
                        onClick={() => setPoll(i, { options: p.options.filter((_, k) => k !== j) })}
                      >
                        Remove
                      </button>
                    </li>
                  ))}
                </ol>
                <div className="mt-2 flex gap-2">
                  <button
                    type="button"
                    className={buttonClass("secondary", "sm")}
                    onClick={() => setPoll(i, { options: [...p.options, { label: "" }] })}
                  >
                    Add option
                  </button>
                  <button
                    type="button"
                    className={buttonClass("danger", "sm")}
                    onClick={() => setPolls((ps) => ps.filter((_, k) => k !== i))}
                  >
                    Remove poll {i + 1}
                  </button>
                </div>
              </fieldset>
            ))}
            <div className="md:col-span-3">
              <button
                type="button"
                className={buttonClass("secondary", "sm")}
                onClick={() => setPolls((ps) => [...ps, emptyPoll()])}
              >
                Add a poll
              </button>
            </div>
          </div>
        ) : null}
      </fieldset>
      <div className="flex gap-3">
        <button type="submit" className={buttonClass("primary", "sm")} disabled={busy}>
          {article ? "Save changes" : "Create article"}
        </button>
        {article ? (
          <a href={`/articles/${article.slug}`} target="_blank" rel="noreferrer">
            View the public page
          </a>
        ) : null}
      </div>
    </form>
  );
}
