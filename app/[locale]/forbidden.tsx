import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("Forbidden");
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
