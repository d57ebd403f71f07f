import { plural } from "@/components/ui/format";

// Small presentational pieces shared by the admin pages (server or client).
export function StatusBadge({ status }: { status: string }) {
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
      {status}
    </span>
  );
}

export function ago(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h`;
  return plural(Math.round(h / 24), "day");
}

export function when(iso: string | null): string {
  if (!iso) return "—";
  return `${iso.replace("T", " ").slice(0, 16)} UTC`;
}
