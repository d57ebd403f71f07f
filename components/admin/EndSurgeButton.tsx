"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass } from "@/components/ui/styles";

export function EndSurgeButton({ articleId, title }: { articleId: string; title: string }) {
  const t = useTranslations("AdminSurge");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState("");
  return (
    <span>
      <button
        type="button"
        className={buttonClass("secondary", "sm")}
        disabled={busy}
        aria-label={t("endLabel", { title })}
        onClick={async () => {
          setBusy(true);
          const r = await callApi<{ message: string }>("DELETE", `/api/v1/admin/articles/${articleId}/surge`);
          setMsg(r.ok ? r.data!.message : r.error!.message);
          setBusy(false);
          router.refresh();
        }}
      >
        {t("end")}
      </button>
      <span role="status" className="ms-2 text-sm">
        {msg}
      </span>
    </span>
  );
}
