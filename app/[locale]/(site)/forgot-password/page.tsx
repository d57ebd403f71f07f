import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/ForgotPasswordForm";
import { Notice } from "@/components/ui/form";
import { mailAvailable } from "@/lib/mail";

export const dynamic = "force-dynamic";
export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-bold">Forgot your password?</h1>
      {mailAvailable() ? (
        <ForgotPasswordForm />
      ) : (
        <Notice tone="info">
          This site cannot send email, so passwords cannot be reset by mail. Ask the site&apos;s team to help
          you in.
        </Notice>
      )}
      <p className="mt-8">
        <Link href="/signin">Back to sign in</Link>
      </p>
    </main>
  );
}
