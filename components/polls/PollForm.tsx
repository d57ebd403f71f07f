// A poll's choices as a plain HTML form that posts to /polls/{id}/vote, so voting works without
// JavaScript; the article's client code takes over its submit event when JavaScript runs.
import { useTranslations } from "next-intl";
import type { FormEventHandler, ReactNode } from "react";

export interface PollFormPoll {
  id: string;
  multiple: boolean;
  maxChoices: number;
  whoMayVote: "anyone" | "signed_in";
  options: { id: string; label: string }[];
}

export function PollForm({
  poll,
  labelledBy,
  checked,
  submitLabel,
  busy = false,
  onSubmit,
  children,
}: {
  poll: PollFormPoll;
  /** id of the element holding the poll's question */
  labelledBy: string;
  checked?: string[] | null;
  submitLabel?: string;
  busy?: boolean;
  onSubmit?: FormEventHandler<HTMLFormElement>;
  children?: ReactNode;
}) {
  const t = useTranslations("Polls");
  const hintId = `${labelledBy}-hint`;
  const max = poll.multiple ? Math.min(poll.maxChoices, poll.options.length) : 1;
  return (
    <form
      method="post"
      action={`/polls/${poll.id}/vote`}
      // only with JavaScript (a client parent passes onSubmit; the no-JS poll page renders this on the
      // server, where no handler may be attached): while saving the button stays focusable
      // (aria-disabled), so a second submit is ignored here
      onSubmit={
        onSubmit
          ? (e) => {
              if (busy) return e.preventDefault();
              onSubmit(e);
            }
          : undefined
      }
      aria-busy={busy}
    >
      <fieldset aria-labelledby={labelledBy} aria-describedby={hintId}>
        <p id={hintId} className="text-sm text-zinc-700 dark:text-zinc-300">
          {poll.multiple ? t("chooseUpTo", { max }) : t("chooseOne")}
          {poll.whoMayVote === "signed_in" ? ` ${t("signedInOnly")}` : ""}
        </p>
        <div className="mt-2 space-y-1">
          {poll.options.map((o) => (
            <label key={o.id} className="flex cursor-pointer items-start gap-2 py-1">
              <input
                type={poll.multiple ? "checkbox" : "radio"}
                name="optionIds"
                value={o.id}
                defaultChecked={checked?.includes(o.id)}
                required={!poll.multiple}
                className="mt-1 h-4 w-4 accent-blue-700"
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button
          type="submit"
          name="action"
          value="vote"
          aria-disabled={busy || undefined}
          className="rounded bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 aria-disabled:opacity-60"
        >
          {submitLabel ?? t("vote")}
        </button>
        {children}
      </div>
    </form>
  );
}
