"use client";
// Where focus goes after an action whose control disappears (a form that closes, a list that changes):
// to the element that shows the result, never <body>. The element may not be rendered yet when the
// action resolves, so this waits a few frames for it.

/** Focuses the element with this id once it is in the document (made focusable with tabindex=-1). */
export function focusWhenShown(id: string, frames = 30): void {
  const el = document.getElementById(id);
  if (el) {
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    el.focus({ preventScroll: false });
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusWhenShown(id, frames - 1));
}

/** The new or changed comment (its list item, id c-{id}). */
export const focusComment = (commentId: string) => focusWhenShown(`c-${commentId}`);
