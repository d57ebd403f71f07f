"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";

export function AppealActions({ appealId, mayDecide }: { appealId: string; mayDecide: boolean }) {
  const t = useTranslations("AdminAppealActions");
  const router = useRouter();
  const [note, setNote] = useState("");
  const [msg, setMsg] = useState("");
  const [busy, setBusy] = useState(false);
  if (!mayDecide) return <p className="mt-2 text-sm italic">{t("ownDecision")}</p>;
  async function decide(outcome: "uphold" | "overturn") {
    setBusy(true);
    const r = await callApi<{ message: string }>("POST", `/api/v1/admin/appeals/${appealId}/decision`, {
      outcome,
      note: note.trim() || undefined,
    });
    setBusy(false);
    setMsg(r.ok ? r.data!.message : r.error!.message);
    if (r.ok) router.refresh();
  }
  return (
    <div className="mt-2 flex flex-wrap items-end gap-2">
      <label className="flex flex-col text-sm">
        {t("note")}
        <input
          className={inputClass}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <button
        type="button"
        className={buttonClass("primary", "sm")}
        disabled={busy}
        onClick={() => decide("overturn")}
      >
        {t("overturn")}
      </button>
      <button
        type="button"
        className={buttonClass("secondary", "sm")}
        disabled={busy}
        onClick={() => decide("uphold")}
      >
        {t("uphold")}
      </button>
      <p role="status" className="w-full text-sm">
        {msg}
      </p>
    </div>
  );
}
