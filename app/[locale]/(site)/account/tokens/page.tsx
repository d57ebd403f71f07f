import { TokenManager } from "@/components/account/TokenManager";
import { listTokens } from "@/lib/auth/api-tokens";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";

export const dynamic = "force-dynamic";
export const metadata = { title: "API tokens" };

/** Personal API tokens for newsroom tools (moderators and admins). */
export default async function TokensPage() {
  const viewer = await requirePageViewer("moderate", "/account/tokens");
  const tokens = await withDb(listTokens, viewer.id);
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-2xl font-bold">API tokens</h1>
      <p className="mt-2 text-sm">
        Newsroom tools can use the moderation API (<code>/api/v1/admin/…</code>) with a personal token instead
        of your session. A token acts as you, with your role; revoke it when the tool no longer needs it.
      </p>
      <div className="mt-6">
        <TokenManager initial={tokens} />
      </div>
    </main>
  );
}
