"use client";
// Status (suspend for a duration, ban, reinstate), role (admins only) and notes for one user.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { useStatusWord } from "./ui";

const DURATIONS = [1, 24, 72, 168, 720];

export function UserActions({
  userId,
  status,
  role,
  viewerIsAdmin,
  isSelf,
  emailUnverified = false,
}: {
  userId: string;
  status: string;
  role: string;
  viewerIsAdmin: boolean;
  isSelf: boolean;
  /** an admin may mark the address verified (a site without mail can still let the reader in) */
  emailUnverified?: boolean;
}) {
  const t = useTranslations("AdminUserActions");
  const word = useStatusWord();
  const router = useRouter();
  const [hours, setHours] = useState(24);
  const [note, setNote] = useState("");
  const [newRole, setNewRole] = useState(role);
  const [modNote, setModNote] = useState("");
  const [msg, setMsg] = useState("");
  const [busy, setBusy] = useState(false);
  const mayChangeStatus = !isSelf && (viewerIsAdmin || role === "reader");

  async function run(method: string, url: string, body: unknown) {
    setBusy(true);
    const r = await callApi<{ message?: string }>(method, url, body);
    setBusy(false);
    setMsg(r.ok ? (r.data?.message ?? t("saved")) : r.error!.message);
    if (r.ok) router.refresh();
    return r.ok;
  }

  return (
    <div className="space-y-6">
      <p role="status" aria-live="polite" className="min-h-6 font-medium">
        {msg}
      </p>
      <section aria-labelledby="status-h">
        <h2 id="status-h" className="text-lg font-semibold">
          {t("status")}
        </h2>
        {mayChangeStatus ? (
          <div className="mt-2 flex flex-wrap items-end gap-2">
            <label className="flex flex-col text-sm">
              {t("reason")}
              <input
                className={inputClass}
                value={note}
                maxLength={500}
                onChange={(e) => setNote(e.target.value)}
              />
            </label>
            <label className="flex flex-col text-sm">
              {t("suspendFor")}
              <select className={inputClass} value={hours} onChange={(e) => setHours(Number(e.target.value))}>
                {DURATIONS.map((h) => (
                  <option key={h} value={h}>
                    {t("hours", { hours: String(h) })}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className={buttonClass("secondary", "sm")}
              disabled={busy}
              onClick={() =>
                run("POST", `/api/v1/admin/users/${userId}/status`, {
                  status: "suspended",
                  until: new Date(Date.now() + hours * 3600_000).toISOString(),
                  note: note.trim() || undefined,
                })
              }
            >
              {t("suspend")}
            </button>
            <button
              type="button"
              className={buttonClass("danger", "sm")}
              disabled={busy || status === "banned"}
              onClick={() =>
                run("POST", `/api/v1/admin/users/${userId}/status`, {
                  status: "banned",
                  note: note.trim() || undefined,
                })
              }
            >
              {t("ban")}
            </button>
            <button
              type="button"
              className={buttonClass("secondary", "sm")}
              disabled={busy || status === "active"}
              onClick={() =>
                run("POST", `/api/v1/admin/users/${userId}/status`, {
                  status: "active",
                  note: note.trim() || undefined,
                })
              }
            >
              {status === "banned" ? t("unban") : t("reinstate")}
            </button>
          </div>
        ) : (
          <p className="mt-2 text-sm">{isSelf ? t("self") : t("readersOnly")}</p>
        )}
      </section>
      {viewerIsAdmin && emailUnverified ? (
        <section aria-labelledby="verify-h">
          <h2 id="verify-h" className="text-lg font-semibold">
            {t("emailTitle")}
          </h2>
          <p className="mt-1 text-sm">{t("emailText")}</p>
          <button
            type="button"
            className={`${buttonClass("secondary", "sm")} mt-2`}
            aria-disabled={busy || undefined}
            onClick={() => !busy && void run("POST", `/api/v1/admin/users/${userId}/verify-email`, {})}
          >
            {t("markVerified")}
          </button>
        </section>
      ) : null}
      {viewerIsAdmin ? (
        <section aria-labelledby="role-h">
          <h2 id="role-h" className="text-lg font-semibold">
            {t("role")}
          </h2>
          {isSelf ? (
            <p className="mt-2 text-sm">{t("selfRole")}</p>
          ) : (
            <form
              className="mt-2 flex items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                void run("POST", `/api/v1/admin/users/${userId}/role`, { role: newRole });
              }}
            >
              <label className="flex flex-col text-sm">
                {t("role")}
                <select className={inputClass} value={newRole} onChange={(e) => setNewRole(e.target.value)}>
                  <option value="reader">{word("reader")}</option>
                  <option value="moderator">{word("moderator")}</option>
                  <option value="admin">{word("admin")}</option>
                </select>
              </label>
              <button
                type="submit"
                className={buttonClass("primary", "sm")}
                disabled={busy || newRole === role}
              >
                {t("changeRole")}
              </button>
            </form>
          )}
        </section>
      ) : null}
      <section aria-labelledby="note-h">
        <h2 id="note-h" className="text-lg font-semibold">
          {t("addNote")}
        </h2>
        <form
          className="mt-2 flex flex-wrap items-end gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run("POST", `/api/v1/admin/users/${userId}/notes`, { note: modNote })) setModNote("");
          }}
        >
          <label className="flex min-w-72 flex-1 flex-col text-sm">
            {t("noteLabel")}
            <textarea
              className={inputClass}
              value={modNote}
              maxLength={500}
              rows={2}
              onChange={(e) => setModNote(e.target.value)}
            />
          </label>
          <button type="submit" className={buttonClass("secondary", "sm")} disabled={busy}>
            {t("add")}
          </button>
        </form>
      </section>
    </div>
  );
}
