// Structured JSON logs (pino). Never log secrets, tokens, passwords or personal data.
import pino from "pino";

type G = typeof globalThis & { __agoraLog?: pino.Logger };
const g = globalThis as G;

export const log: pino.Logger =
  g.__agoraLog ??
  (g.__agoraLog = pino({
    level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "warn" : "info"),
    base: { app: "agora" },
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "authorization",
        "*.authorization",
        "cookie",
        "*.cookie",
      ],
      censor: "[redacted]",
    },
  }));
