"use client";
// The header's account link. Public pages are served from cache, so the server renders "Sign in" for
// everyone and this asks /api/v1/me after load who is actually here.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { callApi } from "@/components/ui/api";

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
        <Link href="/signin" prefetch={false}>
          {t("signIn")}
        </Link>
      </li>
    );
  return (
    <>
      {me.role !== "reader" ? (
        <li>
          <Link href="/admin" prefetch={false}>
            {t("moderation")}
          </Link>
        </li>
      ) : null}
      <li>
        <Link href="/account" prefetch={false}>
          <span className="sr-only">{t("yourAccount")} </span>
          {me.name}
        </Link>
      </li>
    </>
  );
}
