// The HTML of /embed/threads/{id}: a small page with no inline script. /embed/frame.js fills in the
// comments from the public comments API, posts, votes and reports through the same API, follows live
// updates, tells the host page its height and takes the host page's theme.
const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

export interface EmbedPageInput {
  slug: string;
  title: string;
  /** the host page's origin: the only one frame.js talks to with postMessage */
  parentOrigin: string;
  theme: "light" | "dark";
  poll?: string;
  /** the page's language (<html lang>) and its wording (the "Embed" messages) */
  lang: string;
  text: EmbedText;
  /** the messages frame.js shows, with {placeholders} it fills in (handed over as data-i18n) */
  frameWords: Record<string, string>;
}

export interface EmbedText {
  title: string;
  poll: string;
  heading: string;
  yourComment: string;
  post: string;
  signInNote: string;
  loading: string;
  more: string;
  noScript: string;
}

/**
 * Every placeholder the messages frame.js shows use ("Embed.frame" in messages/{locale}/site.json). Each
 * message is rendered with every one of them given as its own "{name}" (names a message does not use are
 * ignored), so frame.js gets text with placeholders whatever form the messages take on the server
 * (precompiled inside Next: their text cannot be read). tests/unit/i18n/embed-frame-words.test.ts checks
 * that no message uses a placeholder missing here.
 */
export const FRAME_PLACEHOLDERS = ["status", "name", "label", "percent", "count"] as const;
const KEEP = Object.fromEntries(FRAME_PLACEHOLDERS.map((n) => [n, `{${n}}`]));

const wordsByLocale = new Map<string, Record<string, string>>();
/**
 * The frame's words in `locale`: each of `keys` (the "Embed.frame" message names) rendered by `t` with
 * its placeholders kept. The same for every request of a language, so rendered once per language.
 */
export function frameWords(
  locale: string,
  keys: readonly string[],
  t: (key: string, params: Record<string, string>) => string,
): Record<string, string> {
  let words = wordsByLocale.get(locale);
  if (!words) {
    words = Object.fromEntries(keys.map((k) => [k, t(k, KEEP)]));
    wordsByLocale.set(locale, words);
  }
  return words;
}

export function embedPageHtml(p: EmbedPageInput): string {
  const data = `data-slug="${esc(p.slug)}" data-parent-origin="${esc(p.parentOrigin)}"${p.poll ? ` data-poll="${esc(p.poll)}"` : ""} data-i18n="${esc(JSON.stringify(p.frameWords))}"`;
  const t = p.text;
  return `<!doctype html>
<html lang="${esc(p.lang)}" data-theme="${p.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(t.title)}</title>
<link rel="stylesheet" href="/embed/frame.css">
<script src="/embed/frame.js" defer></script>
</head>
<body>
<main id="agora" ${data}>
${p.poll ? `<section id="agora-poll" class="poll" aria-label="${esc(t.poll)}"></section>\n` : ""}<header class="bar"><h1>${esc(t.heading)} <span id="agora-count"></span></h1><div id="agora-auth"></div></header>
<form id="agora-form" class="form" hidden>
<label for="agora-body">${esc(t.yourComment)}</label>
<textarea id="agora-body" name="body" rows="3" required maxlength="5000"></textarea>
<input type="text" name="website" class="hp" tabindex="-1" autocomplete="off" aria-hidden="true">
<div class="row"><button type="submit">${esc(t.post)}</button><span id="agora-status" role="status"></span></div>
</form>
<p id="agora-signin-note" class="note" hidden>${esc(t.signInNote)}</p>
<ol id="agora-list" class="list" aria-live="polite"><li class="note">${esc(t.loading)}</li></ol>
<button id="agora-more" type="button" class="more" hidden>${esc(t.more)}</button>
<noscript><p>${esc(t.noScript)}</p></noscript>
</main>
</body>
</html>
`;
}

/** The page shown instead when the host may not embed (framable by no one, so seen by no one there). */
export function embedRefusedHtml(message: string, lang = "en", title = "Comments unavailable"): string {
  return `<!doctype html>
<html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(title)}</title><link rel="stylesheet" href="/embed/frame.css"></head>
<body><main id="agora"><p class="note">${esc(message)}</p></main></body></html>
`;
}
