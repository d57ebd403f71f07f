// The root layout only passes through: every page lives under app/[locale]/ whose layout renders
// <html lang> (docs/decisions/130-i18n.md). It exists for app/not-found.tsx (paths outside the pages).
import "./globals.css";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
