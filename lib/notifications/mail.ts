// Notification e-mail (issue 16): one mail per notification for readers who chose "immediately", at
// most AGORA_NOTIFY_MAILS_PER_HOUR (10) per reader per hour, the rest folded into the next digest; a
// digest for readers who chose "digest". Every mail has a plain-text and an HTML part, the site's
// name, the comment's excerpt, a link to it and a signed one-click unsubscribe link per kind, also in
// the List-Unsubscribe / List-Unsubscribe-Post headers (RFC 8058).
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { NotificationKind } from "@/db/schema";
import { rowsOf } from "@/lib/db";
import { mailText } from "@/lib/i18n/text";
import { publicBaseUrl, sendMail } from "@/lib/mail";
import { categoryOf, type PrefCategory, readPrefs } from "./prefs";
import { unsubscribeToken } from "./tokens";

export function siteName(): string {
  return process.env.AGORA_SITE_NAME || "Agora";
}

export function mailsPerHour(): number {
  const n = Number(process.env.AGORA_NOTIFY_MAILS_PER_HOUR ?? 10);
  return Number.isFinite(n) && n >= 0 ? n : 10;
}

export function unsubscribeUrl(userId: string, category: PrefCategory): string {
  return `${publicBaseUrl()}/api/v1/notifications/unsubscribe/${unsubscribeToken(userId, category)}`;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

interface Row {
  id: string;
  user_id: string;
  kind: NotificationKind;
  data: Record<string, unknown> | string;
  email: string | null;
  name: string | null;
  locale: string | null;
}

function dataOf(r: Row): Record<string, unknown> {
  return typeof r.data === "string" ? JSON.parse(r.data) : r.data;
}

/** One line saying what happened, e.g. "Ada replied to your comment on “Title”", in `locale`. */
export function headline(kind: NotificationKind, d: Record<string, unknown>, locale: string = "en"): string {
  const t = mailText(locale);
  const p = {
    who: d.actorName ? String(d.actorName) : t("Mail.notify.someone"),
    hasTitle: d.articleTitle ? "yes" : "no",
    title: String(d.articleTitle ?? ""),
    hasReason: d.reason ? "yes" : "no",
    reason: String(d.reason ?? ""),
  };
  if (kind === "appeal")
    return t(d.outcome === "overturned" ? "Mail.notify.appealGranted" : "Mail.notify.appealRefused", p);
  return t(`Mail.notify.${kind}`, p);
}

function compose(
  to: string,
  userId: string,
  items: Array<{ kind: NotificationKind; d: Record<string, unknown> }>,
  locale: string,
) {
  const t = mailText(locale);
  const base = publicBaseUrl();
  const site = siteName();
  const categories = [...new Set(items.map((i) => categoryOf(i.kind)))];
  const digest = items.length > 1;
  const subject = digest
    ? t("Mail.notify.digestSubject", { count: items.length, site })
    : `${headline(items[0].kind, items[0].d, locale)} — ${site}`;
  const blocks = items.map(({ kind, d }) => ({
    title: headline(kind, d, locale),
    excerpt: String(d.excerpt ?? ""),
    link: `${base}${String(d.url ?? "/account/notifications")}`,
  }));
  const unsub = categories.map((c) => ({
    c,
    url: unsubscribeUrl(userId, c),
    label: t(`Mail.notify.category.${c}`),
  }));
  const text = [
    digest ? t("Mail.notify.digestIntro", { site }) : site,
    "",
    ...blocks.flatMap((b) => [b.title, b.excerpt ? `“${b.excerpt}”` : "", b.link, ""]),
    t("Mail.notify.allNotificationsAt", { url: `${base}/account/notifications` }),
    "",
    ...unsub.map((u) => t("Mail.notify.stopAt", { category: u.label, url: u.url })),
    t("Mail.notify.preferences", { url: `${base}/account#notifications` }),
  ]
    .filter((l, i, a) => !(l === "" && a[i - 1] === ""))
    .join("\n");
  const html = `<!doctype html><html lang="${esc(locale)}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">
<p style="font-weight:600">${esc(site)}</p>
${blocks
  .map(
    (b) =>
      `<div style="margin:0 0 1.25em"><p style="margin:0 0 .25em">${esc(b.title)}</p>${
        b.excerpt
          ? `<blockquote style="margin:0 0 .5em;padding-left:.75em;border-left:3px solid #ccc;color:#444">${esc(b.excerpt)}</blockquote>`
          : ""
      }<a href="${esc(b.link)}">${esc(t("Mail.notify.readIt", { site }))}</a></div>`,
  )
  .join("\n")}
<p style="font-size:.85em;color:#555"><a href="${esc(`${base}/account/notifications`)}">${esc(t("Mail.notify.allNotifications"))}</a> ·
${unsub.map((u) => `<a href="${esc(u.url)}">${esc(t("Mail.notify.stop", { category: u.label }))}</a>`).join(" · ")}</p>
</body></html>`;
  return {
    to,
    subject,
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${unsub[0].url}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

export type MailOutcome = "sent" | "skipped" | "off" | "digest" | "folded";

/**
 * Sends the mail of one notification, exactly once: the row is claimed (pending -> sending) in a
 * transaction before the SMTP call, so a second worker that got the same job finds nothing to do.
 * Over the hourly limit the notification waits for the digest instead. A failed send puts the row back
 * to pending and throws, so the queue retries it with backoff.
 */
export async function sendNotificationMail(db: Db, notificationId: string): Promise<MailOutcome> {
  const claim = await db.transaction(async (tx) => {
    const [r] = await rowsOf<Row>(
      tx,
      sql`select n.id, n.user_id, n.kind, n.data, case when u.deleted_at is null then u.email end as email, u.name, u.locale
          from notifications n join users u on u.id = n.user_id
          where n.id = ${notificationId} and n.mail_state = 'pending' for update of n skip locked`,
    );
    if (!r) return { outcome: "skipped" as const };
    const pref = (await readPrefs(tx, r.user_id))[categoryOf(r.kind)];
    const set = (state: string) =>
      tx.execute(sql`update notifications set mail_state = ${state} where id = ${r.id}`);
    if (pref === "off" || !r.email) {
      await set("none");
      return { outcome: "off" as const };
    }
    if (pref === "digest") {
      await set("digest");
      return { outcome: "digest" as const };
    }
    // one reader's mails are counted one worker at a time
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`agora-mail:${r.user_id}`}))`);
    const [{ n }] = await rowsOf<{ n: number }>(
      tx,
      sql`select count(*)::int as n from notifications where user_id = ${r.user_id}
          and mail_state in ('sending', 'sent') and mailed_at > now() - interval '1 hour'`,
    );
    if (Number(n) >= mailsPerHour()) {
      await set("digest");
      return { outcome: "folded" as const };
    }
    await tx.execute(
      sql`update notifications set mail_state = 'sending', mailed_at = now() where id = ${r.id}`,
    );
    return { outcome: "send" as const, row: r };
  });
  if (claim.outcome !== "send") return claim.outcome;
  const r = claim.row;
  try {
    await sendMail(compose(r.email!, r.user_id, [{ kind: r.kind, d: dataOf(r) }], r.locale ?? "en"));
  } catch (e) {
    await db.execute(
      sql`update notifications set mail_state = 'pending', mailed_at = null where id = ${r.id}`,
    );
    throw e;
  }
  await db.execute(sql`update notifications set mail_state = 'sent' where id = ${r.id}`);
  return "sent";
}

/**
 * Sends one digest per reader with notifications waiting (chosen "digest", or folded over the hourly
 * limit). Rows are claimed (digest -> digesting) before sending; on failure they go back. Answers how
 * many digests were sent.
 */
export async function sendDigests(db: Db, maxReaders = 500): Promise<number> {
  const readers = await rowsOf<{ user_id: string }>(
    db,
    sql`select distinct user_id from notifications where mail_state = 'digest' limit ${maxReaders}`,
  );
  let sent = 0;
  for (const { user_id } of readers) {
    const rows = await db.transaction(async (tx) => {
      const rs = await rowsOf<Row>(
        tx,
        sql`select n.id, n.user_id, n.kind, n.data, case when u.deleted_at is null then u.email end as email, u.name, u.locale
            from notifications n join users u on u.id = n.user_id
            where n.user_id = ${user_id} and n.mail_state = 'digest' order by n.created_at
            for update of n skip locked`,
      );
      if (!rs.length) return rs;
      const prefs = await readPrefs(tx, user_id);
      const keep = rs.filter((r) => r.email && prefs[categoryOf(r.kind)] !== "off");
      const drop = rs.filter((r) => !keep.includes(r));
      if (drop.length)
        await tx.execute(
          sql`update notifications set mail_state = 'none' where id in (${sql.join(
            drop.map((r) => sql`${r.id}`),
            sql`, `,
          )})`,
        );
      if (keep.length)
        await tx.execute(
          sql`update notifications set mail_state = 'digesting' where id in (${sql.join(
            keep.map((r) => sql`${r.id}`),
            sql`, `,
          )})`,
        );
      return keep;
    });
    if (!rows.length) continue;
    const ids = sql.join(
      rows.map((r) => sql`${r.id}`),
      sql`, `,
    );
    try {
      await sendMail(
        compose(
          rows[0].email!,
          user_id,
          rows.map((r) => ({ kind: r.kind, d: dataOf(r) })),
          rows[0].locale ?? "en",
        ),
      );
    } catch (e) {
      await db.execute(sql`update notifications set mail_state = 'digest' where id in (${ids})`);
      throw e;
    }
    await db.execute(
      sql`update notifications set mail_state = 'digested', mailed_at = now() where id in (${ids})`,
    );
    sent++;
  }
  return sent;
}
