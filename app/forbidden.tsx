import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-16 text-center">
      <h1 className="text-3xl font-bold">Not allowed</h1>
      <p className="mt-4">Your account does not have access to this page.</p>
      <p className="mt-6">
        <Link href="/">Back to the articles</Link>
      </p>
    </main>
  );
}
