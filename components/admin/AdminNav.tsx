import Link from "next/link";

/** The panel's navigation; admin-only sections are shown to admins only (and refused to others anyway). */
export function AdminNav({ role, name }: { role: string; name: string }) {
  const links: [string, string, boolean][] = [
    ["/admin", "Dashboard", true],
    ["/admin/queue", "Queue", true],
    ["/admin/appeals", "Appeals", true],
    ["/admin/users", "Users", true],
    ["/admin/audit", "Audit log", true],
    ["/admin/articles", "Articles", role === "admin"],
    ["/admin/settings", "Settings", role === "admin"],
    ["/admin/webhooks", "Webhooks", role === "admin"],
    ["/admin/imports", "Import & export", role === "admin"],
    ["/account/tokens", "API tokens", true],
  ];
  return (
    <nav
      aria-label="Moderation"
      className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <ul className="flex flex-wrap gap-4 text-sm">
          {links
            .filter(([, , show]) => show)
            .map(([href, label]) => (
              <li key={href}>
                <Link href={href} prefetch={false}>
                  {label}
                </Link>
              </li>
            ))}
        </ul>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {name} · {role}
        </p>
      </div>
    </nav>
  );
}
