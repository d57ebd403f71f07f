// The moderation queue's keyboard help.
import { useTranslations } from "next-intl";

type HelpKey =
  | "next"
  | "approve"
  | "reject"
  | "spam"
  | "delete"
  | "feature"
  | "pin"
  | "select"
  | "help"
  | "close";
export const KEYS: [string, HelpKey][] = [
  ["j / k", "next"],
  ["a", "approve"],
  ["r", "reject"],
  ["s", "spam"],
  ["d", "delete"],
  ["f", "feature"],
  ["p", "pin"],
  ["x", "select"],
  ["?", "help"],
  ["Esc", "close"],
];

export function QueueHelp() {
  const t = useTranslations("AdminQueueHelp");
  return (
    <section
      role="dialog"
      aria-label={t("title")}
      className="mt-2 rounded border border-zinc-300 p-3 dark:border-zinc-700"
    >
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm">{t("intro")}</p>
      <dl className="mt-2 grid grid-cols-[6rem_1fr] gap-1 text-sm">
        {KEYS.map(([k, v]) => (
          <div key={k} className="contents">
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{t(v)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
