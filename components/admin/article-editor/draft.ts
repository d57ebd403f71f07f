// The article editor's state: the draft as one value with a setter per field, the conversions between
// the API's ISO instants and datetime-local inputs (seconds kept), and the payload sent on save.
import { useCallback, useState } from "react";
import type { ArticleForEdit } from "@/lib/articles/editor";

export interface OptionDraft {
  id?: string;
  label: string;
}
export interface PollDraft {
  id?: string;
  question: string;
  multiple: boolean;
  maxChoices: number;
  closesAt: string;
  resultsVisibility: "always" | "after_vote" | "after_close";
  whoMayVote: "anyone" | "signed_in";
  options: OptionDraft[];
}

/**
 * ISO instant ↔ the browser's local "YYYY-MM-DDTHH:MM:SS" for datetime-local inputs (with step=1), so
 * a poll closing at 18:00:30 is shown, and saved again, with its seconds.
 */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
export function fromLocalInput(v: string): string | null {
  return v ? new Date(v).toISOString() : null;
}

/** The polls as the editor holds them (with their ids, so that saving again updates rather than adds). */
export function pollDrafts(article: ArticleForEdit | null): PollDraft[] {
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

export const emptyPoll = (): PollDraft => ({
  question: "",
  multiple: false,
  maxChoices: 1,
  closesAt: "",
  resultsVisibility: "after_vote",
  whoMayVote: "anyone",
  options: [{ label: "" }, { label: "" }],
});

/** Everything the editor form holds, as one value. */
export interface ArticleDraft {
  title: string;
  slug: string;
  description: string;
  body: string;
  authorId: string;
  newAuthorName: string;
  newAuthorJob: string;
  tags: string;
  /** one reference a line: "Title | https://link" (the link optional) */
  references: string;
  status: "draft" | "published";
  publishedAt: string;
  commentsOpen: boolean;
  moderationMode: NonNullable<ArticleForEdit["moderationMode"]> | "default";
  quietStart: string;
  quietEnd: string;
  hasQuestion: boolean;
  heading: string;
  qText: string;
  cta: string;
  polls: PollDraft[];
}

export function initialDraft(article: ArticleForEdit | null, authors: { id: string }[]): ArticleDraft {
  return {
    title: article?.title ?? "",
    slug: article?.slug ?? "",
    description: article?.description ?? "",
    body: article?.body ?? "",
    authorId: article?.authorId ?? authors[0]?.id ?? "",
    newAuthorName: "",
    newAuthorJob: "",
    tags: (article?.tags ?? []).join(", "),
    references: (article?.references ?? [])
      .map((r) => (r.url ? `${r.title} | ${r.url}` : r.title))
      .join("\n"),
    status: article?.status ?? "draft",
    publishedAt: toLocalInput(article?.publishedAt),
    commentsOpen: article?.commentsOpen ?? true,
    moderationMode: article?.moderationMode ?? "default",
    quietStart: article?.quietStart ?? "",
    quietEnd: article?.quietEnd ?? "",
    hasQuestion: Boolean(article?.question),
    heading: article?.question?.heading ?? "Thought-provoking question",
    qText: article?.question?.text ?? "",
    cta: article?.question?.callToAction ?? "Share your view in the comments.",
    polls: pollDrafts(article),
  };
}

export type Change<T> = T | ((old: T) => T);

/** The draft, `update(field, value)`, and the poll helper. */
export function useArticleDraft(article: ArticleForEdit | null, authors: { id: string }[]) {
  const [draft, setDraft] = useState<ArticleDraft>(() => initialDraft(article, authors));
  const update = useCallback(
    <K extends keyof ArticleDraft>(key: K, value: Change<ArticleDraft[K]>) =>
      setDraft((d) => ({
        ...d,
        [key]:
          typeof value === "function" ? (value as (o: ArticleDraft[K]) => ArticleDraft[K])(d[key]) : value,
      })),
    [],
  );
  const setPoll = (i: number, p: Partial<PollDraft>) =>
    update("polls", (ps) => ps.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return { draft, update, setPoll };
}

/** The API's payload for a draft. */
export function draftPayload(d: ArticleDraft) {
  const {
    references,
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
  } = d;
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
    references: parseReferences(references),
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

/** "Title | https://link" lines → the API's references (blank lines skipped; the link optional). */
export function parseReferences(text: string): { title: string; url?: string }[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const i = l.lastIndexOf("|");
      const url = i >= 0 ? l.slice(i + 1).trim() : "";
      const title = i >= 0 ? l.slice(0, i).trim() : l;
      return url ? { title, url } : { title };
    });
}
