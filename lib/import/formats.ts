// The two foreign formats, read into one shape: threads (a page's discussion) and posts (comments with a
// parent), plus categories. Disqus: <disqus><category/><thread/><post/></disqus>. WordPress WXR:
// <rss><channel><item> (a post, its link and id) <wp:comment/>…</item></channel></rss>.
import { createHash } from "node:crypto";
import type { CommentStatus } from "@/lib/comments/types";
import type { XmlRecord } from "./xml";

export type ImportFormat = "disqus" | "wordpress";

export interface ThreadIn {
  key: string;
  identifier: string;
  link: string;
  title: string;
  createdAt: Date | null;
}

export interface AuthorIn {
  /** the account's key within the export: username, else e-mail hash, else the anonymous name */
  key: string;
  name: string;
  /** SHA-256 of the author's e-mail address when the export has one: how the person claims the account */
  emailHash: string | null;
}

export interface PostIn {
  key: string;
  threadKey: string;
  parentKey: string | null;
  html: string;
  createdAt: Date | null;
  status: CommentStatus;
  author: AuthorIn | null;
  line: number;
}

export type Parsed =
  | { kind: "scope"; scope: string }
  | { kind: "category"; key: string; title: string }
  | { kind: "thread"; thread: ThreadIn }
  | { kind: "post"; post: PostIn }
  | { kind: "skip"; what: "posts" | "threads"; reason: string };

export interface FormatSpec {
  root: string;
  wrongRoot: (found: string) => string;
  isRecord: (at: string) => boolean;
  parse: (r: XmlRecord) => Parsed[];
  onOpen?: (at: string) => void;
}

const truthy = (s: string | undefined) => (s ?? "").trim().toLowerCase() === "true";

function date(s: string | undefined): Date | null {
  const t = (s ?? "").trim();
  if (!t) return null;
  // WordPress GMT dates: "2018-06-01 12:00:00" (no zone: UTC)
  const iso = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(t) ? `${t.replace(" ", "T")}Z` : t;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1990 ? null : d;
}

function hint(found: string): string {
  if (found === "rss") return " (this looks like a WordPress WXR export: use --wordpress)";
  if (found === "disqus") return " (this looks like a Disqus export: use --disqus)";
  return "";
}

export const disqus = (): FormatSpec => ({
  root: "disqus",
  wrongRoot: (found) => `expected a Disqus export (root element <disqus>), found <${found}>${hint(found)}`,
  isRecord: (at) => at === "disqus/category" || at === "disqus/thread" || at === "disqus/post",
  parse(r) {
    const f = r.fields;
    const id = (f.get("@dsq:id") ?? "").trim();
    const forum = (f.get("forum") ?? "").trim();
    const out: Parsed[] = forum ? [{ kind: "scope", scope: forum }] : [];
    if (r.name === "category") {
      out.push({ kind: "category", key: id, title: (f.get("title") ?? "").trim() });
      return out;
    }
    if (r.name === "thread") {
      if (!id) return [...out, { kind: "skip", what: "threads", reason: "no dsq:id" }];
      out.push({
        kind: "thread",
        thread: {
          key: id,
          identifier: (f.get("id") ?? "").trim(),
          link: (f.get("link") ?? "").trim(),
          title: (f.get("title") ?? "").trim(),
          createdAt: date(f.get("createdAt")),
        },
      });
      return out;
    }
    const threadKey = (f.get("thread@dsq:id") ?? "").trim();
    if (!id || !threadKey) return [{ kind: "skip", what: "posts", reason: "no dsq:id or thread" }];
    const anonymous = truthy(f.get("author/isAnonymous"));
    const name = (f.get("author/name") ?? "").trim();
    const username = (f.get("author/username") ?? "").trim();
    const email = (f.get("author/email") ?? "").trim().toLowerCase();
    const key =
      !anonymous && username
        ? `u:${username}`
        : email
          ? `e:${emailHash(email)}`
          : name
            ? `anon:${name}`
            : null;
    const approved = f.has("isApproved") ? truthy(f.get("isApproved")) : true;
    const status: CommentStatus = truthy(f.get("isSpam"))
      ? "spam"
      : truthy(f.get("isDeleted"))
        ? "deleted"
        : approved
          ? "approved"
          : "pending";
    return [
      {
        kind: "post",
        post: {
          key: id,
          threadKey,
          parentKey: (f.get("parent@dsq:id") ?? "").trim() || null,
          html: f.get("message") ?? "",
          createdAt: date(f.get("createdAt")),
          status,
          author: key
            ? { key, name: name || username || "Reader", emailHash: email ? emailHash(email) : null }
            : null,
          line: r.line,
        },
      },
    ];
  },
});

