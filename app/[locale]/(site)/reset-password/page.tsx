import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/ResetPasswordForm";
import { Notice } from "@/components/ui/form";
import { PASSWORD_MIN } from "@/lib/auth/password";
import { resetLinkState } from "@/lib/auth/password-reset";

export const dynamic = "force-dynamic";
export const metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const sp = await searchParams;
  const state = await resetLinkState(sp.id, sp.token);
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-bold">Choose a new password</h1>
      {state === "ok" ? (
        <ResetPasswordForm id={String(sp.id)} token={String(sp.token)} passwordMin={PASSWORD_MIN} />
      ) : (
        <Notice tone="error">
          {state === "expired"
            ? "This link has expired."
            : "This link is not valid: it may have been used already or replaced by a newer one."}{" "}
          <Link href="/forgot-password">Ask for a new link</Link>.
        </Notice>
      )}
    </main>
  );
}
