// Structured JSON logs (pino). Never log secrets, tokens, passwords or personal data.
// One logger per process (lib/server/logger.cjs, shared with server.mjs through globalThis); every line
// written while serving a request carries that request's id (`reqId`).
import type pino from "pino";
import { currentRequestId, getLogger } from "./server/logger.cjs";

export const log: pino.Logger = getLogger();
export { currentRequestId };
