import Link from "next/link";

export const metadata = { title: "Account deleted" };

export default function AccountDeletedPage() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Your account has been deleted</h1>
      <p className="mt-4">Thank you for taking part. You are signed out on every device.</p>
      <p className="mt-6">
        <Link href="/">Back to the articles</Link>
      </p>
    </main>
  );
}
