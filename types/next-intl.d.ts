// next-intl's type augmentation: message keys and formats are checked at compile time
// (docs/decisions/130-i18n.md).

import type { Locale } from "@/lib/i18n/config";
import type { FORMATS } from "@/lib/i18n/formats";
import type { Messages } from "@/lib/i18n/messages";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
    Formats: typeof FORMATS;
  }
}
