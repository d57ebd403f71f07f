"use client";
// "Comments imported from the old system were written with your address": asks for the one-time link.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass } from "@/components/ui/styles";

export function ClaimImported({ email }: { email: string }) {
  const t = useTranslations("AccountClaimImported");
  const [state, setState] = useState<{ busy?: boolean; message?: string; error?: boolean }>({});
  async function send() {
    if (state.busy) return;
    setState({ busy: true });
    const r = await callApi("POST", "/api/v1/account/claims");
    setState(r.ok ? { message: t("sent", { email }) } : { message: r.error.message, error: true });
  }
  return (
    <div className="mt-3">
      <button
        type="button"
        className={buttonClass("secondary")}
        onClick={send}
        aria-disabled={state.busy || undefined}
      >
        {t("ask")}
      </button>
      <p role={state.error ? "alert" : "status"} className="mt-2 text-sm">
        {state.message}
      </p>
    </div>
  );
}
