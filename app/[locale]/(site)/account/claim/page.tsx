import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClaimConfirm } from "@/components/account/ClaimConfirm";
import { Notice } from "@/components/ui/form";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/server";
import { claimLinkState } from "@/lib/import/claims";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "AccountClaim" });
  return { title: t("title"), referrer: "no-referrer" as const };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? undefined : v);

/** The link of the claim mail (lib/import/claims.ts): shows what would move, and one button to move it. */
export default async function ClaimPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await pageLocale(params);
  const sp = await searchParams;
  const id = one(sp.id);
  const token = one(sp.token);
  const returnTo = `/account/claim?${new URLSearchParams({ id: id ?? "", token: token ?? "" })}`;
  const viewer = await requirePageViewer("account", returnTo);
  const t = await getTranslations("AccountClaim");
  const link = await withDb(claimLinkState, viewer.id, { id, token });
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {link.state === "ok" ? (
        <>
          <p className="mt-4">
            {t.rich("what", {
              count: link.what.comments,
              sources: link.what.sources.join(", "),
              names: link.what.names.join(", "),
              b: (c) => <strong>{c}</strong>,
              a: (c) => <Link href="/account/comments">{c}</Link>,
            })}
          </p>
          <ClaimConfirm id={id!} token={token!} />
        </>
      ) : (
        <Notice tone={link.state === "claimed" ? "info" : "error"}>
          {link.state === "expired"
            ? t("expired")
            : link.state === "other_account"
              ? t("otherAccount")
              : link.state === "claimed"
                ? t("claimed")
                : t("invalid")}{" "}
          {t.rich("back", {
            askAgain: link.state === "expired" || link.state === "invalid" ? "yes" : "no",
            a: (c) => <Link href="/account">{c}</Link>,
          })}
        </Notice>
      )}
    </main>
  );
}
