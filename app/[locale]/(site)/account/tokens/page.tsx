import { getTranslations } from "next-intl/server";
import { TokenManager } from "@/components/account/TokenManager";
import { titleFrom } from "@/components/admin/metadata";
import { listTokens } from "@/lib/auth/api-tokens";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AccountTokens");

/** Personal API tokens for newsroom tools (moderators and admins). */
export default async function TokensPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  const viewer = await requirePageViewer("moderate", "/account/tokens");
  const t = await getTranslations("AccountTokens");
  const tokens = await withDb(listTokens, viewer.id);
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-sm">{t.rich("intro", { code: (c) => <code>{c}</code> })}</p>
      <div className="mt-6">
        <TokenManager initial={tokens} />
      </div>
    </main>
  );
}
