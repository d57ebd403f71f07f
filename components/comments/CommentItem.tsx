"use client";
import { useState } from "react";
import { ShortlistButton } from "@/components/discovery/ShortlistButton";
import type { PublicComment } from "@/lib/comments/types";
import { ApiCallError, commentsApi } from "./api";
import { CommentForm } from "./CommentForm";
import { useComments } from "./context";
import { formatDateTime, plural } from "./format";

const REASONS: [string, string][] = [
  ["spam", "Spam"],
  ["abuse", "Abuse or harassment"],
  ["off_topic", "Off-topic"],
  ["misinformation", "Misinformation"],
  ["other", "Something else"],
];

const linkButton = "comment-action";

export function CommentList({ comments, label }: { comments: PublicComment[]; label?: string }) {
  return (
    <ol className="space-y-4" aria-label={label}>
      {comments.map((c) => (
        <CommentItem key={c.id} c={c} />
      ))}
    </ol>
  );
}

export function CommentItem({ c }: { c: PublicComment }) {
  const ctx = useComments();
  const [mode, setMode] = useState<null | "reply" | "edit" | "report">(null);
  const [source, setSource] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const own = Boolean(ctx.viewer && c.author && c.author.id === ctx.viewer.id);
  const editable =
    own && !c.deleted && ctx.now - new Date(c.createdAt).getTime() < ctx.limits.editWindowMinutes * 60_000;

  async function openEdit() {
    setNotice(null);
    try {
      const full = await commentsApi.source(c.id);
      setSource(full.body ?? "");
      setMode("edit");
    } catch (e) {
      setNotice(e instanceof ApiCallError ? e.message : "Could not load the comment.");
    }
  }

  async function remove() {
    if (!window.confirm("Delete this comment? Replies to it stay; it will show as [deleted].")) return;
    try {
      await ctx.remove(c);
    } catch (e) {
      setNotice(e instanceof ApiCallError ? e.message : "Could not delete the comment.");
    }
  }

  async function more(e: React.MouseEvent) {
    if (!ctx.live) return;
    e.preventDefault();
    setLoadingMore(true);
    try {
      await ctx.moreReplies(c);
    } catch (err) {
      setNotice(err instanceof ApiCallError ? err.message : "Could not load the replies.");
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <li id={`c-${c.id}`} className="comment">
      <article data-comment-id={c.id} data-depth={c.depth}>
        <header className="comment-meta">
          <h3 className="font-semibold">
            {c.deleted ? (
              "[deleted]"
            ) : c.author?.handle ? (
              <a href={`/readers/${c.author.handle}`} className="comment-author">
                {c.author.name}
              </a>
            ) : (
              (c.author?.name ?? "Former reader")
            )}
          </h3>
          {c.author?.staff && !c.deleted ? (
            <span className="comment-badge" title="A moderator of this site">
              Staff
            </span>
          ) : null}
          {c.pinned ? <span className="comment-badge">Pinned</span> : null}
          {c.featured ? <span className="comment-badge">Featured</span> : null}
          {!c.deleted && c.votedTags?.length
            ? c.votedTags.map((t) => (
                <span
                  key={t.pollId}
                  data-poll-tag={t.pollId}
                  className="rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-900 dark:bg-blue-950 dark:text-blue-200"
                >
                  voted: {t.labels.join(", ")}
                </span>
              ))
            : null}
          <a href={c.url} className="comment-time">
            <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
          </a>
          {c.editedAt && !c.deleted ? <EditedHistory id={c.id} editedAt={c.editedAt} /> : null}
        </header>
        {c.deleted ? (
          <p className="mt-1 italic text-zinc-600 dark:text-zinc-400">[deleted]</p>
        ) : mode === "edit" && source != null ? (
          <CommentForm
            label="Edit your comment"
            submitLabel="Save"
            initial={source}
            limits={ctx.limits}
            autoFocus
            onCancel={() => setMode(null)}
            onSubmit={async (body) => {
              await ctx.edit(c, body);
              setMode(null);
            }}
          />
        ) : (
          <div className="comment-body mt-1 break-words" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        )}
        {c.message ? (
          <p
            role="status"
            className="mt-1 rounded bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            Only you can see this comment for now: {c.message} <a href="/account/comments">My comments</a>
            {c.status === "rejected" || c.status === "spam" ? " (where you can appeal)" : ""}.
          </p>
        ) : null}
        {c.status === "approved" || c.deleted ? (
          <footer className="comment-actions">
            <Votes c={c} own={own} onNotice={setNotice} />
            {!c.deleted && ctx.commentsOpen ? (
              ctx.live ? (
                <button
                  type="button"
                  className={linkButton}
                  onClick={() => setMode(mode === "reply" ? null : "reply")}
                  aria-expanded={mode === "reply"}
                >
                  Reply
                </button>
              ) : (
                <a href={`${c.url}#reply`} className={linkButton}>
                  Reply
                </a>
              )
            ) : null}
            {editable && ctx.live ? (
              <button type="button" className={linkButton} onClick={openEdit}>
                Edit
              </button>
            ) : null}
            {own && !c.deleted && ctx.live ? (
              <button type="button" className={linkButton} onClick={remove}>
                Delete
              </button>
            ) : null}
            {!own && !c.deleted && ctx.live && ctx.viewer ? (
              <button
                type="button"
                className={linkButton}
                onClick={() => setMode(mode === "report" ? null : "report")}
                aria-expanded={mode === "report"}
              >
                Report
              </button>
            ) : null}
            {!c.deleted && ctx.live && (ctx.viewer?.role === "moderator" || ctx.viewer?.role === "admin") ? (
              <ShortlistButton commentId={c.id} className={linkButton} />
            ) : null}
          </footer>
        ) : null}
        {notice ? (
          <p role="status" className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            {notice}
          </p>
        ) : null}
        {mode === "reply" ? (
          ctx.viewer ? (
            <CommentForm
              label={`Reply to ${c.author?.name ?? "this comment"}`}
              submitLabel="Post reply"
              limits={ctx.limits}
              autoFocus
              onCancel={() => setMode(null)}
              onSubmit={async (body, website) => {
                await ctx.reply(c, body, website);
                setMode(null);
              }}
            />
          ) : (
            <p className="mt-2 text-sm">
              <a href={ctx.signinHref}>Sign in</a> to reply.
            </p>
          )
        ) : null}
        {mode === "report" ? (
          <ReportForm
            onCancel={() => setMode(null)}
            onSubmit={async (reason, note) => {
              await ctx.report(c, reason, note);
              setMode(null);
              setNotice("Thank you. The moderators will look at this comment.");
            }}
          />
        ) : null}
      </article>
      {c.replies.length > 0 ? (
        <ol
          className="comment-replies"
          aria-label={`Replies to ${c.deleted ? "a deleted comment" : (c.author?.name ?? "this comment")}`}
        >
          {c.replies.map((r) => (
            <CommentItem key={r.id} c={r} />
          ))}
        </ol>
      ) : null}
      {c.moreReplies > 0 ? (
        <p className="mt-2 pl-3 sm:pl-5">
          <a href={c.url} onClick={more} className="text-sm font-medium" aria-busy={loadingMore || undefined}>
            {loadingMore ? "Loading…" : `Show ${plural(c.moreReplies, "more reply", "more replies")}`}
          </a>
        </p>
      ) : null}
      {c.continueThread ? (
        <p className="mt-2 pl-3 sm:pl-5">
          <a href={c.url} className="text-sm font-medium">
            Continue this thread ({plural(c.replyCount, "reply", "replies")}) →
          </a>
        </p>
      ) : null}
    </li>
  );
}

function Votes({
  c,
  own,
  onNotice,
}: {
  c: PublicComment;
  own: boolean;
  onNotice: (s: string | null) => void;
}) {
  const ctx = useComments();
  const mine = ctx.votes[c.id] ?? 0;
  const [busy, setBusy] = useState(false);
  async function cast(v: 1 | -1) {
    if (!ctx.viewer) {
      onNotice("Sign in to vote.");
      return;
    }
    setBusy(true);
    onNotice(null);
    try {
      await ctx.vote(c, mine === v ? 0 : v);
    } catch (e) {
      onNotice(e instanceof ApiCallError ? e.message : "Could not record the vote.");
    } finally {
      setBusy(false);
    }
  }
  const scoreText = (
    <span className="comment-points" title={`${c.upvotes} up, ${c.downvotes} down`}>
      <span data-score>{c.score}</span>
      <span className="sr-only"> points</span>
    </span>
  );
  if (!ctx.live || c.deleted) return <span className="comment-score">Score {scoreText}</span>;
  // until the reader's state has loaded, we do not know whose comment this is or what they voted
  const disabled = busy || own || ctx.viewer === undefined;
  const cls = (on: boolean) =>
    `rounded px-1.5 text-sm ${on ? "bg-blue-700 text-white" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"} disabled:opacity-50`;
  return (
    <span
      className="inline-flex items-center gap-1"
      title={own ? "You cannot vote on your own comment" : undefined}
    >
      <button
        type="button"
        className={cls(mine === 1)}
        aria-pressed={mine === 1}
        aria-label="Upvote"
        disabled={disabled}
        onClick={() => cast(1)}
      >
        ▲
      </button>
      {scoreText}
      <button
        type="button"
        className={cls(mine === -1)}
        aria-pressed={mine === -1}
        aria-label="Downvote"
        disabled={disabled}
        onClick={() => cast(-1)}
      >
        ▼
      </button>
    </span>
  );
}

function ReportForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (reason: string, note: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="mt-2 space-y-2 rounded border border-zinc-300 p-3 dark:border-zinc-700"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!reason) return setError("Choose a reason.");
        setBusy(true);
        setError(null);
        try {
          await onSubmit(reason, note.trim());
        } catch (err) {
          setError(err instanceof ApiCallError ? err.message : "Could not send the report.");
        } finally {
          setBusy(false);
        }
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium">Why should moderators look at this comment?</legend>
        {REASONS.map(([value, label]) => (
          <label key={value} className="mr-4 inline-flex items-center gap-1 text-sm">
            <input
              type="radio"
              name="reason"
              value={value}
              checked={reason === value}
              onChange={() => setReason(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label className="block text-sm">
        Note {reason === "other" ? "(required)" : "(optional)"}
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={1000}
          rows={2}
          className="mt-1 w-full rounded border border-zinc-400 bg-transparent p-2"
        />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-zinc-800 px-3 py-1.5 text-sm text-white dark:bg-zinc-200 dark:text-zinc-900"
        >
          Send report
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded border border-zinc-400 px-3 py-1.5 text-sm"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

/** "Edited": opens the comment's earlier versions (newest first) under the header. */
function EditedHistory({ id, editedAt }: { id: string; editedAt: string }) {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<{ body: string; createdAt: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    if (!open && !list) {
      try {
        setList((await commentsApi.revisions(id)).revisions);
      } catch (e) {
        setError(e instanceof ApiCallError ? e.message : "Could not load the earlier versions.");
      }
    }
    setOpen((o) => !o);
  }
  return (
    <>
      <button
        type="button"
        className="comment-action"
        aria-expanded={open}
        title={`Edited ${formatDateTime(editedAt)}`}
        onClick={() => void toggle()}
      >
        Edited
      </button>
      {open ? (
        <div className="basis-full rounded border border-zinc-300 p-2 text-sm dark:border-zinc-700">
          {error ? (
            <p role="alert">{error}</p>
          ) : list?.length ? (
            <ol className="space-y-2" aria-label="Earlier versions, newest first">
              {list.map((r) => (
                <li key={r.createdAt}>
                  <p className="text-zinc-600 dark:text-zinc-400">
                    Until <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>:
                  </p>
                  <p className="whitespace-pre-wrap break-words">{r.body}</p>
                </li>
              ))}
            </ol>
          ) : (
            <p>No earlier version is kept.</p>
          )}
        </div>
      ) : null}
    </>
  );
}
