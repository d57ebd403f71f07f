import Link from "next/link";
import { Notice } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";
import { describeUnsubscribe } from "@/lib/notifications/read";

export const dynamic = "force-dynamic";
export const metadata = { title: "E-mail notifications", robots: { index: false } };

/**
 * Where an unsubscribe link in a notification mail lands (no sign-in needed: the signed token names
 * the reader and the kind). Opening the link changes nothing by itself, so that mail scanners that
 * fetch links cannot unsubscribe anyone; the button does (and mail providers' RFC 8058 POST does).
 */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { token } = await params;
  const sp = await searchParams;
  const t = await describeUnsubscribe(token);
  const action = `/api/v1/notifications/unsubscribe/${encodeURIComponent(token)}`;
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-bold">E-mail notifications</h1>
      {!t ? (
        <Notice tone="error">
          This unsubscribe link is not valid: it may have been copied incompletely or altered. You can change
          your e-mail preferences on <Link href="/account#notifications">your account page</Link> after
          signing in.
        </Notice>
      ) : t.value === "off" ? (
        <>
          <Notice tone="success">
            {sp.done === "off" ? "Done: you" : "You"} will no longer get e-mails about {t.label}. You still
            see them under Notifications on the site.
          </Notice>
          <form method="post" action={action} className="mt-6">
            <input type="hidden" name="value" value="immediately" />
            <button type="submit" className={buttonClass("secondary")}>
              Turn these e-mails back on
            </button>
          </form>
        </>
      ) : (
        <>
          {sp.done === "immediately" ? (
            <Notice tone="success">E-mails about {t.label} are on again.</Notice>
          ) : null}
          <p className="mt-4">Stop e-mails about {t.label}?</p>
          <form method="post" action={action} className="mt-4">
            <input type="hidden" name="value" value="off" />
            <button type="submit" className={buttonClass()}>
              Unsubscribe
            </button>
          </form>
        </>
      )}
      <p className="mt-8 text-sm">
        All e-mail preferences: <Link href="/account#notifications">your account page</Link>.
      </p>
    </main>
  );
}
