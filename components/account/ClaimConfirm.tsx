"use client";
// The page a claim link opens: one button moves the imported comments to this account.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { Notice } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";

export function ClaimConfirm({ id, token }: { id: string; token: string }) {
  const t = useTranslations("AccountClaimConfirm");
  const [state, setState] = useState<{ busy?: boolean; error?: string; done?: number }>({});
  async function claim() {
    if (state.busy || state.done !== undefined) return;
    setState({ busy: true });
    const r = await callApi<{ claimed: { comments: number } }>("POST", "/api/v1/account/claims/confirm", {
      id,
      token,
    });
    setState(r.ok ? { done: r.data.claimed.comments } : { error: r.error.message });
  }
  if (state.done !== undefined)
    return (
      <Notice tone="success">
        {t.rich("done", {
          count: state.done,
          a: (c) => <Link href="/account/comments">{c}</Link>,
        })}
      </Notice>
    );
  return (
    <div className="mt-6">
      <button type="button" className={buttonClass()} onClick={claim} aria-disabled={state.busy || undefined}>
        {t("claim")}
      </button>
      {state.error ? <Notice tone="error">{state.error}</Notice> : null}
    </div>
  );
}
