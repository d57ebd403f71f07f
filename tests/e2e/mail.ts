// Reading what the app mailed during this e2e run: tests/e2e/serve.mjs runs a real SMTP server and
// appends each message to the mailbox file named in tests/e2e/.state.json.
import fs from "node:fs";
import path from "node:path";
import { findLink } from "../helpers/mail-sink.mjs";

export interface Mail {
  to: string[];
  subject: string;
  body: string;
  at: string;
}

export function e2eState(): { mailbox: string; serverLog: string; DATABASE_URL: string | null } {
  return JSON.parse(fs.readFileSync(path.join("tests", "e2e", ".state.json"), "utf8"));
}

export function allMail(): Mail[] {
  const file = e2eState().mailbox;
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/** How many mails to `to` hold a sign-in link so far (the next one is number this + 1 for waitForLink). */
export function linksTo(to: string, linkPart = "/api/auth/callback/nodemailer"): number {
  return allMail().filter((m) => m.to.includes(to.toLowerCase()) && findLink(m.body, linkPart)).length;
}

/**
 * Waits for mail number `count` (1 = the first) to `to` whose body holds a link containing `linkPart`;
 * returns that link.
 * The mail sink appends each message to the mailbox file: checked again on every change of its folder.
 */
export async function waitForLink(
  to: string,
  linkPart: string,
  count = 1,
  timeoutMs = 15_000,
): Promise<string> {
  const find = () => {
    const mails = allMail().filter((m) => m.to.includes(to.toLowerCase()));
    const withLink = mails.filter((m) => findLink(m.body, linkPart));
    return withLink.length >= count ? findLink(withLink[count - 1].body, linkPart) : null;
  };
  return new Promise<string>((resolve, reject) => {
    const watcher = fs.watch(path.dirname(e2eState().mailbox), () => check());
    const deadline = setTimeout(() => {
      watcher.close();
      reject(new Error(`no mail #${count} to ${to} with a link containing ${linkPart}`));
    }, timeoutMs);
    const check = () => {
      let link: string | null = null;
      try {
        link = find();
      } catch {
        return; // a line half written: the next change of the file brings the rest
      }
      if (!link) return;
      watcher.close();
      clearTimeout(deadline);
      resolve(link);
    };
    check(); // it may be there already (after the watcher started: nothing is missed in between)
  });
}

export function serverLog(): string {
  return fs.readFileSync(e2eState().serverLog, "utf8");
}

let n = 0;
/** A unique address for an account made during a test. */
export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${++n}@e2e.test`;
}
