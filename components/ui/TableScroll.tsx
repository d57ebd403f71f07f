// A wide table's own scrolling box: on a 390 px phone the table scrolls sideways inside it instead of
// widening the page. Focusable (keyboard users can scroll it) and named after the table.
import type { ReactNode } from "react";

export function TableScroll({
  label,
  children,
  className = "mt-6",
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section aria-label={label} tabIndex={0} className={`table-scroll ${className}`}>
      {children}
    </section>
  );
}
