"use client";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { Field } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";

export function ProfileForm({
  name,
  showPollTag,
  canRename,
}: {
  name: string;
  showPollTag: boolean;
  canRename: boolean;
}) {
  const [state, setState] = useState<{ busy?: boolean; message?: string; error?: string; field?: string }>(
    {},
  );
  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body: Record<string, unknown> = { showPollTag: form.get("showPollTag") === "on" };
    if (canRename) body.name = String(form.get("name") ?? "");
    setState({ busy: true });
    const r = await callApi<{ name: string }>("PATCH", "/api/v1/account", body);
    setState(r.ok ? { message: "Saved." } : { error: r.error.message, field: r.error.field });
  }
  return (
    <form onSubmit={save} className="mt-3 space-y-4">
      <Field
        label="Display name"
        name="name"
        id="display-name"
        defaultValue={name}
        maxLength={50}
        required
        disabled={!canRename}
        hint={
          canRename ? "Shown beside your comments." : "A suspended or banned account cannot change its name."
        }
        error={state.field === "name" ? state.error : null}
      />
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id="show-poll-tag"
          name="showPollTag"
          defaultChecked={showPollTag}
          aria-describedby="show-poll-tag-hint"
          className="mt-1 h-4 w-4"
        />
        <div>
          <label htmlFor="show-poll-tag">Show my poll vote beside my comments</label>
          <p id="show-poll-tag-hint" className="text-sm text-zinc-600 dark:text-zinc-400">
            Off unless you turn it on. When on, other readers see “voted: …” beside your comments and can
            filter comments by it — only for polls whose results everyone can already see.
          </p>
        </div>
      </div>
      <button type="submit" className={buttonClass()} disabled={state.busy}>
        Save profile
      </button>
      <p role={state.error ? "alert" : "status"} className="text-sm">
        {state.field === "name" ? null : (state.error ?? state.message)}
      </p>
    </form>
  );
}
