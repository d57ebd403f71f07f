"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";

/** The author's one appeal against a rejection. */
export function AppealForm({ commentId }: { commentId: string }) {
  const t = useTranslations("AccountAppealForm");
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [msg, setMsg] = useState("");
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <button type="button" className="mt-2 text-sm underline" onClick={() => setOpen(true)}>
        {t("open")}
      </button>
    );
  return (
    <form
      className="mt-2 space-y-2"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const r = await callApi<{ appeal: { id: string } }>("POST", `/api/v1/comments/${commentId}/appeal`, {
          text,
        });
        setBusy(false);
        setMsg(r.ok ? t("sent") : r.error!.message);
        if (r.ok) router.refresh();
      }}
    >
      <label htmlFor={id} className="block text-sm">
        {t("why")}
      </label>
      <textarea
        id={id}
        className={`${inputClass} w-full`}
        rows={3}
        maxLength={1000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className={buttonClass("primary", "sm")} disabled={busy}>
        {t("send")}
      </button>
      <p role="status" className="text-sm">
        {msg}
      </p>
    </form>
  );
}
