import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { titleFrom } from "@/components/admin/metadata";
import { UserActions } from "@/components/admin/UserActions";
import { ago, StatusBadge, useStatusWord, when } from "@/components/admin/ui";
import { requirePageViewer } from "@/lib/auth/pages";
import { withDb } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { pageLocale } from "@/lib/i18n/server";
import { getUserDetail } from "@/lib/moderation/users";
import { profileFacts } from "@/lib/profiles/handle";

export const dynamic = "force-dynamic";
export const generateMetadata = titleFrom("AdminUser");

function Word({ value }: { value: string }) {
  return useStatusWord()(value);
}

export default async function UserPage({ params }: { params: Promise<{ id: string; locale: string }> }) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const viewer = await requirePageViewer("moderate", `/admin/users/${id}`);
  const t = await getTranslations("AdminUser");
  const f = await getFormatter();
  const d = await withDb(getUserDetail, id, viewer, locale).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const u = d.user;
  const profile = await withDb(profileFacts, id);
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm">
        <Link href="/admin/users">{t("back")}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{u.name ?? t("noName")}</h1>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
        <dt className="font-medium">{t("status")}</dt>
        <dd>
          <StatusBadge status={u.status} />
          {u.suspendedUntil ? t("until", { when: when(f, u.suspendedUntil) }) : ""}
          {u.statusReason ? ` — ${u.statusReason}` : ""}
        </dd>
        <dt className="font-medium">{t("role")}</dt>
        <dd>
          <Word value={u.role} />
        </dd>
        {u.email !== undefined ? (
          <>
            <dt className="font-medium">{t("email")}</dt>
            <dd>{t("emailState", { email: u.email ?? "", verified: u.emailVerified ? "yes" : "no" })}</dd>
          </>
        ) : null}
        {profile ? (
          <>
            <dt className="font-medium">{t("profile")}</dt>
            <dd>
              <Link href={`/admin/readers/${profile.handle}`}>@{profile.handle}</Link>
              {profile.hidden ? t("hidden") : ""}
            </dd>
          </>
        ) : null}
        <dt className="font-medium">{t("age")}</dt>
        <dd>{ago(f, u.createdAt)}</dd>
        <dt className="font-medium">{t("comments")}</dt>
        <dd>
          {t("counts", {
            approved: f.number(u.approvedCount),
            rejected: f.number(u.rejectedCount),
            pending: f.number(u.pendingCount),
          })}
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
          {t("notes")}
        </h2>
        {d.notes.length ? (
          <ul className="mt-2 space-y-1 text-sm">
            {d.notes.map((n) => (
              <li key={n.id}>
                {t("note", { when: when(f, n.createdAt), author: n.author ?? t("someone"), note: n.note })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm">{t("noNotes")}</p>
        )}
      </section>
      <section aria-labelledby="history-h" className="mt-8">
        <h2 id="history-h" className="text-lg font-semibold">
          {t("history")}
        </h2>
        {d.history.length ? (
          <ul className="mt-2 space-y-1 text-sm">
            {d.history.map((h) => (
              <li key={h.id}>
                {t("entry", { when: when(f, h.at), action: h.action, actor: h.actor ?? t("system") })}
                {h.reason ? ` — ${h.reason}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm">{t("noHistory")}</p>
        )}
      </section>
      <section aria-labelledby="comments-h" className="mt-8">
        <h2 id="comments-h" className="text-lg font-semibold">
          {t("latest")}
        </h2>
        <ul className="mt-2 space-y-3">
          {d.comments.map((c) => (
            <li key={c.id} className="rounded border border-zinc-200 p-2 text-sm dark:border-zinc-800">
              <StatusBadge status={c.status} />{" "}
              {t.rich("commentOn", {
                when: when(f, c.createdAt),
                title: c.article.title,
                explanation: c.explanation,
                a: (x) => (
                  <Link href={`/articles/${c.article.slug}`} prefetch={false}>
                    {x}
                  </Link>
                ),
              })}
              <p className="mt-1 whitespace-pre-wrap break-words">{c.body}</p>
            </li>
          ))}
        </ul>
        {d.comments.length === 0 ? <p className="mt-2 text-sm">{t("noComments")}</p> : null}
      </section>
    </main>
  );
}
