import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { AdminNav } from "@/components/admin/AdminNav";
import { decide } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { panelClientMessages } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

// Each page checks permission itself (requirePageViewer); the layout only decides whether to show the nav.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  const mayModerate = viewer && decide(viewer, "moderate").ok;
  // the panel's client components get their namespaces here, not on every public page
  return (
    <NextIntlClientProvider messages={panelClientMessages(await getMessages())}>
      {mayModerate ? <AdminNav role={viewer.role} name={viewer.name} /> : null}
      {children}
    </NextIntlClientProvider>
  );
}
