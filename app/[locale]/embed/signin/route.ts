// GET /embed/signin?key=… — the first-party sign-in popup of the embed frame (lib/embed/session.ts).
import { getViewer } from "@/lib/auth/viewer";
import { embedRefusedHtml } from "@/lib/embed/page";
import { handoffKey, leaveHandoff } from "@/lib/embed/session";

export const dynamic = "force-dynamic";

const html = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });

export async function GET(req: Request): Promise<Response> {
  const key = handoffKey.safeParse(new URL(req.url).searchParams.get("key"));
  if (!key.success) return html(400, embedRefusedHtml(key.error.issues[0].message));
  const viewer = await getViewer(req);
  if (!viewer) {
    const back = `/embed/signin?key=${key.data}`;
    return new Response(null, {
      status: 303,
      headers: { location: `/signin?callbackUrl=${encodeURIComponent(back)}` },
    });
  }
  await leaveHandoff(key.data, req.headers.get("cookie") ?? "");
  return html(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed in</title><link rel="stylesheet" href="/embed/frame.css"><script src="/embed/close.js" defer></script></head><body><main id="agora"><p>You are signed in. This window closes by itself; the comments show you as signed in.</p></main></body></html>`,
  );
}
