import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { guardedAuthGet, guardedAuthPost } from "@/lib/auth/route-guard";

export const GET = (req: NextRequest) => guardedAuthGet(req, handlers.GET);
export const POST = (req: NextRequest) => guardedAuthPost(req, handlers.POST);
