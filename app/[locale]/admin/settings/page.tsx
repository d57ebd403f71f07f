import { SettingsForm } from "@/components/admin/SettingsForm";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { readSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageViewer("admin", "/admin/settings");
  const settings = await withDb(readSettings);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">Settings</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Changes apply to new comments within seconds on every server and are recorded in the audit log.
      </p>
      <div className="mt-6">
        <SettingsForm initial={settings} />
      </div>
    </main>
  );
}
