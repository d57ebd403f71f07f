"use client";
// Status (suspend for a duration, ban, reinstate), role (admins only) and notes for one user.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";

const DURATIONS: [string, number][] = [
  ["1 hour", 1],
  ["1 day", 24],
  ["3 days", 72],
  ["1 week", 168],
  ["30 days", 720],
];

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
    setMsg(r.ok ? (r.data?.message ?? "Saved.") : r.error!.message);
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
          Status
        </h2>
        {mayChangeStatus ? (
          <div className="mt-2 flex flex-wrap items-end gap-2">
            <label className="flex flex-col text-sm">
              Reason or note (shown to the user, kept in the notes)
              <input
                className={inputClass}
                value={note}
                maxLength={500}
                onChange={(e) => setNote(e.target.value)}
              />
            </label>
            <label className="flex flex-col text-sm">
              Suspend for
              <select className={inputClass} value={hours} onChange={(e) => setHours(Number(e.target.value))}>
                {DURATIONS.map(([label, h]) => (
                  <option key={h} value={h}>
                    {label}
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
              Suspend
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
              Ban
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
              {status === "banned" ? "Unban" : "Reinstate"}
            </button>
          </div>
        ) : (
          <p className="mt-2 text-sm">
            {isSelf
              ? "You cannot change your own status."
              : "Moderators can change the status of readers only."}
          </p>
        )}
      </section>
      {viewerIsAdmin && emailUnverified ? (
        <section aria-labelledby="verify-h">
          <h2 id="verify-h" className="text-lg font-semibold">
            E-mail address
          </h2>
          <p className="mt-1 text-sm">
            Not verified yet: the reader cannot comment or vote. Mark it verified if you know the address is
            theirs (recorded in the audit log).
          </p>
          <button
            type="button"
            className={`${buttonClass("secondary", "sm")} mt-2`}
            aria-disabled={busy || undefined}
            onClick={() => !busy && void run("POST", `/api/v1/admin/users/${userId}/verify-email`, {})}
          >
            Mark e-mail verified
          </button>
        </section>
      ) : null}
      {viewerIsAdmin ? (
        <section aria-labelledby="role-h">
          <h2 id="role-h" className="text-lg font-semibold">
            Role
          </h2>
          {isSelf ? (
            <p className="mt-2 text-sm">You cannot change your own role.</p>
          ) : (
            <form
              className="mt-2 flex items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                void run("POST", `/api/v1/admin/users/${userId}/role`, { role: newRole });
              }}
            >
              <label className="flex flex-col text-sm">
                Role
                <select className={inputClass} value={newRole} onChange={(e) => setNewRole(e.target.value)}>
                  <option value="reader">reader</option>
                  <option value="moderator">moderator</option>
                  <option value="admin">admin</option>
                </select>
              </label>
              <button
                type="submit"
                className={buttonClass("primary", "sm")}
                disabled={busy || newRole === role}
              >
                Change role
              </button>
            </form>
          )}
        </section>
      ) : null}
      <section aria-labelledby="note-h">
        <h2 id="note-h" className="text-lg font-semibold">
          Add a moderator note
        </h2>
        <form
          className="mt-2 flex flex-wrap items-end gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run("POST", `/api/v1/admin/users/${userId}/notes`, { note: modNote })) setModNote("");
          }}
        >
          <label className="flex min-w-72 flex-1 flex-col text-sm">
            Note (moderators only)
            <textarea
              className={inputClass}
              value={modNote}
              maxLength={500}
              rows={2}
              onChange={(e) => setModNote(e.target.value)}
            />
          </label>
          <button type="submit" className={buttonClass("secondary", "sm")} disabled={busy}>
            Add note
          </button>
        </form>
      </section>
    </div>
  );
}
