import Link from "next/link";
import { DeleteAccountForm } from "@/components/account/DeleteAccountForm";
import { DELETE_PHRASE } from "@/lib/auth/account-deletion";
import { requirePageViewer } from "@/lib/auth/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Delete your account" };

export default async function DeleteAccountPage() {
  const viewer = await requirePageViewer("account", "/account/delete");
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold">Delete your account</h1>
      <p className="mt-4">
        This deletes the account of <strong>{viewer.name}</strong> ({viewer.email}) for good: you are signed
        out everywhere, you can never sign in to it again, and your email address, name and password are
        erased. Your votes stay counted without your name. You may want to{" "}
        <a href="/api/v1/account/export" download>
          download your data
        </a>{" "}
        first.
      </p>
      <DeleteAccountForm phrase={DELETE_PHRASE} />
      <p className="mt-8">
        <Link href="/account">Keep my account</Link>
      </p>
    </main>
  );
}
