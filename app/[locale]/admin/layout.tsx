import { AdminNav } from "@/components/admin/AdminNav";
import { decide } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

// Each page checks permission itself (requirePageViewer); the layout only decides whether to show the nav.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  const mayModerate = viewer && decide(viewer, "moderate").ok;
  return (
    <>
      {mayModerate ? <AdminNav role={viewer.role} name={viewer.name} /> : null}
      {children}
    </>
  );
}
