"use client";
// "Follow this thread" on a comment's page (per-reader state, fetched after the cached page loads).
// Authors and repliers follow automatically; following sends "new comment in a thread you follow".
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass } from "@/components/ui/styles";

export function FollowThreadButton({ commentId }: { commentId: string }) {
  const t = useTranslations("Comments");
  const [following, setFollowing] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    callApi<{ following: boolean | null }>("GET", `/api/v1/comments/${commentId}/follow`).then((r) => {
      if (live && r.ok) setFollowing(r.data.following);
    });
    return () => {
      live = false;
    };
  }, [commentId]);
  if (following === null) return null;
  async function toggle() {
    if (busy) return;
    setBusy(true);
    const r = await callApi<{ following: boolean }>("PUT", `/api/v1/comments/${commentId}/follow`, {
      follow: !following,
    });
    setBusy(false);
    if (r.ok) {
      setFollowing(r.data.following);
      setError(null);
    } else setError(r.error.message);
  }
  return (
    <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        aria-pressed={following}
        aria-disabled={busy || undefined}
        onClick={toggle}
        className={buttonClass("secondary", "sm")}
      >
        {following ? t("following") : t("follow")}
      </button>
      <span className="text-zinc-600 dark:text-zinc-400">
        {following ? t("followingHint") : t("followHint")}
      </span>
      {error ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </div>
  );
}
