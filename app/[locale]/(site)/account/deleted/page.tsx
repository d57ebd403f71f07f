import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/components/admin/metadata";
import { pageLocale } from "@/lib/i18n/server";

export const generateMetadata = titleFrom("AccountDeleted");

export default async function AccountDeletedPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  const t = await getTranslations("AccountDeleted");
  return (
    <main className="mx-auto max-w-2xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p className="mt-4">{t("thanks")}</p>
      <p className="mt-6">
        <Link href="/">{t("back")}</Link>
      </p>
    </main>
  );
}
