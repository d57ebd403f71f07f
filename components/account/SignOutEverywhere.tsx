"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass } from "@/components/ui/styles";

export function SignOutEverywhere() {
  const t = useTranslations("AccountSessions");
  const [state, setState] = useState<{ busy?: boolean; error?: string }>({});
  async function run() {
    setState({ busy: true });
    const r = await callApi("DELETE", "/api/v1/account/sessions");
    if (r.ok) window.location.assign("/signin?notice=signed_out_everywhere");
    else setState({ error: r.error.message });
  }
  return (
    <div>
      <button type="button" className={buttonClass("secondary")} onClick={run} disabled={state.busy}>
        {t("everywhere")}
      </button>
      <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
        {state.error}
      </p>
    </div>
  );
}
