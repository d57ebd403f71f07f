"use client";
// The article editor (admins): Markdown body with a server-rendered preview, author, tags, the closing
// question and its polls, publishing (now, scheduled, or draft), comments open/closed, quiet hours and
// moderation mode. Saves through the admin API; errors name the field.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";
import type { ArticleForEdit } from "@/lib/articles/editor";
import { AuthorAccount } from "./AuthorAccount";
import {
  type ArticleDraft,
  type Change,
  draftPayload,
  pollDrafts,
  useArticleDraft,
} from "./article-editor/draft";
import { PollsEditor } from "./article-editor/PollsEditor";

export function ArticleEditor({
  article,
  authors,
}: {
  article: ArticleForEdit | null;
  authors: { id: string; name: string; job: string | null; accountEmail?: string | null }[];
}) {
  const t = useTranslations("AdminArticleEditor");
  const router = useRouter();
  const uid = useId();
  const { draft, update, setPoll } = useArticleDraft(article, authors);
  const {
    title,
    slug,
    description,
    body,
    authorId,
    newAuthorName,
    newAuthorJob,
    tags,
    status,
    publishedAt,
    commentsOpen,
    moderationMode,
    quietStart,
    quietEnd,
    hasQuestion,
    heading,
    qText,
    cta,
    polls,
  } = draft;
  const setTitle = (v: Change<ArticleDraft["title"]>) => update("title", v);
  const setSlug = (v: Change<ArticleDraft["slug"]>) => update("slug", v);
  const setDescription = (v: Change<ArticleDraft["description"]>) => update("description", v);
  const setBody = (v: Change<ArticleDraft["body"]>) => update("body", v);
  const setAuthorId = (v: Change<ArticleDraft["authorId"]>) => update("authorId", v);
  const setNewAuthorName = (v: Change<ArticleDraft["newAuthorName"]>) => update("newAuthorName", v);
  const setNewAuthorJob = (v: Change<ArticleDraft["newAuthorJob"]>) => update("newAuthorJob", v);
  const setTags = (v: Change<ArticleDraft["tags"]>) => update("tags", v);
  const setStatus = (v: Change<ArticleDraft["status"]>) => update("status", v);
  const setPublishedAt = (v: Change<ArticleDraft["publishedAt"]>) => update("publishedAt", v);
  const setCommentsOpen = (v: Change<ArticleDraft["commentsOpen"]>) => update("commentsOpen", v);
  const setModerationMode = (v: Change<ArticleDraft["moderationMode"]>) => update("moderationMode", v);
  const setQuietStart = (v: Change<ArticleDraft["quietStart"]>) => update("quietStart", v);
  const setQuietEnd = (v: Change<ArticleDraft["quietEnd"]>) => update("quietEnd", v);
  const setHasQuestion = (v: Change<ArticleDraft["hasQuestion"]>) => update("hasQuestion", v);
  const setHeading = (v: Change<ArticleDraft["heading"]>) => update("heading", v);
  const setQText = (v: Change<ArticleDraft["qText"]>) => update("qText", v);
  const setCta = (v: Change<ArticleDraft["cta"]>) => update("cta", v);
  const setPolls = (v: Change<ArticleDraft["polls"]>) => update("polls", v);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [msg, setMsg] = useState("");
  const [busy, setBusy] = useState(false);

  const bad = (field: string) =>
    error?.field === field || error?.field?.startsWith(`${field}.`) ? true : undefined;

  const payload = () => draftPayload(draft);

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
    setMsg(saved.changed.length ? t("saved", { fields: saved.changed.join(", ") }) : t("nothingChanged"));
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
          {t("notSaved", { message: error.message })}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="min-h-6 font-medium">
        {msg}
      </p>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="text-lg font-semibold">{t("article")}</legend>
        <label className="flex flex-col text-sm md:col-span-2">
          {t("titleLabel")}
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
          {t("slug")}
          <input
            className={inputClass}
            value={slug}
            onChange={(e) => setSlug(e.target.value)}
            aria-invalid={bad("slug")}
            maxLength={100}
          />
        </label>
        <label className="flex flex-col text-sm">
          {t("tags")}
          <input
            className={inputClass}
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            aria-invalid={bad("tags")}
          />
        </label>
        <label className="flex flex-col text-sm md:col-span-2">
          {t("references")}
          <textarea
            className={inputClass}
            rows={3}
            value={draft.references}
            onChange={(e) => update("references", e.target.value)}
            aria-invalid={bad("references")}
          />
        </label>
        <label className="flex flex-col text-sm md:col-span-2">
          {t("description")}
          <input
            className={inputClass}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={500}
          />
        </label>
        <label className="flex flex-col text-sm">
          {t("author")}
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
            <option value="__new">{t("newAuthor")}</option>
          </select>
        </label>
        {authors.find((a) => a.id === authorId) ? (
          <AuthorAccount
            key={authorId}
            author={authors.find((a) => a.id === authorId) as (typeof authors)[number]}
          />
        ) : null}
        {authorId === "__new" ? (
          <div className="grid grid-cols-2 gap-2">
            <label className="flex flex-col text-sm">
              {t("newAuthorName")}
              <input
                className={inputClass}
                value={newAuthorName}
                onChange={(e) => setNewAuthorName(e.target.value)}
                aria-invalid={bad("newAuthor")}
              />
            </label>
            <label className="flex flex-col text-sm">
              {t("job")}
              <input
                className={inputClass}
                value={newAuthorJob}
                onChange={(e) => setNewAuthorJob(e.target.value)}
              />
            </label>
          </div>
        ) : null}
        <label className="flex flex-col text-sm md:col-span-2">
          {t("body")}
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
            {t("preview")}
          </button>
          {preview !== null ? (
            <section
              aria-label={t("preview")}
              className="prose-article mt-3 rounded border border-dashed border-zinc-400 p-3"
            >
              <div dangerouslySetInnerHTML={{ __html: preview }} />
            </section>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="text-lg font-semibold">{t("publishing")}</legend>
        <div className="flex flex-col text-sm" role="radiogroup" aria-labelledby={`${uid}-status`}>
          <span id={`${uid}-status`}>{t("status")}</span>
          <label>
            <input
              type="radio"
              name="status"
              checked={status === "draft"}
              onChange={() => setStatus("draft")}
            />{" "}
            {t("draft")}
          </label>
          <label>
            <input
              type="radio"
              name="status"
              checked={status === "published"}
              onChange={() => setStatus("published")}
            />{" "}
            {t("published")}
          </label>
        </div>
        <label className="flex flex-col text-sm">
          {t("publishAt")}
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
          {t("commentsOpen")}
        </label>
        <label className="flex flex-col text-sm">
          {t("mode")}
          <select
            className={inputClass}
            value={moderationMode}
            onChange={(e) => setModerationMode(e.target.value as ArticleForEdit["moderationMode"])}
          >
            <option value="default">{t("modeDefault")}</option>
            <option value="post">{t("modePost")}</option>
            <option value="pre">{t("modePre")}</option>
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t("quietStart")}
          <input
            type="time"
            className={inputClass}
            value={quietStart}
            onChange={(e) => setQuietStart(e.target.value)}
            aria-invalid={bad("quietStart")}
          />
        </label>
        <label className="flex flex-col text-sm">
          {t("quietEnd")}
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
        <legend className="text-lg font-semibold">{t("questionPolls")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={hasQuestion} onChange={(e) => setHasQuestion(e.target.checked)} />{" "}
          {t("hasQuestion")}
        </label>
        {hasQuestion ? (
          <div className="grid gap-3 md:grid-cols-3">
            <label className="flex flex-col text-sm">
              {t("heading")}
              <input
                className={inputClass}
                value={heading}
                onChange={(e) => setHeading(e.target.value)}
                aria-invalid={bad("question.heading")}
              />
            </label>
            <label className="flex flex-col text-sm md:col-span-2">
              {t("question")}
              <input
                className={inputClass}
                value={qText}
                onChange={(e) => setQText(e.target.value)}
                aria-invalid={bad("question.text")}
              />
            </label>
            <label className="flex flex-col text-sm md:col-span-3">
              {t("cta")}
              <input
                className={inputClass}
                value={cta}
                onChange={(e) => setCta(e.target.value)}
                aria-invalid={bad("question.callToAction")}
              />
            </label>
            <PollsEditor polls={polls} setPoll={setPoll} setPolls={setPolls} bad={bad} />
          </div>
        ) : null}
      </fieldset>
      <div className="flex gap-3">
        <button type="submit" className={buttonClass("primary", "sm")} disabled={busy}>
          {article ? t("save") : t("create")}
        </button>
        {article ? (
          <a href={`/articles/${article.slug}`} target="_blank" rel="noreferrer">
            {t("view")}
          </a>
        ) : null}
      </div>
    </form>
  );
}
