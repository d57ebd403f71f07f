"use client";
// Admin webhooks: register an endpoint (URL, events, secret), see each one's state and delivery log,
// send a test event, re-enable or delete. Everything goes through /api/v1/admin/webhooks.
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";

export interface HookView {
  id: string;
  name: string;
  url: string;
  events: string[];
  active: boolean;
  secretHint: string;
  failingSince: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
}

interface Delivery {
  id: string;
  event: string;
  status: string;
  attempts: number;
  responseCode: number | null;
  error: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
}

const EVENTS = [
  "comment.created",
  "comment.approved",
  "comment.rejected",
  "comment.reported",
  "poll.closed",
  "article.published",
];

export function WebhookManager({ initial }: { initial: HookView[] }) {
  const t = useTranslations("AdminWebhookManager");
  const f = useFormatter();
  const at = (iso: string) => `${f.dateTime(new Date(iso), "dateTime")} UTC`;
  const [hooks, setHooks] = useState(initial);
  const [msg, setMsg] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<Record<string, Delivery[]>>({});

  async function refresh() {
    const r = await callApi<{ webhooks: HookView[] }>("GET", "/api/v1/admin/webhooks");
    if (r.ok && r.data) setHooks(r.data.webhooks);
  }
  async function create(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body: Record<string, unknown> = {
      url: String(form.get("url") ?? ""),
      name: String(form.get("name") ?? ""),
      events: EVENTS.filter((ev) => form.get(ev) === "on"),
    };
    const s = String(form.get("secret") ?? "");
    if (s) body.secret = s;
    const r = await callApi<{ webhook: HookView & { secret: string } }>(
      "POST",
      "/api/v1/admin/webhooks",
      body,
    );
    if (!r.ok || !r.data) return setMsg({ tone: "error", text: r.error?.message ?? t("notSaved") });
    setSecret(r.data.webhook.secret);
    setMsg({ tone: "ok", text: t("added") });
    e.currentTarget.reset();
    await refresh();
  }
  async function act(h: HookView, what: "test" | "delete" | "enable" | "disable" | "log") {
    if (what === "log") {
      const r = await callApi<{ deliveries: Delivery[] }>("GET", `/api/v1/admin/webhooks/${h.id}/deliveries`);
      if (r.ok && r.data) setLog((l) => ({ ...l, [h.id]: r.data!.deliveries }));
      return;
    }
    const r =
      what === "test"
        ? await callApi("POST", `/api/v1/admin/webhooks/${h.id}/test`)
        : what === "delete"
          ? await callApi("DELETE", `/api/v1/admin/webhooks/${h.id}`)
          : await callApi("PATCH", `/api/v1/admin/webhooks/${h.id}`, { active: what === "enable" });
    setMsg(
      r.ok
        ? { tone: "ok", text: what === "test" ? t("testQueued") : t("saved") }
        : { tone: "error", text: r.error?.message ?? t("failed") },
    );
    await refresh();
    if (what === "test") setTimeout(() => void act(h, "log"), 1500);
  }
  return (
    <div className="mt-6 space-y-8">
      {msg ? (
        <p
          role={msg.tone === "error" ? "alert" : "status"}
          className={
            msg.tone === "error" ? "text-red-700 dark:text-red-300" : "text-green-800 dark:text-green-300"
          }
        >
          {msg.text}
        </p>
      ) : null}
      {secret ? (
        <p role="status" className="break-all rounded border border-amber-400 p-3 text-sm">
          {t.rich("secret", { secret, code: (c) => <code>{c}</code> })}
        </p>
      ) : null}
      <section aria-labelledby="hooks-heading">
        <h2 id="hooks-heading" className="text-xl font-semibold">
          {t("endpoints")}
        </h2>
        {hooks.length === 0 ? <p className="mt-2">{t("none")}</p> : null}
        <ul className="mt-2 space-y-4">
          {hooks.map((h) => (
            <li key={h.id} className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
              <p className="break-all font-medium">
                {h.name ? `${h.name} · ` : ""}
                {h.url}
              </p>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {t("state", {
                  events: h.events.join(", "),
                  hint: h.secretHint,
                  state: h.active
                    ? h.failingSince
                      ? t("failingSince", { when: at(h.failingSince) })
                      : t("active")
                    : t("disabled"),
                })}
                {h.disabledReason ? ` (${h.disabledReason})` : ""}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <button type="button" className={buttonClass("secondary")} onClick={() => act(h, "test")}>
                  {t("test")}
                </button>
                <button type="button" className={buttonClass("secondary")} onClick={() => act(h, "log")}>
                  {t("log")}
                </button>
                <button
                  type="button"
                  className={buttonClass("secondary")}
                  onClick={() => act(h, h.active ? "disable" : "enable")}
                >
                  {h.active ? t("disable") : t("enable")}
                </button>
                <button type="button" className={buttonClass("danger")} onClick={() => act(h, "delete")}>
                  {t("delete")}
                </button>
              </div>
              {log[h.id] ? (
                <div className="mt-3 overflow-x-auto">
                  <table className="min-w-full text-start text-sm">
                    <caption className="sr-only">{t("caption", { url: h.url })}</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="pe-3">
                          {t("time")}
                        </th>
                        <th scope="col" className="pe-3">
                          {t("event")}
                        </th>
                        <th scope="col" className="pe-3">
                          {t("status")}
                        </th>
                        <th scope="col" className="pe-3">
                          {t("code")}
                        </th>
                        <th scope="col">{t("attempts")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {log[h.id].map((d) => (
                        <tr key={d.id}>
                          <td className="pe-3">{at(d.lastAttemptAt ?? d.createdAt)}</td>
                          <td className="pe-3">{d.event}</td>
                          <td className="pe-3">{t("deliveryStatus", { status: d.status })}</td>
                          <td className="pe-3">{d.responseCode ?? "—"}</td>
                          <td>
                            {d.attempts}
                            {d.error ? ` · ${d.error}` : ""}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {log[h.id].length === 0 ? <p className="text-sm">{t("noDeliveries")}</p> : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading" className="text-xl font-semibold">
          {t("add")}
        </h2>
        <form onSubmit={create} className="mt-2 max-w-xl space-y-3">
          <div>
            <label htmlFor="wh-url" className="block text-sm font-medium">
              {t("url")}
            </label>
            <input
              id="wh-url"
              name="url"
              type="url"
              required
              className={`${inputClass} w-full`}
              placeholder={t("urlExample")}
            />
          </div>
          <div>
            <label htmlFor="wh-name" className="block text-sm font-medium">
              {t("name")}
            </label>
            <input id="wh-name" name="name" maxLength={100} className={`${inputClass} w-full`} />
          </div>
          <fieldset>
            <legend className="text-sm font-medium">{t("events")}</legend>
            <div className="mt-1 grid grid-cols-1 gap-1 sm:grid-cols-2">
              {EVENTS.map((ev) => (
                <label key={ev} className="inline-flex items-center gap-2 text-sm">
                  <input type="checkbox" name={ev} defaultChecked={ev === "comment.approved"} />
                  {ev}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor="wh-secret" className="block text-sm font-medium">
              {t("secretLabel")}
            </label>
            <input
              id="wh-secret"
              name="secret"
              minLength={16}
              maxLength={200}
              className={`${inputClass} w-full`}
              autoComplete="off"
            />
          </div>
          <button type="submit" className={buttonClass()}>
            {t("submit")}
          </button>
        </form>
      </section>
    </div>
  );
}
