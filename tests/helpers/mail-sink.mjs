// A real SMTP server for tests (npm `smtp-server`): accepts every message on 127.0.0.1 and keeps it,
// decoded enough to read links and text (quoted-printable undone as UTF-8, encoded-word subjects). Used by Vitest
// integration tests and by tests/e2e/serve.mjs, which also appends each message to a JSONL file.
import fs from "node:fs";
import { SMTPServer } from "smtp-server";

function decodeQuotedPrintable(s) {
  const bytes = s
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));
  // the escapes are UTF-8 bytes (Spanish mail): read them back as text when the message was ASCII
  return !/[\u0100-\uffff]/.test(bytes) ? Buffer.from(bytes, "latin1").toString("utf8") : bytes;
}

/** A header's value, unfolded, with RFC 2047 encoded words (=?UTF-8?Q?…?= / ?B?) decoded. */
function headerValue(raw, name) {
  const m = new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(raw);
  if (!m) return "";
  return m[1]
    .replace(/\r?\n[ \t]+/g, " ")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([\w-]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset, enc, data) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : Buffer.from(
            data
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_x, h) => String.fromCharCode(Number.parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    )
    .trim();
}

/**
 * @typedef {{to: string[], subject: string, body: string, at: string}} Message
 * @param {{ port?: number, file?: string }} [opts]
 * @returns {Promise<{ url: string, port: number, messages: Message[], waitFor: (check: (messages: Message[]) => boolean, timeoutMs?: number) => Promise<Message[]>, close: () => Promise<void> }>}
 */
export async function startMailSink(opts = {}) {
  /** @type {Message[]} */
  const messages = [];
  /** @type {Set<() => void>} called after every message */
  const watchers = new Set();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on("data", (d) => chunks.push(d));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const body = decodeQuotedPrintable(raw);
        const subject = headerValue(raw, "subject");
        const message = {
          to: session.envelope.rcptTo.map((a) => a.address.toLowerCase()),
          subject,
          body,
          at: new Date().toISOString(),
        };
        messages.push(message);
        if (opts.file) fs.appendFileSync(opts.file, `${JSON.stringify(message)}\n`);
        for (const w of watchers) w();
        callback();
      });
    },
  });
  server.on("error", () => {});
  await new Promise((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = server.server.address().port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    /** Settles when `check(messages)` holds, checked on every message that arrives (fails after timeoutMs). */
    waitFor: (check, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        if (check(messages)) return resolve(messages);
        const watch = () => {
          if (!check(messages)) return;
          watchers.delete(watch);
          clearTimeout(timer);
          resolve(messages);
        };
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(new Error(`mail sink: still waiting after ${timeoutMs} ms (${messages.length} messages)`));
        }, timeoutMs);
        watchers.add(watch);
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The first http(s) link in a message body that contains `contains`. */
export function findLink(body, contains) {
  const links = body.match(/https?:\/\/[^\s"<>]+/g) ?? [];
  return links.find((l) => l.includes(contains)) ?? null;
}
