import { requirePageViewer } from "@/lib/auth/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Moderation" };

export default async function AdminHome() {
  const viewer = await requirePageViewer("moderate", "/admin");
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">Moderation</h1>
      <p className="mt-2">
        Signed in as {viewer.name} ({viewer.role}).
      </p>
    </main>
  );
}
