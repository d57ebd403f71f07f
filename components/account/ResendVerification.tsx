"use client";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass } from "@/components/ui/styles";

export function ResendVerification() {
  const [state, setState] = useState<{ busy?: boolean; message?: string; error?: boolean }>({});
  async function resend() {
    setState({ busy: true });
    const r = await callApi("POST", "/api/v1/account/verification");
    setState(
      r.ok
        ? { message: "A new confirmation link is on its way. Check your inbox (and spam folder)." }
        : { message: r.error.message, error: true },
    );
  }
  return (
    <div className="mt-3">
      <button type="button" className={buttonClass("secondary")} onClick={resend} disabled={state.busy}>
        Send the confirmation link again
      </button>
      <p role={state.error ? "alert" : "status"} className="mt-2 text-sm">
        {state.message}
      </p>
    </div>
  );
}
