import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/ForgotPasswordForm";
import { Notice } from "@/components/ui/form";
import { pageLocale } from "@/lib/i18n/server";
import { mailAvailable } from "@/lib/mail";

export const dynamic = "force-dynamic";
type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "Forgot" });
  return { title: t("title") };
}

export default async function ForgotPasswordPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("Forgot");
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      {mailAvailable() ? <ForgotPasswordForm /> : <Notice tone="info">{t("noMail")}</Notice>}
      <p className="mt-8">
        <Link href="/signin">{t("back")}</Link>
      </p>
    </main>
  );
}
