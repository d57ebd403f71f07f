"use client";
// The header's account link. Public pages are served from cache, so the server renders "Sign in" for
// everyone and this asks /api/v1/me after load who is actually here. A signed-in reader also gets the
// notification bell, loaded then as a chunk of its own: most readers are not signed in, and their pages
// neither carry its code nor ask for an unread count.
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useState } from "react";
import { callApi } from "@/components/ui/api";

const NotificationBell = lazy(() =>
  import("@/components/notifications/NotificationBell").then((m) => ({ default: m.NotificationBell })),
);

type Me = { name: string; role: string } | null;

export function AccountLink() {
  const t = useTranslations("Layout");
  const [me, setMe] = useState<Me | undefined>(undefined);
  const pathname = usePathname();
  // asked again after each navigation: signing in or out moves to another page
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input
  useEffect(() => {
    let live = true;
    void callApi<{ user: Me }>("GET", "/api/v1/me").then((r) => live && setMe(r.data?.user ?? null));
    return () => {
      live = false;
    };
  }, [pathname]);
  if (!me)
    return (
      <li>
        <a href="/signin">{t("signIn")}</a>
      </li>
    );
  return (
    <>
      <Suspense fallback={null}>
        <NotificationBell />
      </Suspense>
      {me.role !== "reader" ? (
        <li>
          <a href="/admin">{t("moderation")}</a>
        </li>
      ) : null}
      <li>
        <a href="/account">
          <span className="sr-only">{t("yourAccount")} </span>
          {me.name}
        </a>
      </li>
    </>
  );
}
