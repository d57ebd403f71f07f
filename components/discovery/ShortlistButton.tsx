"use client";
import { useState } from "react";

/** The editor's "Shortlist" action on an approved comment (moderators and admins; audited on the server). */
export function ShortlistButton({ commentId, className }: { commentId: string; className?: string }) {
  const [state, setState] = useState<"idle" | "busy" | "done" | "error">("idle");
  const [message, setMessage] = useState<string | null>(null);
  async function toggle() {
    setState("busy");
    const res = await fetch(`/api/v1/admin/comments/${commentId}/shortlist`, {
      method: state === "done" ? "DELETE" : "POST",
      credentials: "same-origin",
    }).catch(() => null);
    if (res?.ok) {
      const body = (await res.json()) as { shortlisted: boolean };
      setState(body.shortlisted ? "done" : "idle");
      setMessage(body.shortlisted ? "Shortlisted for “What readers said”." : "Removed from the shortlist.");
    } else {
      setState("error");
      const body = (await res?.json().catch(() => null)) as { error?: { message?: string } } | null;
      setMessage(body?.error?.message ?? "Could not shortlist the comment.");
    }
  }
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={toggle}
        disabled={state === "busy"}
        aria-pressed={state === "done"}
      >
        {state === "done" ? "Shortlisted" : "Shortlist"}
      </button>
      {message ? (
        <span role="status" className="sr-only">
          {message}
        </span>
      ) : null}
    </>
  );
}
