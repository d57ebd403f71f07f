import Link from "next/link";
import { useTranslations } from "next-intl";
import { useStatusWord } from "./ui";

type NavKey =
  | "dashboard"
  | "queue"
  | "appeals"
  | "users"
  | "audit"
  | "articles"
  | "settings"
  | "webhooks"
  | "imports"
  | "tokens";

/** The panel's navigation; admin-only sections are shown to admins only (and refused to others anyway). */
export function AdminNav({ role, name }: { role: string; name: string }) {
  const t = useTranslations("AdminNav");
  const word = useStatusWord();
  const links: [string, NavKey, boolean][] = [
    ["/admin", "dashboard", true],
    ["/admin/queue", "queue", true],
    ["/admin/appeals", "appeals", true],
    ["/admin/users", "users", true],
    ["/admin/audit", "audit", true],
    ["/admin/articles", "articles", role === "admin"],
    ["/admin/settings", "settings", role === "admin"],
    ["/admin/webhooks", "webhooks", role === "admin"],
    ["/admin/imports", "imports", role === "admin"],
    ["/account/tokens", "tokens", true],
  ];
  return (
    <nav
      aria-label={t("label")}
      className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <ul className="flex flex-wrap gap-4 text-sm">
          {links
            .filter(([, , show]) => show)
            .map(([href, key]) => (
              <li key={href}>
                <Link href={href} prefetch={false}>
                  {t(key)}
                </Link>
              </li>
            ))}
        </ul>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("who", { name, role: word(role) })}</p>
      </div>
    </nav>
  );
}
