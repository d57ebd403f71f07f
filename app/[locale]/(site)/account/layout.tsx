// The account pages' client components (forms, tokens, notifications) get their namespaces here, not on
// every public page (lib/i18n/messages.ts PANEL_CLIENT_NAMESPACES).
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { panelClientMessages } from "@/lib/i18n/messages";

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  return (
    <NextIntlClientProvider messages={panelClientMessages(await getMessages())}>
      {children}
    </NextIntlClientProvider>
  );
}
