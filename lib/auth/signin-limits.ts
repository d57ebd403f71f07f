// Rate limits on password sign-in, per account and per client IP (lib/rate-limit: `signin_account`,
// `signin_ip`). Each attempt spends a point of both up front (atomic, so parallel guesses cannot slip
// past), and a successful sign-in gives them back: the account's failures are forgiven and a success
// does not count against its network. So the N+1th wrong password within the window is refused with
// 429 before the password is even checked. Keys are keyed hashes: no email or IP is stored.
import { hashValue, networkHashOf } from "@/lib/http/client";
import { consume, RateLimitedError, refund, reward } from "@/lib/rate-limit";

export interface SignInAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

export function accountKey(email: string): string {
  return hashValue("signin-account", email.trim().toLowerCase());
}

/** The client's network (IPv4 address, IPv6 /64), hashed. */
export function ipKey(ip: string): string {
  return networkHashOf(ip, "signin-ip");
}

/** Spends one attempt for this IP and account, or throws RateLimitedError (429, Retry-After). */
export async function beginSignIn(ip: string, email: string): Promise<SignInAttempt> {
  const account = accountKey(email);
  const net = ipKey(ip);
  await consume("signin_ip", net);
  try {
    await consume("signin_account", account);
  } catch (e) {
    // refused for the account: that attempt does not count against the network as well
    if (e instanceof RateLimitedError) await refund("signin_ip", net);
    throw e;
  }
  return {
    async succeeded() {
      await reward("signin_account", account);
      await refund("signin_ip", net);
    },
    async failed() {},
  };
}

/**
 * Spends one sign-in link request for this IP (`signin_ip`; link requests are never given back) and for
 * the address (`magic_link_email`), or throws RateLimitedError.
 */
export async function beginMagicLink(ip: string, email: string): Promise<void> {
  const net = ipKey(ip);
  await consume("signin_ip", net);
  try {
    await consume("magic_link_email", hashValue("magic-link", email.trim().toLowerCase()));
  } catch (e) {
    if (e instanceof RateLimitedError) await refund("signin_ip", net);
    throw e;
  }
}
