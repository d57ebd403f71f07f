import Link from "next/link";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-16 text-center">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4">The page you asked for does not exist, or is not published.</p>
      <p className="mt-6">
        <Link href="/">Back to the latest articles</Link>
      </p>
    </main>
  );
}
