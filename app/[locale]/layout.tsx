// The layout of every page, in the request's language: the edge (server/locale.cjs) serves `/x` as
// `/{locale}/x`; this sets <html lang>, the messages of next-intl and the page chrome
// (docs/decisions/130-i18n.md). Pages stay static: the locale is a route param, not a header.
import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { AccountLink } from "@/components/auth/AccountLink";
import { LanguageSwitch } from "@/components/ui/LanguageSwitch";
import { isLocale, LOCALES } from "@/lib/i18n/config";
import { clientMessages } from "@/lib/i18n/messages";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Layout" });
  return {
    title: { default: "Agora", template: "%s · Agora" },
    description: t("description"),
    metadataBase: new URL(process.env.AUTH_URL || process.env.AGORA_PUBLIC_URL || "http://localhost:3000"),
  };
}

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("Layout");
  // only the namespaces client components use travel with the page
  const messages = clientMessages(await getMessages());
  return (
    <html lang={locale}>
      <body className="min-h-screen antialiased">
        <NextIntlClientProvider messages={messages}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2 dark:focus:bg-zinc-900"
          >
            {t("skip")}
          </a>
          <header className="border-b border-zinc-200 dark:border-zinc-800">
            <nav
              aria-label={t("mainNav")}
              className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3"
            >
              <a href="/" className="text-xl font-bold text-zinc-900 no-underline dark:text-zinc-100">
                Agora
              </a>
              <ul className="flex gap-4 text-sm">
                <li>
                  <a href="/">{t("home")}</a>
                </li>
                <AccountLink />
              </ul>
            </nav>
          </header>
          <div id="main">{children}</div>
          <footer className="mt-16 border-t border-zinc-200 py-6 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <p>{t("footer")}</p>
            <LanguageSwitch current={locale} />
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
