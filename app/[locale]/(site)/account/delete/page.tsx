import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeleteAccountForm } from "@/components/account/DeleteAccountForm";
import { titleFrom } from "@/components/admin/metadata";
import { DELETE_PHRASE } from "@/lib/auth/account-deletion";
import { requirePageViewer } from "@/lib/auth/pages";
import { pageLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AccountDelete");

export default async function DeleteAccountPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  const viewer = await requirePageViewer("account", "/account/delete");
  const t = await getTranslations("AccountDelete");
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-4">
        {t.rich("intro", {
          name: viewer.name,
          email: viewer.email ?? "",
          b: (c) => <strong>{c}</strong>,
          a: (c) => (
            <a href="/api/v1/account/export" download>
              {c}
            </a>
          ),
        })}
      </p>
      <DeleteAccountForm phrase={DELETE_PHRASE} />
      <p className="mt-8">
        <Link href="/account">{t("keep")}</Link>
      </p>
    </main>
  );
}
