import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResendVerification } from "@/components/account/ResendVerification";
import { Notice } from "@/components/ui/form";
import { MAGIC_LINK_MINUTES } from "@/lib/auth/providers";
import { getViewer } from "@/lib/auth/viewer";
import { pageLocale } from "@/lib/i18n/server";
import { mailAvailable } from "@/lib/mail";

export const dynamic = "force-dynamic";
type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "CheckEmail" });
  return { title: t("title") };
}

export default async function CheckEmailPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const t = await getTranslations("CheckEmail");
  const sp = await searchParams;
  const viewer = await getViewer();
  const linkError =
    sp.error === "expired" ? t("linkExpired") : sp.error === "invalid" ? t("linkInvalid") : null;
  const forSignIn = sp.for === "signin" || sp.type === "email";
  const needsConfirmation = viewer && !viewer.emailVerified;
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {linkError ? <Notice tone="error">{linkError}</Notice> : null}
      {forSignIn ? (
        <p className="mt-4">
          {t.rich("signInLink", {
            minutes: MAGIC_LINK_MINUTES,
            link: (c) => <Link href="/signin">{c}</Link>,
          })}
        </p>
      ) : needsConfirmation && !mailAvailable() ? (
        <p className="mt-4">{t("noMail", { email: viewer.email ?? "" })}</p>
      ) : needsConfirmation ? (
        <>
          <p className="mt-4">
            {t.rich("sent", { email: viewer.email ?? "", strong: (c) => <strong>{c}</strong> })}
          </p>
          <ResendVerification />
        </>
      ) : viewer ? (
        <p className="mt-4">
          {t("confirmed")} <Link href="/">{t("back")}</Link>
        </p>
      ) : (
        <p className="mt-4">{t.rich("signInToAsk", { link: (c) => <Link href="/signin">{c}</Link> })}</p>
      )}
    </main>
  );
}
