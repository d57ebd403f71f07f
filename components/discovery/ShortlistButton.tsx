"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";

/** The editor's "Shortlist" action on an approved comment (moderators and admins; audited on the server). */
export function ShortlistButton({ commentId, className }: { commentId: string; className?: string }) {
  const t = useTranslations("Shortlist");
  const [state, setState] = useState<"idle" | "busy" | "done" | "error">("idle");
  const [message, setMessage] = useState<string | null>(null);
  async function toggle() {
    if (state === "busy") return;
    setState("busy");
    const r = await callApi<{ shortlisted: boolean }>(
      state === "done" ? "DELETE" : "POST",
      `/api/v1/admin/comments/${commentId}/shortlist`,
    );
    if (r.ok) {
      setState(r.data.shortlisted ? "done" : "idle");
      setMessage(r.data.shortlisted ? t("added") : t("removed"));
    } else {
      setState("error");
      setMessage(r.error.message);
    }
  }
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={toggle}
        aria-disabled={state === "busy" || undefined}
        aria-pressed={state === "done"}
      >
        {state === "done" ? t("shortlisted") : t("shortlist")}
      </button>
      {message ? (
        <span role="status" className="sr-only">
          {message}
        </span>
      ) : null}
    </>
  );
}
