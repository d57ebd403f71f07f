import Link from "next/link";
import { signOutAction } from "@/app/[locale]/(site)/signin/actions";
import { ClaimImported } from "@/components/account/ClaimImported";
import { NotifyPrefsForm } from "@/components/account/NotifyPrefsForm";
import { PasswordForm } from "@/components/account/PasswordForm";
import { ProfileForm } from "@/components/account/ProfileForm";
import { PublicProfileForm } from "@/components/account/PublicProfileForm";
import { ResendVerification } from "@/components/account/ResendVerification";
import { SignOutEverywhere } from "@/components/account/SignOutEverywhere";
import { Notice } from "@/components/ui/form";
import { buttonClass } from "@/components/ui/styles";
import { requirePageViewer } from "@/lib/auth/pages";
import { PASSWORD_MIN } from "@/lib/auth/password";
import { writeBlock } from "@/lib/auth/permissions";
import { findUserById } from "@/lib/auth/users";
import { withDb } from "@/lib/db";
import { claimableFor } from "@/lib/import/claims";
import { viewerPrefs } from "@/lib/notifications/prefs";
import { nextHandleChange } from "@/lib/profiles/handle";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your account" };

const sectionClass = "mt-8 border-t border-zinc-200 pt-6 dark:border-zinc-800";

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const viewer = await requirePageViewer("account", "/account");
  const sp = await searchParams;
  const user = await withDb(findUserById, viewer.id);
  const sanction = writeBlock(viewer);
  const claimable = await withDb(claimableFor, viewer.id);
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold">Your account</h1>
      <p className="mt-2">
        Signed in as <strong>{viewer.name}</strong> ({viewer.email}) · {viewer.role}
        {viewer.role !== "reader" ? (
          <>
            {" "}
            · <Link href="/admin">Moderation</Link>
          </>
        ) : null}
      </p>
      <p className="mt-2">
        <Link href="/account/comments">My comments</Link>: everything you wrote, what happened to it, and
        appeals against a moderator&apos;s decision.
      </p>
      {sp.welcome ? (
        <Notice tone="info">Welcome! Choose the display name shown beside your comments.</Notice>
      ) : null}
      {sp.notice === "verified" ? <Notice tone="success">Your email address is confirmed.</Notice> : null}
      {sanction ? <Notice tone="warning">{sanction}</Notice> : null}
      {!viewer.emailVerified ? (
        <Notice tone="info">
          Confirm your email address to comment and vote: open the link we sent to {viewer.email}.
          <ResendVerification />
        </Notice>
      ) : null}

      {claimable.accounts > 0 && viewer.email ? (
        <section aria-labelledby="claim-heading" className={sectionClass}>
          <h2 id="claim-heading" className="text-lg font-semibold">
            Your imported comments
          </h2>
          <p className="mt-1 text-sm">
            {claimable.comments} {claimable.comments === 1 ? "comment" : "comments"} imported from the
            site&apos;s old comment system were written with {viewer.email}, as{" "}
            <strong>{claimable.names.join(", ")}</strong>. Claim them to make them part of this account.
          </p>
          <ClaimImported email={viewer.email} />
        </section>
      ) : null}

      <section aria-labelledby="profile-heading" className={sectionClass}>
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <ProfileForm name={user?.name ?? ""} showPollTag={viewer.showPollTag} canRename={!sanction} />
      </section>

      {user?.handle ? (
        <section aria-labelledby="public-profile-heading" className={sectionClass}>
          <h2 id="public-profile-heading" className="text-lg font-semibold">
            Public profile
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
          Notifications
        </h2>
        <p className="mt-1 text-sm">
          <Link href="/account/notifications">See your notifications</Link>. Which of them also come by
          e-mail:
        </p>
        <NotifyPrefsForm prefs={await viewerPrefs(viewer.id)} />
      </section>

      <section aria-labelledby="password-heading" className={sectionClass}>
        <h2 id="password-heading" className="text-lg font-semibold">
          Password
        </h2>
        <PasswordForm hasPassword={Boolean(user?.passwordHash)} passwordMin={PASSWORD_MIN} />
      </section>

      <section aria-labelledby="sessions-heading" className={sectionClass}>
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="mt-1 text-sm">
          Signed in on a device you no longer use? Signing out everywhere ends every session, this one
          included.
        </p>
        <div className="mt-3 flex flex-wrap items-start gap-3">
          <form action={signOutAction}>
            <button type="submit" className={buttonClass("secondary")}>
              Sign out
            </button>
          </form>
          <SignOutEverywhere />
        </div>
      </section>

      <section aria-labelledby="data-heading" className={sectionClass}>
        <h2 id="data-heading" className="text-lg font-semibold">
          Your data
        </h2>
        <ul className="mt-2 list-disc space-y-2 ps-6">
          <li>
            <a href="/api/v1/account/export" download>
              Download my data
            </a>{" "}
            (JSON: profile, comments, votes, poll votes, reports)
          </li>
          <li>
            <Link href="/account/delete">Delete my account</Link>
          </li>
        </ul>
      </section>
    </main>
  );
}
