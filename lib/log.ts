// Structured JSON logs (pino). Never log secrets, tokens, passwords or personal data.
// One logger per process (server/logger.cjs, shared with server/main.mjs through server/state.cjs); every line
// written while serving a request carries that request's id (`reqId`).
import type pino from "pino";
import { currentRequestId, getLogger } from "@/server/logger.cjs";

export const log: pino.Logger = getLogger();
export { currentRequestId };
