// For server-rendered pages: anonymous → redirect to sign-in (a real 307), not allowed → 403 page.
import { forbidden, redirect } from "next/navigation";
import { type Action, decide } from "./permissions";
import { getViewer, type Viewer } from "./viewer";

export async function requirePageViewer(action: Exclude<Action, "read">, returnTo: string): Promise<Viewer> {
  const v = await getViewer();
  const d = decide(v, action);
  if (d.ok) return v!;
  if (d.kind === "unauthenticated") redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  forbidden();
}
