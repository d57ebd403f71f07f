import type { Locator, Page } from "@playwright/test";

/** Our alert boxes (Next's route announcer is also role=alert, always present and usually empty). */
export function alertBox(page: Page): Locator {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)').filter({ hasText: /\S/ });
}
