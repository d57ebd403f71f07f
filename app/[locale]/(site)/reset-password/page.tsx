import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/ResetPasswordForm";
import { Notice } from "@/components/ui/form";
import { PASSWORD_MIN } from "@/lib/auth/password";
import { resetLinkState } from "@/lib/auth/password-reset";
import { pageLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Reset" });
  return { title: t("title"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const t = await getTranslations("Reset");
  const sp = await searchParams;
  const state = await resetLinkState(sp.id, sp.token);
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {state === "ok" ? (
        <ResetPasswordForm id={String(sp.id)} token={String(sp.token)} passwordMin={PASSWORD_MIN} />
      ) : (
        <Notice tone="error">
          {t.rich(state === "expired" ? "expired" : "invalid", {
            link: (c) => <Link href="/forgot-password">{c}</Link>,
          })}
        </Notice>
      )}
    </main>
  );
}
