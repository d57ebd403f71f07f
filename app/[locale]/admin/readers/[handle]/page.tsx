// Staff see a reader's profile even when the reader hid it from the public.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReaderProfileView } from "@/components/discovery/ReaderProfile";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { findReaderProfile } from "@/lib/profiles/profile";

export const dynamic = "force-dynamic";
export const metadata = { title: "Reader profile" };

export default async function AdminReaderPage({
  params,
  searchParams,
}: {
  params: Promise<{ handle: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { handle } = await params;
  await requirePageViewer("moderate", `/admin/readers/${handle}`);
  const n = Number((await searchParams).page ?? 1);
  const p = await withDb(findReaderProfile, handle, Number.isInteger(n) ? n : 1, {
    includeHidden: true,
  });
  if (!p) notFound();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <p className="text-sm">
        <Link href={`/admin/users/${p.userId}`}>← User</Link>
      </p>
      {p.hidden ? (
        <p
          role="note"
          className="mt-3 rounded bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          The reader hid this profile: only staff see it.
        </p>
      ) : null}
      <ReaderProfileView profile={p} basePath={`/admin/readers/${p.handle}`} pageQuery />
    </main>
  );
}
