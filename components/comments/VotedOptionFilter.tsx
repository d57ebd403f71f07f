"use client";
// "Show comments from … readers who voted X": a GET form (works without JavaScript); with JavaScript the
// list changes as soon as the choice does. The select never grows wider than its column.
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/styles";
import type { CommentSort, PollFilterOption } from "@/lib/comments/types";

export function VotedOptionFilter({
  action,
  sort,
  value,
  options,
  live,
  onChange,
}: {
  action: string;
  sort: CommentSort;
  value: string;
  options: PollFilterOption[];
  live: boolean;
  onChange: (value: string) => void;
}) {
  const t = useTranslations("Comments");
  return (
    <form
      method="get"
      action={action}
      className="flex flex-wrap items-center gap-2 text-sm"
      onSubmit={(e) => {
        if (!live) return;
        e.preventDefault();
        onChange(value);
      }}
    >
      <input type="hidden" name="sort" value={sort} />
      <label htmlFor="comments-voted-option" className="text-zinc-600 dark:text-zinc-400">
        {t("filterFrom")}
      </label>
      <select
        id="comments-voted-option"
        name="votedOption"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="w-full min-w-0 max-w-full rounded border border-zinc-500 bg-transparent px-2 py-1 sm:w-auto dark:border-zinc-400"
      >
        <option value="">{t("filterAll")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {t("filterVoted", { label: o.label, question: o.question })}
          </option>
        ))}
      </select>
      {live ? null : (
        <button type="submit" className={buttonClass("secondary", "sm")}>
          {t("filter")}
        </button>
      )}
    </form>
  );
}
