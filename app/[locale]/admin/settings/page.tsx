import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/components/admin/metadata";
import { SettingsForm } from "@/components/admin/SettingsForm";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/server";
import { readSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AdminSettings");

export default async function SettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  await requirePageViewer("admin", "/admin/settings");
  const t = await getTranslations("AdminSettings");
  const settings = await withDb(readSettings);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <div className="mt-6">
        <SettingsForm initial={settings} />
      </div>
    </main>
  );
}
