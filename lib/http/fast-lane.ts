// A fast lane past Next's routing for the few hot API writes: posting a comment, voting in a poll,
// voting on a comment. Next's request pipeline costs ~2 ms of CPU per request before a route handler
// runs (measured: a route that does nothing costs 2.1 ms per request through Next, 0.3 ms here), which is
// a third of a comment post. The route module offers its own exported handler here when Next first
// loads it; server.mjs then calls that same handler for matching requests with a standard Request, so
// the behaviour (validation, Origin check, limits, errors) is the route's, in one place. Anything that
// does not match goes to Next as before. See docs/decisions/051-fast-lanes.md.

export type FastHandler = (req: Request, match: RegExpExecArray) => Promise<Response>;

export interface FastRoute {
  method: string;
  pattern: RegExp;
  handler: FastHandler;
}

type G = typeof globalThis & { __agoraFastRoutes?: FastRoute[] };

/** Offers a route handler to server.mjs (idempotent per method and pattern). */
export function offerFastRoute(method: string, pattern: RegExp, handler: FastHandler): void {
  if (process.env.AGORA_FAST_LANE === "0") return;
  const list = ((globalThis as G).__agoraFastRoutes ??= []);
  const i = list.findIndex((r) => r.method === method && r.pattern.source === pattern.source);
  if (i >= 0) list[i] = { method, pattern, handler };
  else list.push({ method, pattern, handler });
}

/** Route params for a handler written for Next (`ctx.params` is a promise there). */
export const params = <T>(p: T) => ({ params: Promise.resolve(p) });
