import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";
import { pageLocale } from "@/lib/i18n/server";
import { mailText } from "@/lib/i18n/text";
import { describeUnsubscribe } from "@/lib/notifications/read";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "AccountUnsubscribe" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * Where an unsubscribe link in a notification mail lands (no sign-in needed: the signed token names
 * the reader and the kind). Opening the link changes nothing by itself, so that mail scanners that
 * fetch links cannot unsubscribe anyone; the button does (and mail providers' RFC 8058 POST does).
 */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string; locale: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const locale = await pageLocale(params);
  const { token } = await params;
  const sp = await searchParams;
  const tr = await getTranslations("AccountUnsubscribe");
  const u = await describeUnsubscribe(token);
  // the kind's name as the mail named it, in the page's language
  const category = u ? mailText(locale)(`Mail.notify.category.${u.category}`) : "";
  const account = (c: React.ReactNode) => <Link href="/account#notifications">{c}</Link>;
  const action = `/api/v1/notifications/unsubscribe/${encodeURIComponent(token)}`;
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-bold">{tr("title")}</h1>
      {!u ? (
        <Notice tone="error">{tr.rich("invalid", { a: account })}</Notice>
      ) : u.value === "off" ? (
        <>
          <Notice tone="success">{tr("off", { done: sp.done === "off" ? "yes" : "no", category })}</Notice>
          <form method="post" action={action} className="mt-6">
            <input type="hidden" name="value" value="immediately" />
            <button type="submit" className={buttonClass("secondary")}>
              {tr("backOn")}
            </button>
          </form>
        </>
      ) : (
        <>
          {sp.done === "immediately" ? <Notice tone="success">{tr("onAgain", { category })}</Notice> : null}
          <p className="mt-4">{tr("stop", { category })}</p>
          <form method="post" action={action} className="mt-4">
            <input type="hidden" name="value" value="off" />
            <button type="submit" className={buttonClass()}>
              {tr("unsubscribe")}
            </button>
          </form>
        </>
      )}
      <p className="mt-8 text-sm">{tr.rich("all", { a: account })}</p>
    </main>
  );
}
