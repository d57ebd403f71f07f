import Link from "next/link";
import { ResendVerification } from "@/components/account/ResendVerification";
import { Notice } from "@/components/ui/form";
import { MAGIC_LINK_MINUTES } from "@/lib/auth/providers";
import { getViewer } from "@/lib/auth/viewer";
import { mailAvailable } from "@/lib/mail";

export const dynamic = "force-dynamic";
export const metadata = { title: "Check your email" };

const LINK_ERRORS: Record<string, string> = {
  expired: "That confirmation link has expired. Ask for a new one below.",
  invalid:
    "That confirmation link is not valid: it may have been replaced by a newer one or copied incompletely. Ask for a new one below.",
};

export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const sp = await searchParams;
  const viewer = await getViewer();
  const linkError = typeof sp.error === "string" ? (LINK_ERRORS[sp.error] ?? null) : null;
  const forSignIn = sp.for === "signin" || sp.type === "email";
  const needsConfirmation = viewer && !viewer.emailVerified;
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-bold">Check your email</h1>
      {linkError ? <Notice tone="error">{linkError}</Notice> : null}
      {forSignIn ? (
        <p className="mt-4">
          We sent you a sign-in link. Open it on this device to sign in; it works once, for{" "}
          {MAGIC_LINK_MINUTES} minutes. Nothing arrived? Check your spam folder, or{" "}
          <Link href="/signin">ask for another link</Link>.
        </p>
      ) : needsConfirmation && !mailAvailable() ? (
        <p className="mt-4">
          This site is not set up to send email yet, so your address ({viewer.email}) cannot be confirmed for
          now. You can read everything; commenting and voting open once it is confirmed. Please tell the
          site&rsquo;s team.
        </p>
      ) : needsConfirmation ? (
        <>
          <p className="mt-4">
            We sent a confirmation link to <strong>{viewer.email}</strong>. Open it to confirm your address:
            you can read now, and comment and vote once it is confirmed.
          </p>
          <ResendVerification />
        </>
      ) : viewer ? (
        <p className="mt-4">
          Your email address is confirmed. <Link href="/">Back to the articles</Link>
        </p>
      ) : (
        <p className="mt-4">
          <Link href="/signin">Sign in</Link> to ask for a new confirmation link from your account page.
        </p>
      )}
    </main>
  );
}
