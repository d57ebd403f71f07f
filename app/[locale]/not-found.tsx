import { getTranslations } from "next-intl/server";

// (no metadata here: it would be resolved before the layout sets the locale; the pages that call
// notFound() give the title, e.g. app/[locale]/[...rest]/page.tsx)
export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <main className="mx-auto max-w-2xl px-4 py-16 text-center">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-4">{t("text")}</p>
      <p className="mt-6">
        <a href="/">{t("back")}</a>
      </p>
    </main>
  );
}
