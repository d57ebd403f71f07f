import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignInForms } from "@/components/auth/SignInForms";
import { Notice } from "@/components/ui/form";
import { safeCallback, signInErrorCode, signInNoticeCode } from "@/lib/auth/messages";
import { signInMethods } from "@/lib/auth/providers";
import { getViewer } from "@/lib/auth/viewer";
import { pageLocale } from "@/lib/i18n/server";
import { magicLinkSignIn, oauthSignIn, passwordSignIn } from "./actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "SignIn" });
  return { title: t("title") };
}

export default async function SignInPage({ params, searchParams }: Props) {
  await pageLocale(params);
  const t = await getTranslations("SignIn");
  const sp = await searchParams;
  const callbackUrl = safeCallback(sp.callbackUrl);
  const errorCode = signInErrorCode(sp.error);
  const error = errorCode ? t(`errors.${errorCode}`) : null;
  const noticeCode = signInNoticeCode(sp.notice);
  const notice = noticeCode ? t(`notices.${noticeCode}`) : null;
  const methods = signInMethods();
  const viewer = await getViewer();
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {viewer ? (
        <Notice tone="info">
          {t("signedInAs", { name: viewer.name })} <Link href="/account">{t("goToAccount")}</Link>
        </Notice>
      ) : null}
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <SignInForms
        callbackUrl={callbackUrl}
        magicLink={methods.magicLink}
        oauth={methods.oauth}
        actions={{ passwordSignIn, magicLinkSignIn, oauthSignIn }}
      />
      <p className="mt-8">
        {t("newHere")}{" "}
        <Link href={`/signup${callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}>
          {t("createAccount")}
        </Link>
      </p>
    </main>
  );
}
