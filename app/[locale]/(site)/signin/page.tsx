import Link from "next/link";
import { SignInForms } from "@/components/auth/SignInForms";
import { Notice } from "@/components/ui/form";
import { safeCallback, signInErrorMessage, signInNotice } from "@/lib/auth/messages";
import { signInMethods } from "@/lib/auth/providers";
import { getViewer } from "@/lib/auth/viewer";
import { magicLinkSignIn, oauthSignIn, passwordSignIn } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const sp = await searchParams;
  const callbackUrl = safeCallback(sp.callbackUrl);
  const error = signInErrorMessage(sp.error);
  const notice = signInNotice(sp.notice);
  const methods = signInMethods();
  const viewer = await getViewer();
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-bold">Sign in</h1>
      {viewer ? (
        <Notice tone="info">
          You are signed in as {viewer.name}. <Link href="/account">Go to your account</Link>
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
        New here?{" "}
        <Link href={`/signup${callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}>
          Create an account
        </Link>
      </p>
    </main>
  );
}