const ITEM = "rss/channel/item";
const ITEM_FIELDS = new Set(["title", "link", "wp:post_id", "wp:post_date_gmt"].map((n) => `${ITEM}/${n}`));

/** WXR: an <item>'s id, link and title come before its <wp:comment>s; each is read as its own record. */
export function wordpress(): FormatSpec {
  let item = new Map<string, string>();
  let announced = false;
  return {
    root: "rss",
    wrongRoot: (found) =>
      `expected a WordPress WXR export (root element <rss>), found <${found}>${hint(found)}`,
    isRecord: (at) =>
      at === "rss/channel/wp:base_site_url" || ITEM_FIELDS.has(at) || at === `${ITEM}/wp:comment`,
    onOpen: (at) => {
      if (at === ITEM) {
        item = new Map();
        announced = false;
      }
    },
    parse(r) {
      const text = (r.fields.get("") ?? "").trim();
      if (r.name === "wp:base_site_url") return [{ kind: "scope", scope: text }];
      if (r.name !== "wp:comment") {
        item.set(r.name, text);
        return [];
      }
      const id = item.get("wp:post_id") ?? "";
      if (!id) return [{ kind: "skip", what: "posts", reason: "comment outside an item with a wp:post_id" }];
      const out: Parsed[] = [];
      if (!announced) {
        announced = true;
        out.push({
          kind: "thread",
          thread: {
            key: id,
            identifier: id,
            link: item.get("link") ?? "",
            title: item.get("title") ?? "",
            createdAt: date(item.get("wp:post_date_gmt")),
          },
        });
      }
      const post = wpComment(r, id);
      if (!post.key) return [...out, { kind: "skip", what: "posts", reason: "no wp:comment_id" }];
      out.push({ kind: "post", post });
      return out;
    },
  };
}

function wpComment(r: XmlRecord, threadKey: string): PostIn {
  const f = r.fields;
  const approved = (f.get("wp:comment_approved") ?? "").trim();
  const status: CommentStatus =
    approved === "1"
      ? "approved"
      : approved === "spam"
        ? "spam"
        : approved === "trash"
          ? "deleted"
          : "pending";
  const parent = (f.get("wp:comment_parent") ?? "").trim();
  const name = (f.get("wp:comment_author") ?? "").trim();
  const email = (f.get("wp:comment_author_email") ?? "").trim().toLowerCase();
  return {
    key: (f.get("wp:comment_id") ?? "").trim(),
    threadKey,
    parentKey: parent && parent !== "0" ? parent : null,
    html: paragraphs(f.get("wp:comment_content") ?? ""),
    createdAt: date(f.get("wp:comment_date_gmt")) ?? date(f.get("wp:comment_date")),
    status,
    author: email
      ? { key: `e:${emailHash(email)}`, name: name || "Reader", emailHash: emailHash(email) }
      : name
        ? { key: `anon:${name}`, name, emailHash: null }
        : null,
    line: r.line,
  };
}

/** WordPress stores comments as text with line breaks (wpautop adds the paragraphs when showing them). */
function paragraphs(text: string): string {
  if (/<p[\s>]/i.test(text)) return text;
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** E-mail addresses are never stored: only this hash, to let the person claim the account later. */
export function emailHash(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

/** Plain text of a comment's HTML (the `body` column; the HTML itself is sanitised into body_html). */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/(p|blockquote|li|pre)>/gi, "\n\n")
      .replace(/<[^>]*>/g, ""),
  )
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const n = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}
