// Any other path under a locale: the translated not-found page (app/[locale]/not-found.tsx), inside
// the locale's layout (docs/decisions/130-i18n.md).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "NotFound" });
  return { title: t("title") };
}

export default async function CatchAll({ params }: Props) {
  await pageLocale(params);
  notFound();
}
