"use client";
// The polls of the article's closing question in the editor: question, choices, who may vote, when
// results show, closing time (to the second), options added and removed in place.
import { useTranslations } from "next-intl";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { type Change, emptyPoll, type PollDraft } from "./draft";

export function PollsEditor({
  polls,
  setPoll,
  setPolls,
  bad,
}: {
  polls: PollDraft[];
  setPoll: (i: number, p: Partial<PollDraft>) => void;
  setPolls: (v: Change<PollDraft[]>) => void;
  /** whether the last save's error names this field */
  bad: (field: string) => true | undefined;
}) {
  const t = useTranslations("AdminPollsEditor");
  return (
    <>
      {polls.map((p, i) => (
        <fieldset
          key={p.id ?? `new-${i}`}
          className="rounded border border-zinc-300 p-3 md:col-span-3 dark:border-zinc-700"
        >
          <legend className="font-medium">{t("poll", { n: i + 1 })}</legend>
          <div className="grid gap-2 md:grid-cols-3">
            <label className="flex flex-col text-sm md:col-span-3">
              {t("question")}
              <input
                className={inputClass}
                value={p.question}
                onChange={(e) => setPoll(i, { question: e.target.value })}
                aria-invalid={bad(`question.polls.${i}.question`)}
              />
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={p.multiple}
                onChange={(e) => setPoll(i, { multiple: e.target.checked })}
              />{" "}
              {t("multiple")}
            </label>
            {p.multiple ? (
              <label className="flex flex-col text-sm">
                {t("atMost")}
                <input
                  type="number"
                  min={1}
                  className={inputClass}
                  value={p.maxChoices}
                  onChange={(e) => setPoll(i, { maxChoices: Number(e.target.value) })}
                />
              </label>
            ) : null}
            <label className="flex flex-col text-sm">
              {t("results")}
              <select
                className={inputClass}
                value={p.resultsVisibility}
                onChange={(e) =>
                  setPoll(i, { resultsVisibility: e.target.value as PollDraft["resultsVisibility"] })
                }
              >
                <option value="after_vote">{t("afterVote")}</option>
                <option value="always">{t("always")}</option>
                <option value="after_close">{t("afterClose")}</option>
              </select>
            </label>
            <label className="flex flex-col text-sm">
              {t("who")}
              <select
                className={inputClass}
                value={p.whoMayVote}
                onChange={(e) => setPoll(i, { whoMayVote: e.target.value as PollDraft["whoMayVote"] })}
              >
                <option value="anyone">{t("anyone")}</option>
                <option value="signed_in">{t("signedIn")}</option>
              </select>
            </label>
            <label className="flex flex-col text-sm">
              {t("closes")}
              <input
                type="datetime-local"
                step={1}
                className={inputClass}
                value={p.closesAt}
                onChange={(e) => setPoll(i, { closesAt: e.target.value })}
              />
            </label>
          </div>
          <ol className="mt-2 space-y-1">
            {p.options.map((o, j) => (
              <li key={o.id ?? `o-${j}`} className="flex items-end gap-2">
                <label className="flex flex-1 flex-col text-sm">
                  {t("option", { n: j + 1 })}
                  <input
                    className={inputClass}
                    value={o.label}
                    aria-invalid={bad(`question.polls.${i}.options.${j}`)}
                    onChange={(e) =>
                      setPoll(i, {
                        options: p.options.map((x, k) => (k === j ? { ...x, label: e.target.value } : x)),
                      })
                    }
                  />
                </label>
                <button
                  type="button"
                  className={buttonClass("secondary", "sm")}
                  aria-label={t("removeOptionLabel", { option: j + 1, poll: i + 1 })}
                  onClick={() => setPoll(i, { options: p.options.filter((_, k) => k !== j) })}
                >
                  {t("remove")}
                </button>
              </li>
            ))}
          </ol>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              className={buttonClass("secondary", "sm")}
              onClick={() => setPoll(i, { options: [...p.options, { label: "" }] })}
            >
              {t("addOption")}
            </button>
            <button
              type="button"
              className={buttonClass("danger", "sm")}
              onClick={() => setPolls((ps) => ps.filter((_, k) => k !== i))}
            >
              {t("removePoll", { n: i + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      <div className="md:col-span-3">
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          onClick={() => setPolls((ps) => [...ps, emptyPoll()])}
        >
          {t("addPoll")}
        </button>
      </div>
    </>
  );
}
