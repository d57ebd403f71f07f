"use client";
// The author's reader account (docs/decisions/113-author-accounts.md): an admin links it by e-mail, and
// that account's comments on this author's articles carry an "Author" badge. Saves at once (its own
// request, not part of the article's Save), keeps focus, and says what happened.
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";

export function AuthorAccount({
  author,
}: {
  author: { id: string; name: string; accountEmail?: string | null };
}) {
  const t = useTranslations("AdminAuthorAccount");
  const id = useId();
  const [linked, setLinked] = useState(author.accountEmail ?? null);
  const [email, setEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  async function save(next: string | null) {
    if (busy) return;
    setBusy(true);
    const r = await callApi<{ account: { email: string | null } | null; message: string }>(
      "PUT",
      `/api/v1/admin/authors/${author.id}/account`,
      { email: next },
    );
    setBusy(false);
    if (r.ok) {
      setLinked(r.data.account?.email ?? null);
      setEmail("");
      setMsg({ text: r.data.message, error: false });
    } else setMsg({ text: r.error.message, error: true });
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  return (
    <div className="text-sm md:col-span-2" data-author-account={author.id}>
      <p>
        {linked ? (
          <>
            {t.rich("linked", { name: author.name, email: linked, b: (c) => <strong>{c}</strong> })}{" "}
            <button
              type="button"
              className={buttonClass("secondary", "sm")}
              aria-disabled={busy || undefined}
              onClick={() => void save(null)}
            >
              {t("unlink")}
            </button>
          </>
        ) : (
          t("none", { name: author.name })
        )}
      </p>
      <div className="mt-1 flex flex-wrap items-end gap-2">
        <label htmlFor={`${id}-email`} className="flex min-w-0 flex-col">
          {t("email", { name: author.name })}
          <input
            id={`${id}-email`}
            type="email"
            className={inputClass}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={msg?.error || undefined}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault(); // not the article's form
                if (email.trim()) void save(email.trim());
              }
            }}
          />
        </label>
        <button
          type="button"
          className={buttonClass("secondary", "sm")}
          aria-disabled={busy || !email.trim() || undefined}
          onClick={() => (email.trim() ? void save(email.trim()) : undefined)}
        >
          {t("link")}
        </button>
      </div>
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={`mt-1 outline-none ${msg?.error ? "text-red-700 dark:text-red-400" : ""}`}
      >
        {msg?.text ?? ""}
      </p>
    </div>
  );
}
