/** A fixed, locale-independent date and time (the same on the server and in every browser). */
export function formatDateTime(iso: string): string {
  return `${new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  }).format(new Date(iso))} UTC`;
}

export { plural } from "@/components/ui/format";
