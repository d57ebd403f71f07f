// The <title> of an admin or account page, in the page's language: `export const generateMetadata =
// titleFrom("AdminUsers")` (the namespace's "title" message).
import { getTranslations } from "next-intl/server";
import type { Messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/server";

type WithTitle = { [K in keyof Messages]: Messages[K] extends { title: string } ? K : never }[keyof Messages];

export function titleFrom(namespace: WithTitle) {
  return async ({ params }: { params: Promise<{ locale: string }> }) => {
    const t = await getTranslations({
      locale: await pageLocale(params),
      namespace: namespace as "AdminDashboard",
    });
    return { title: t("title") };
  };
}
