// Account-related start-up work, registered with lib/server/boot's onReady (runs after migrations).
import { log } from "@/lib/log";
import { onReady } from "@/lib/server/boot";
import { createDemoAdminIfEmpty, DEMO_ADMIN_EMAIL } from "./demo-admin";
import { enabledOAuth } from "./providers";

export function registerAuthStartup(): void {
  onReady(async () => {
    if (process.env.NODE_ENV === "production") {
      if (!process.env.SMTP_URL)
        log.warn(
          "SMTP_URL is not set: sign-in links by email are off and new password accounts cannot confirm their email address",
        );
      log.info({ oauth: enabledOAuth() }, "sign-in methods ready");
      return;
    }
    const password = await createDemoAdminIfEmpty();
    if (!password) return;
    // development only, and only this once: the database was empty, so nobody else could sign in
    log.info(
      `demo admin created (development only; shown once): email ${DEMO_ADMIN_EMAIL} password ${password} — sign in at /signin`,
    );
  });
}
