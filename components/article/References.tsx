import { useTranslations } from "next-intl";

export function References({ items }: { items: { title: string; url?: string }[] }) {
  const t = useTranslations("Article");
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="references" className="mt-10">
      <h2 id="references" className="text-lg font-semibold">
        {t("references")}
      </h2>
      <ol className="mt-2 list-decimal space-y-1 ps-6 text-sm">
        {items.map((r, i) => (
          <li key={i}>
            {r.url ? (
              <a href={r.url} rel="noopener noreferrer">
                {r.title}
              </a>
            ) : (
              r.title
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
