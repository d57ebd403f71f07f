"use client";
// Personal API tokens: create (the secret is shown once), list, revoke.
import { useState } from "react";
import { when } from "@/components/admin/ui";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/TableScroll";
import type { TokenInfo } from "@/lib/auth/api-tokens";

export function TokenManager({ initial }: { initial: TokenInfo[] }) {
  const [tokens, setTokens] = useState(initial);
  const [name, setName] = useState("");
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [msg, setMsg] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <div className="space-y-6">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const r = await callApi<{ token: TokenInfo; secret: string }>("POST", "/api/v1/account/tokens", {
            name,
          });
          setBusy(false);
          if (!r.ok) {
            setError(r.error!.message);
            return;
          }
          setError("");
          setTokens((t) => [r.data!.token, ...t]);
          setSecret({ name: r.data!.token.name, value: r.data!.secret });
          setName("");
        }}
      >
        <label className="flex flex-col text-sm">
          Token name (the tool that will use it)
          <input
            className={inputClass}
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(error)}
            aria-describedby="token-error"
          />
        </label>
        <button type="submit" className={buttonClass("primary", "sm")} disabled={busy}>
          Create token
        </button>
        <p id="token-error" role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      </form>
      {secret ? (
        <section aria-labelledby="secret-h" className="rounded border-2 border-green-600 p-3">
          <h2 id="secret-h" className="font-semibold">
            Your new token “{secret.name}”
          </h2>
          <p className="text-sm">
            Copy it now: it is shown only this once. Send it as{" "}
            <code>Authorization: Bearer &lt;token&gt;</code>.
          </p>
          <label className="mt-2 flex flex-col text-sm">
            Token
            <input
              readOnly
              className={`${inputClass} font-mono`}
              value={secret.value}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <button
            type="button"
            className={`${buttonClass("secondary", "sm")} mt-2`}
            onClick={() => setSecret(null)}
          >
            I have copied it
          </button>
        </section>
      ) : null}
      <p role="status" aria-live="polite" className="min-h-6 text-sm font-medium">
        {msg}
      </p>
      <TableScroll label="Your API tokens" className="">
        <table className="data-table w-full text-sm">
          <caption className="sr-only">Your tokens</caption>
          <thead>
            <tr className="text-start">
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-t border-zinc-200 dark:border-zinc-800">
                <th scope="row" className="py-1 text-start font-normal">
                  {t.name}
                </th>
                <td>{when(t.createdAt)}</td>
                <td>{when(t.lastUsedAt)}</td>
                <td>{t.revokedAt ? `revoked ${when(t.revokedAt)}` : "active"}</td>
                <td>
                  {t.revokedAt ? null : (
                    <button
                      type="button"
                      className={buttonClass("danger", "sm")}
                      aria-label={`Revoke ${t.name}`}
                      onClick={async () => {
                        const r = await callApi<{ message: string; token: TokenInfo }>(
                          "DELETE",
                          `/api/v1/account/tokens/${t.id}`,
                        );
                        setMsg(r.ok ? r.data!.message : r.error!.message);
                        if (r.ok) setTokens((ts) => ts.map((x) => (x.id === t.id ? r.data!.token : x)));
                      }}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {tokens.length === 0 ? <p className="text-sm">You have no tokens yet.</p> : null}
    </div>
  );
}
