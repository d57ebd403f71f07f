import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { AccountLink } from "@/components/auth/AccountLink";
import { NotificationBell } from "@/components/notifications/NotificationBell";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Agora", template: "%s · Agora" },
  description: "News, and a discussion worth having: articles, reader polls and moderated comments.",
  metadataBase: new URL(process.env.AUTH_URL || process.env.AGORA_PUBLIC_URL || "http://localhost:3000"),
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2 dark:focus:bg-zinc-900"
        >
          Skip to content
        </a>
        <header className="border-b border-zinc-200 dark:border-zinc-800">
          <nav
            aria-label="Main"
            className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3"
          >
            <Link href="/" className="text-xl font-bold text-zinc-900 no-underline dark:text-zinc-100">
              Agora
            </Link>
            <ul className="flex gap-4 text-sm">
              <li>
                <Link href="/">Home</Link>
              </li>
              <NotificationBell />
              <AccountLink />
            </ul>
          </nav>
        </header>
        <div id="main">{children}</div>
        <footer className="mt-16 border-t border-zinc-200 py-6 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          Agora — comments, polls and moderation for newsrooms.
        </footer>
      </body>
    </html>
  );
}
