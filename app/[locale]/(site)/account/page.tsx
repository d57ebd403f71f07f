import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/[locale]/(site)/signin/actions";
import { ClaimImported } from "@/components/account/ClaimImported";
import { NotifyPrefsForm } from "@/components/account/NotifyPrefsForm";
import { PasswordForm } from "@/components/account/PasswordForm";
import { ProfileForm } from "@/components/account/ProfileForm";
import { PublicProfileForm } from "@/components/account/PublicProfileForm";
import { ResendVerification } from "@/components/account/ResendVerification";
import { SignOutEverywhere } from "@/components/account/SignOutEverywhere";
import { titleFrom } from "@/components/admin/metadata";
import { Notice } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";
import { requirePageViewer } from "@/lib/auth/pages";
import { PASSWORD_MIN } from "@/lib/auth/password";
import { writeBlock } from "@/lib/auth/permissions";
import { findUserById } from "@/lib/auth/users";
import { withDb } from "@/lib/db";
import { pageLocale } from "@/lib/i18n/server";
import { messageText, render } from "@/lib/i18n/text";
import { claimableFor } from "@/lib/import/claims";
import { viewerPrefs } from "@/lib/notifications/prefs";
import { nextHandleChange } from "@/lib/profiles/handle";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("Account");

const sectionClass = "mt-8 border-t border-zinc-200 pt-6 dark:border-zinc-800";

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await pageLocale(params);
  const viewer = await requirePageViewer("account", "/account");
  const t = await getTranslations("Account");
  const locale = await getLocale();
  const sp = await searchParams;
  const user = await withDb(findUserById, viewer.id);
  const block = writeBlock(viewer);
  const sanction = block ? render(messageText(block), locale) : null;
  const claimable = await withDb(claimableFor, viewer.id);
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2">
        {t.rich("signedInAs", {
          name: viewer.name,
          email: viewer.email ?? "",
          role: t("role", { role: viewer.role }),
          b: (c) => <strong>{c}</strong>,
        })}
        {viewer.role !== "reader" ? (
          <>
            {" "}
            · <Link href="/admin">{t("moderation")}</Link>
          </>
        ) : null}
      </p>
      <p className="mt-2">{t.rich("myComments", { a: (c) => <Link href="/account/comments">{c}</Link> })}</p>
      {sp.welcome ? <Notice tone="info">{t("welcome")}</Notice> : null}
      {sp.notice === "verified" ? <Notice tone="success">{t("verified")}</Notice> : null}
      {sanction ? <Notice tone="warning">{sanction}</Notice> : null}
      {!viewer.emailVerified ? (
        <Notice tone="info">
          {t("confirm", { email: viewer.email ?? "" })}
          <ResendVerification />
        </Notice>
      ) : null}

      {claimable.accounts > 0 && viewer.email ? (
        <section aria-labelledby="claim-heading" className={sectionClass}>
          <h2 id="claim-heading" className="text-lg font-semibold">
            {t("claim.heading")}
          </h2>
          <p className="mt-1 text-sm">
            {t.rich("claim.text", {
              count: claimable.comments,
              email: viewer.email,
              names: claimable.names.join(", "),
              b: (c) => <strong>{c}</strong>,
            })}
          </p>
          <ClaimImported email={viewer.email} />
        </section>
      ) : null}

      <section aria-labelledby="profile-heading" className={sectionClass}>
        <h2 id="profile-heading" className="text-lg font-semibold">
          {t("profile")}
        </h2>
        <ProfileForm
          name={user?.name ?? ""}
          showPollTag={viewer.showPollTag}
          canRename={!sanction}
          locale={user?.locale ?? "en"}
        />
      </section>

      {user?.handle ? (
        <section aria-labelledby="public-profile-heading" className={sectionClass}>
          <h2 id="public-profile-heading" className="text-lg font-semibold">
            {t("publicProfile")}
          </h2>
          <PublicProfileForm
            handle={user.handle}
            hidden={user.profileHidden}
            nextChange={nextHandleChange(user.handleChangedAt)?.toISOString() ?? null}
          />
        </section>
      ) : null}
      <section id="notifications" aria-labelledby="notify-heading" className={sectionClass}>
        <h2 id="notify-heading" className="text-lg font-semibold">
          {t("notifications")}
        </h2>
        <p className="mt-1 text-sm">
          {t.rich("seeNotifications", { a: (c) => <Link href="/account/notifications">{c}</Link> })}
        </p>
        <NotifyPrefsForm prefs={await viewerPrefs(viewer.id)} />
      </section>

      <section aria-labelledby="password-heading" className={sectionClass}>
        <h2 id="password-heading" className="text-lg font-semibold">
          {t("password")}
        </h2>
        <PasswordForm hasPassword={Boolean(user?.passwordHash)} passwordMin={PASSWORD_MIN} />
      </section>

      <section aria-labelledby="sessions-heading" className={sectionClass}>
        <h2 id="sessions-heading" className="text-lg font-semibold">
          {t("sessions")}
        </h2>
        <p className="mt-1 text-sm">{t("sessionsIntro")}</p>
        <div className="mt-3 flex flex-wrap items-start gap-3">
          <form action={signOutAction}>
            <button type="submit" className={buttonClass("secondary")}>
              {t("signOut")}
            </button>
          </form>
          <SignOutEverywhere />
        </div>
      </section>

      <section aria-labelledby="data-heading" className={sectionClass}>
        <h2 id="data-heading" className="text-lg font-semibold">
          {t("data")}
        </h2>
        <ul className="mt-2 list-disc space-y-2 ps-6">
          <li>
            <a href="/api/v1/account/export" download>
              {t("download")}
            </a>
            {t("downloadNote")}
          </li>
          <li>
            <Link href="/account/delete">{t("delete")}</Link>
          </li>
        </ul>
      </section>
    </main>
  );
}
