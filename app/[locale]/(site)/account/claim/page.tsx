import Link from "next/link";
import { ClaimConfirm } from "@/components/account/ClaimConfirm";
import { Notice } from "@/components/ui/form";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { claimLinkState } from "@/lib/import/claims";

export const dynamic = "force-dynamic";
export const metadata = { title: "Claim your imported comments", referrer: "no-referrer" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? undefined : v);

/** The link of the claim mail (lib/import/claims.ts): shows what would move, and one button to move it. */
export default async function ClaimPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const sp = await searchParams;
  const id = one(sp.id);
  const token = one(sp.token);
  const returnTo = `/account/claim?${new URLSearchParams({ id: id ?? "", token: token ?? "" })}`;
  const viewer = await requirePageViewer("account", returnTo);
  const link = await withDb(claimLinkState, viewer.id, { id, token });
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold">Claim your imported comments</h1>
      {link.state === "ok" ? (
        <>
          <p className="mt-4">
            {link.what.comments} {link.what.comments === 1 ? "comment" : "comments"} imported from the
            site&apos;s old comment system ({link.what.sources.join(", ")}) were written with your email
            address, as <strong>{link.what.names.join(", ")}</strong>. Claiming them makes them yours: they
            show your name, you can edit or delete them, and they appear under{" "}
            <Link href="/account/comments">My comments</Link>.
          </p>
          <ClaimConfirm id={id!} token={token!} />
        </>
      ) : (
        <Notice tone={link.state === "claimed" ? "info" : "error"}>
          {link.state === "expired"
            ? "This link has expired."
            : link.state === "other_account"
              ? "This link was sent for another account: sign in with the account that asked for it."
              : link.state === "claimed"
                ? "These imported comments have already been claimed."
                : "This link is not valid: it may have been used already or replaced by a newer one."}{" "}
          <Link href="/account">Back to your account</Link>
          {link.state === "expired" || link.state === "invalid" ? " (ask for a new link there)" : ""}.
        </Notice>
      )}
    </main>
  );
}
