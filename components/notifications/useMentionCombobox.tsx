"use client";
// @mention autocomplete for the comment box, after the ARIA combobox pattern: the suggestions are a
// listbox the textarea controls (aria-autocomplete, aria-controls, aria-activedescendant). The textarea
// keeps its own role (textbox): ARIA in HTML does not allow role=combobox on a textarea. Typing
// "@an" asks /api/v1/mentions for readers whose handle starts so; ArrowDown/ArrowUp move, Enter or Tab
// inserts "@handle ", Escape closes. Focus never leaves the textarea.
import { useTranslations } from "next-intl";
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { callApi } from "@/components/ui/api";

interface Reader {
  handle: string;
  name: string;
}

const TRIGGER = /(^|[^A-Za-z0-9_@/.-])@([A-Za-z0-9][A-Za-z0-9-]{0,29})$/;

export function useMentionCombobox({
  id,
  value,
  setValue,
  textarea,
}: {
  id: string;
  value: string;
  setValue: (v: string) => void;
  textarea: React.RefObject<HTMLTextAreaElement | null>;
}): {
  textareaProps: Record<string, unknown>;
  onInput: (el: HTMLTextAreaElement) => void;
  listbox: ReactNode;
} {
  const t = useTranslations("CommentForm");
  const [query, setQuery] = useState<{ q: string; start: number; end: number } | null>(null);
  const [options, setOptions] = useState<Reader[]>([]);
  const [active, setActive] = useState(0);
  const listId = `${id}-mentions`;
  const seq = useRef(0);
  const open = query !== null && options.length > 0;

  useEffect(() => {
    if (!query) {
      setOptions([]);
      return;
    }
    const n = ++seq.current;
    const t = setTimeout(() => {
      callApi<{ readers: Reader[] }>("GET", `/api/v1/mentions?q=${encodeURIComponent(query.q)}`)
        .then((r) => {
          if (n !== seq.current) return;
          setOptions(r.ok ? (r.data.readers ?? []) : []);
          setActive(0);
        })
        .catch(() => setOptions([]));
    }, 120);
    return () => clearTimeout(t);
  }, [query]);

  function onInput(el: HTMLTextAreaElement) {
    const caret = el.selectionStart ?? el.value.length;
    const m = TRIGGER.exec(el.value.slice(0, caret));
    setQuery(m ? { q: m[2], start: caret - m[2].length - 1, end: caret } : null);
  }

  function choose(r: Reader) {
    if (!query) return;
    const insert = `@${r.handle} `;
    const next = value.slice(0, query.start) + insert + value.slice(query.end);
    setValue(next);
    setQuery(null);
    setOptions([]);
    const caret = query.start + insert.length;
    requestAnimationFrame(() => {
      const el = textarea.current;
      if (el) {
        el.focus();
        el.setSelectionRange(caret, caret);
      }
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => (a + 1) % options.length);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (a - 1 + options.length) % options.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setQuery(null);
    }
  }

  return {
    onInput,
    textareaProps: {
      "aria-autocomplete": "list",
      "aria-controls": open ? listId : undefined,
      "aria-activedescendant": open ? `${listId}-${active}` : undefined,
      onKeyDown,
      onBlur: () => setQuery(null),
    },
    listbox: (
      <div className="relative">
        <div
          id={listId}
          role="listbox"
          aria-label={t("mention")}
          hidden={!open}
          className="absolute z-10 mt-1 max-h-60 w-full max-w-sm overflow-auto rounded border border-zinc-300 bg-white shadow dark:border-zinc-700 dark:bg-zinc-900"
        >
          {open
            ? options.map((r, i) => (
                <div
                  key={r.handle}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  tabIndex={-1}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(r);
                  }}
                  className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-blue-100 dark:bg-blue-900" : ""}`}
                >
                  <span className="font-medium">@{r.handle}</span>{" "}
                  <span className="text-zinc-600 dark:text-zinc-400">{r.name}</span>
                </div>
              ))
            : null}
        </div>
      </div>
    ),
  };
}
