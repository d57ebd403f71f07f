import type { useFormatter } from "next-intl";
import { useTranslations } from "next-intl";

/** next-intl's formatter (useFormatter() in components, await getFormatter() in async pages). */
export type Formatter = ReturnType<typeof useFormatter>;

const STATUS_KEYS = [
  "approved",
  "pending",
  "rejected",
  "spam",
  "deleted",
  "open",
  "upheld",
  "overturned",
  "active",
  "suspended",
  "banned",
  "reader",
  "moderator",
  "admin",
  "draft",
  "published",
] as const;
type StatusKey = (typeof STATUS_KEYS)[number];
const isStatusKey = (s: string): s is StatusKey => (STATUS_KEYS as readonly string[]).includes(s);

/** A status or role word in the reader's language (the value itself when it has no translation). */
export function useStatusWord() {
  const t = useTranslations("AdminStatus");
  return (s: string) => (isStatusKey(s) ? t(s) : s);
}

// Small presentational pieces shared by the admin pages (server or client).
export function StatusBadge({ status }: { status: string }) {
  const word = useStatusWord();
  const tone: Record<string, string> = {
    approved: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
    pending: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
    rejected: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
    spam: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
    deleted: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
    open: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
    upheld: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
    overturned: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
    active: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
    suspended: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
    banned: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  };
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${tone[status] ?? "bg-zinc-100 dark:bg-zinc-800"}`}
    >
      {word(status)}
    </span>
  );
}

/** How long ago, in the reader's language ("5 minutes ago", "hace 5 minutos"). */
export function ago(f: Formatter, iso: string, now = Date.now()): string {
  return f.relativeTime(new Date(iso), now);
}

/** A moment, in the reader's language, in UTC (the panel shows UTC everywhere). */
export function when(f: Formatter, iso: string | null): string {
  if (!iso) return "—";
  return `${f.dateTime(new Date(iso), "dateTime")} UTC`;
}
