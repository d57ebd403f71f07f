// A path that is not a page (under /api/, or a file that does not exist): pages are all under
// app/[locale]/ (their own not-found.tsx is translated); this one answers in the default language.
import { getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";

export default async function GlobalNotFound() {
  const t = await getTranslations({ locale: DEFAULT_LOCALE, namespace: "NotFound" });
  return (
    <html lang={DEFAULT_LOCALE}>
      <body className="min-h-screen antialiased">
        <main className="mx-auto max-w-2xl px-4 py-16 text-center">
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-4">{t("text")}</p>
          <p className="mt-6">
            <a href="/">{t("back")}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
