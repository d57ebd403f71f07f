// Outgoing mail (sign-in links, email confirmation) through nodemailer and SMTP_URL.
// Without SMTP_URL, development prints each mail to the server log so that the two-command setup can
// still sign in by link; production refuses (MailUnavailableError), and never logs a mail's content.
import { createTransport, type Transporter } from "nodemailer";
import { log } from "@/lib/log";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** extra headers, e.g. List-Unsubscribe (notification mail) */
  headers?: Record<string, string>;
}

export class MailUnavailableError extends Error {
  constructor() {
    super("Email cannot be sent: SMTP_URL is not set.");
    this.name = "MailUnavailableError";
  }
}

/** True when mail can be delivered (SMTP_URL set) or, in development, printed to the log instead. */
export function mailAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SMTP_URL) || env.NODE_ENV !== "production";
}

/** The public base URL for links in mail: AUTH_URL, else the origin the request came to. */
export function publicBaseUrl(requestOrigin?: string): string {
  const configured = process.env.AUTH_URL;
  if (configured) return new URL(configured).origin;
  return requestOrigin ?? `http://localhost:${process.env.PORT || 3000}`;
}

export function mailFrom(): string {
  if (process.env.EMAIL_FROM) return process.env.EMAIL_FROM;
  return `Agora <no-reply@${new URL(publicBaseUrl()).hostname}>`;
}

const transports = new Map<string, Transporter>();

export async function sendMail(mail: Mail): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) {
    if (process.env.NODE_ENV === "production") throw new MailUnavailableError();
    // development only: the link in the log is the point (there is no mail server)
    console.log(
      `\n--- mail (development: SMTP_URL is not set, so it is printed here instead of sent) ---\nto: ${mail.to}\nsubject: ${mail.subject}\n\n${mail.text}\n---\n`,
    );
    return;
  }
  let transport = transports.get(url);
  if (!transport) {
    transport = createTransport(url);
    transports.set(url, transport);
  }
  try {
    const info = await transport.sendMail({ from: mailFrom(), ...mail });
    if (info.rejected?.length) throw new Error("the mail server refused the recipient");
  } catch (e) {
    // the error may quote the SMTP URL (credentials) or the message: log only its kind
    const err = e as { code?: string; responseCode?: number };
    log.error({ code: err.code, responseCode: err.responseCode }, "mail could not be sent");
    throw new Error("The email could not be sent.");
  }
}
