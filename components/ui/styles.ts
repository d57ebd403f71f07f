// The one UI kit's class names: buttons in three tones and two sizes, and text inputs. Buttons that
// are busy use aria-disabled (focus stays on them while saving), so both it and `disabled` dim them.
export type ButtonTone = "primary" | "secondary" | "danger";
export type ButtonSize = "md" | "sm";

const BASE =
  "inline-block rounded font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60 aria-disabled:cursor-wait aria-disabled:opacity-60";
const TONE: Record<ButtonTone, string> = {
  primary: "bg-blue-700 text-white hover:bg-blue-800",
  secondary:
    "border border-zinc-500 bg-zinc-100 text-zinc-900 hover:bg-zinc-200 dark:border-zinc-400 dark:bg-zinc-800 dark:text-zinc-100 dark:hover:bg-zinc-700",
  danger: "bg-red-700 text-white hover:bg-red-800",
};
const SIZE: Record<ButtonSize, string> = { md: "px-4 py-2", sm: "px-3 py-1 text-sm" };

export function buttonClass(tone: ButtonTone = "primary", size: ButtonSize = "md"): string {
  return `${BASE} ${TONE[tone]} ${SIZE[size]}`;
}

/** text inputs, selects and textareas: never wider than their container; borders ≥ 3:1 contrast */
export const inputClass =
  "max-w-full rounded border border-zinc-500 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-400 dark:bg-zinc-900 dark:text-zinc-100";
