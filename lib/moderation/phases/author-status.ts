import type { Phase } from "../types";

/** Suspended and banned authors cannot post (the permission check refuses them earlier; this is the backstop). */
export const authorStatus: Phase = {
  name: "author_status",
  run(_input, ctx) {
    const a = ctx.author;
    if (a.status === "banned")
      return {
        status: "rejected",
        reason: "author_banned",
        message: "Your account is banned; you cannot comment.",
      };
    if (a.status === "suspended" && (!a.suspendedUntil || a.suspendedUntil > ctx.now))
      return {
        status: "rejected",
        reason: "author_suspended",
        message: `Your account is suspended${a.suspendedUntil ? ` until ${a.suspendedUntil.toISOString().slice(0, 16).replace("T", " ")} UTC` : ""}; you cannot comment.`,
      };
  },
};
