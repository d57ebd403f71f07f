"use client";
// Personal API tokens: create (the secret is shown once), list, revoke.
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { when } from "@/components/admin/ui";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { TableScroll } from "@/components/ui/TableScroll";
import type { TokenInfo } from "@/lib/auth/api-tokens";

export function TokenManager({ initial }: { initial: TokenInfo[] }) {
  const t = useTranslations("AccountTokenManager");
  const f = useFormatter();
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
          setTokens((ts) => [r.data!.token, ...ts]);
          setSecret({ name: r.data!.token.name, value: r.data!.secret });
          setName("");
        }}
      >
        <label className="flex flex-col text-sm">
          {t("name")}
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
          {t("create")}
        </button>
        <p id="token-error" role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      </form>
      {secret ? (
        <section aria-labelledby="secret-h" className="rounded border-2 border-green-600 p-3">
          <h2 id="secret-h" className="font-semibold">
            {t("newToken", { name: secret.name })}
          </h2>
          <p className="text-sm">{t.rich("copy", { token: "<token>", code: (c) => <code>{c}</code> })}</p>
          <label className="mt-2 flex flex-col text-sm">
            {t("token")}
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
            {t("copied")}
          </button>
        </section>
      ) : null}
      <p role="status" aria-live="polite" className="min-h-6 text-sm font-medium">
        {msg}
      </p>
      <TableScroll label={t("table")} className="">
        <table className="data-table w-full text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="text-start">
              <th scope="col">{t("nameCol")}</th>
              <th scope="col">{t("created")}</th>
              <th scope="col">{t("lastUsed")}</th>
              <th scope="col">{t("state")}</th>
              <th scope="col">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((tok) => (
              <tr key={tok.id} className="border-t border-zinc-200 dark:border-zinc-800">
                <th scope="row" className="py-1 text-start font-normal">
                  {tok.name}
                </th>
                <td>{when(f, tok.createdAt)}</td>
                <td>{when(f, tok.lastUsedAt)}</td>
                <td>{tok.revokedAt ? t("revoked", { when: when(f, tok.revokedAt) }) : t("active")}</td>
                <td>
                  {tok.revokedAt ? null : (
                    <button
                      type="button"
                      className={buttonClass("danger", "sm")}
                      aria-label={t("revokeLabel", { name: tok.name })}
                      onClick={async () => {
                        const r = await callApi<{ message: string; token: TokenInfo }>(
                          "DELETE",
                          `/api/v1/account/tokens/${tok.id}`,
                        );
                        setMsg(r.ok ? r.data!.message : r.error!.message);
                        if (r.ok) setTokens((ts) => ts.map((x) => (x.id === tok.id ? r.data!.token : x)));
                      }}
                    >
                      {t("revoke")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {tokens.length === 0 ? <p className="text-sm">{t("none")}</p> : null}
    </div>
  );
}
