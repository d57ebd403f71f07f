import { handle, json } from "@/lib/api/http";
import { meView } from "@/lib/auth/me";
import { getViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

/** Who is signed in: {"user": null} when nobody. Never cached. */
export const GET = handle(async (req) => json(meView(await getViewer(req))));
