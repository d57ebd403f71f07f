"use client";
// The polls of the article's closing question in the editor: question, choices, who may vote, when
// results show, closing time (to the second), options added and removed in place.
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
  return (
    <>
      {polls.map((p, i) => (
        <fieldset
          key={p.id ?? `new-${i}`}
          className="rounded border border-zinc-300 p-3 md:col-span-3 dark:border-zinc-700"
        >
          <legend className="font-medium">Poll {i + 1}</legend>
          <div className="grid gap-2 md:grid-cols-3">
            <label className="flex flex-col text-sm md:col-span-3">
              Poll question
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
              Several choices allowed
            </label>
            {p.multiple ? (
              <label className="flex flex-col text-sm">
                At most
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
              Results shown
              <select
                className={inputClass}
                value={p.resultsVisibility}
                onChange={(e) =>
                  setPoll(i, { resultsVisibility: e.target.value as PollDraft["resultsVisibility"] })
                }
              >
                <option value="after_vote">after voting</option>
                <option value="always">always</option>
                <option value="after_close">after the poll closes</option>
              </select>
            </label>
            <label className="flex flex-col text-sm">
              Who may vote
              <select
                className={inputClass}
                value={p.whoMayVote}
                onChange={(e) => setPoll(i, { whoMayVote: e.target.value as PollDraft["whoMayVote"] })}
              >
                <option value="anyone">anyone</option>
                <option value="signed_in">signed-in readers</option>
              </select>
            </label>
            <label className="flex flex-col text-sm">
              Closes at (optional)
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
                  Option {j + 1}
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
                  aria-label={`Remove option ${j + 1} of poll ${i + 1}`}
                  onClick={() => setPoll(i, { options: p.options.filter((_, k) => k !== j) })}
                >
                  Remove
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
              Add option
            </button>
            <button
              type="button"
              className={buttonClass("danger", "sm")}
              onClick={() => setPolls((ps) => ps.filter((_, k) => k !== i))}
            >
              Remove poll {i + 1}
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
          Add a poll
        </button>
      </div>
    </>
  );
}
