// A real SMTP server for tests (npm `smtp-server`): accepts every message on 127.0.0.1 and keeps it,
// decoded enough to read links (quoted-printable soft breaks and escapes undone). Used by Vitest
// integration tests and by tests/e2e/serve.mjs, which also appends each message to a JSONL file.
import fs from "node:fs";
import { SMTPServer } from "smtp-server";

function decodeQuotedPrintable(s) {
  return s
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));
}

/**
 * @param {{ port?: number, file?: string }} [opts]
 * @returns {Promise<{ url: string, port: number, messages: Array<{to: string[], subject: string, body: string, at: string}>, close: () => Promise<void> }>}
 */
export async function startMailSink(opts = {}) {
  const messages = [];
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
        const subject = /^subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? "";
        const message = {
          to: session.envelope.rcptTo.map((a) => a.address.toLowerCase()),
          subject,
          body,
          at: new Date().toISOString(),
        };
        messages.push(message);
        if (opts.file) fs.appendFileSync(opts.file, `${JSON.stringify(message)}\n`);
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
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The first http(s) link in a message body that contains `contains`. */
export function findLink(body, contains) {
  const links = body.match(/https?:\/\/[^\s"<>]+/g) ?? [];
  return links.find((l) => l.includes(contains)) ?? null;
}
