import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/SignUpForm";
import { PASSWORD_MIN } from "@/lib/auth/password";
import { pageLocale } from "@/lib/i18n/server";
import { signUpAction } from "./actions";

export const dynamic = "force-dynamic";
type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "SignUp" });
  return { title: t("title") };
}

export default async function SignUpPage({ params }: Props) {
  await pageLocale(params);
  const t = await getTranslations("SignUp");
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2">{t("intro")}</p>
      <SignUpForm passwordMin={PASSWORD_MIN} signUpAction={signUpAction} />
      <p className="mt-8">
        {t("haveAccount")} <Link href="/signin">{t("signIn")}</Link>
      </p>
    </main>
  );
}
