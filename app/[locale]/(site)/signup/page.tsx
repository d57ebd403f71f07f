import Link from "next/link";
import { SignUpForm } from "@/components/auth/SignUpForm";
import { PASSWORD_MIN } from "@/lib/auth/password";
import { signUpAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <main className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <p className="mt-2">Join the discussion: comment, reply and vote on the articles.</p>
      <SignUpForm passwordMin={PASSWORD_MIN} signUpAction={signUpAction} />
      <p className="mt-8">
        Already have an account? <Link href="/signin">Sign in</Link>
      </p>
    </main>
  );
}
