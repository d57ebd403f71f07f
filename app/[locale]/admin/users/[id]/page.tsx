import Link from "next/link";
import { notFound } from "next/navigation";
import { UserActions } from "@/components/admin/UserActions";
import { ago, StatusBadge, when } from "@/components/admin/ui";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { getUserDetail } from "@/lib/moderation/users";
import { profileFacts } from "@/lib/profiles/handle";

export const dynamic = "force-dynamic";
export const metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePageViewer("moderate", `/admin/users/${id}`);
  const d = await withDb(getUserDetail, id, viewer).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const u = d.user;
  const profile = await withDb(profileFacts, id);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm">
        <Link href="/admin/users">← Users</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{u.name ?? "(no name)"}</h1>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
        <dt className="font-medium">Status</dt>
        <dd>
          <StatusBadge status={u.status} />
          {u.suspendedUntil ? ` until ${when(u.suspendedUntil)}` : ""}
          {u.statusReason ? ` — ${u.statusReason}` : ""}
        </dd>
        <dt className="font-medium">Role</dt>
        <dd>{u.role}</dd>
        {u.email !== undefined ? (
          <>
            <dt className="font-medium">Email</dt>
            <dd>
              {u.email} ({u.emailVerified ? "verified" : "not verified"})
            </dd>
          </>
        ) : null}
        {profile ? (
          <>
            <dt className="font-medium">Profile</dt>
            <dd>
              <Link href={`/admin/readers/${profile.handle}`}>@{profile.handle}</Link>
              {profile.hidden ? " (hidden from the public)" : ""}
            </dd>
          </>
        ) : null}
        <dt className="font-medium">Account age</dt>
        <dd>{ago(u.createdAt)}</dd>
        <dt className="font-medium">Comments</dt>
        <dd>
          {u.approvedCount} approved · {u.rejectedCount} rejected · {u.pendingCount} pending
        </dd>
      </dl>
      <div className="mt-6">
        <UserActions
          userId={u.id}
          status={u.status}
          role={u.role}
          viewerIsAdmin={viewer.role === "admin"}
          isSelf={viewer.id === u.id}
          emailUnverified={u.email != null && !u.emailVerified}
        />
      </div>
      <section aria-labelledby="notes-h" className="mt-8">
        <h2 id="notes-h" className="text-lg font-semibold">
          Moderator notes
        </h2>
        {d.notes.length ? (
          <ul className="mt-2 space-y-1 text-sm">
            {d.notes.map((n) => (
              <li key={n.id}>
                {when(n.createdAt)} · {n.author ?? "someone"}: {n.note}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm">No notes.</p>
        )}
      </section>
      <section aria-labelledby="history-h" className="mt-8">
        <h2 id="history-h" className="text-lg font-semibold">
          History
        </h2>
        {d.history.length ? (
          <ul className="mt-2 space-y-1 text-sm">
            {d.history.map((h) => (
              <li key={h.id}>
                {when(h.at)} · {h.action} by {h.actor ?? "the system"}
                {h.reason ? ` — ${h.reason}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm">No moderation actions on this account.</p>
        )}
      </section>
      <section aria-labelledby="comments-h" className="mt-8">
        <h2 id="comments-h" className="text-lg font-semibold">
          Latest comments
        </h2>
        <ul className="mt-2 space-y-3">
          {d.comments.map((c) => (
            <li key={c.id} className="rounded border border-zinc-200 p-2 text-sm dark:border-zinc-800">
              <StatusBadge status={c.status} /> {when(c.createdAt)} on{" "}
              <Link href={`/articles/${c.article.slug}`}>{c.article.title}</Link> — {c.explanation}
              <p className="mt-1 whitespace-pre-wrap break-words">{c.body}</p>
            </li>
          ))}
        </ul>
        {d.comments.length === 0 ? <p className="mt-2 text-sm">No comments.</p> : null}
      </section>
    </main>
  );
}
