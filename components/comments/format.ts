import { useFormatter } from "next-intl";

/**
 * A comment's date and time, in UTC with a 24-hour clock (the same on the server and in every
 * browser), in the page's language.
 */
export function useDateTime(): (iso: string) => string {
  const format = useFormatter();
  return (iso) => `${format.dateTime(new Date(iso), "dateTime")} UTC`;
}
