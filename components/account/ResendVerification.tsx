"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass } from "@/components/ui/styles";

export function ResendVerification() {
  const t = useTranslations("AccountResend");
  const [state, setState] = useState<{ busy?: boolean; message?: string; error?: boolean }>({});
  async function resend() {
    setState({ busy: true });
    const r = await callApi("POST", "/api/v1/account/verification");
    setState(r.ok ? { message: t("sent") } : { message: r.error.message, error: true });
  }
  return (
    <div className="mt-3">
      <button type="button" className={buttonClass("secondary")} onClick={resend} disabled={state.busy}>
        {t("resend")}
      </button>
      <p role={state.error ? "alert" : "status"} className="mt-2 text-sm">
        {state.message}
      </p>
    </div>
  );
}
