"use client";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { Field } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";

export function DeleteAccountForm({ phrase }: { phrase: string }) {
  const [state, setState] = useState<{ busy?: boolean; error?: string; field?: string }>({});
  async function remove(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setState({ busy: true });
    const r = await callApi("DELETE", "/api/v1/account", {
      confirm: String(form.get("confirm") ?? ""),
      comments: form.get("comments") === "remove" ? "remove" : "keep",
    });
    if (r.ok) window.location.assign("/account/deleted");
    else setState({ error: r.error.message, field: r.error.field });
  }
  return (
    <form onSubmit={remove} className="mt-6 space-y-6" noValidate>
      <fieldset>
        <legend className="font-medium">Your comments</legend>
        <div className="mt-2 flex items-start gap-2">
          <input
            type="radio"
            id="comments-keep"
            name="comments"
            value="keep"
            defaultChecked
            className="mt-1"
          />
          <label htmlFor="comments-keep">
            Keep them as &ldquo;[deleted account]&rdquo; with the text removed, so that replies from others
            stay in place
          </label>
        </div>
        <div className="mt-2 flex items-start gap-2">
          <input type="radio" id="comments-remove" name="comments" value="remove" className="mt-1" />
          <label htmlFor="comments-remove">
            Remove them entirely (a comment that others replied to stays as an empty placeholder, so their
            replies remain)
          </label>
        </div>
      </fieldset>
      <Field
        label={`Type "${phrase}" to confirm`}
        name="confirm"
        id="confirm"
        autoComplete="off"
        required
        error={state.field === "confirm" ? state.error : null}
      />
      <button type="submit" className={buttonClass("danger")} disabled={state.busy}>
        Delete my account
      </button>
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        {state.error && state.field !== "confirm" ? state.error : null}
      </p>
    </form>
  );
}
