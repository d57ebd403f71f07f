// Comment bodies: a Markdown subset (paragraphs, emphasis, links, inline code and code blocks, quotes,
// lists) rendered on the server to sanitised HTML. Raw HTML is off in the parser, images, headings and
// tables are switched off, and the output passes an allow-list sanitiser anyway, so whatever a reader
// writes, the HTML holds no script, no event handler, no style and no javascript: URL.
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { linkMentions } from "@/lib/notifications/mentions";

/** The hrefs a comment may carry: a web or mail address, or the profile link a mention becomes. */
const SAFE_HREF = /^(?:https?:\/\/|mailto:)|^\/readers\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

const md = new MarkdownIt("commonmark", { html: false, linkify: true, typographer: false, breaks: true });
md.enable(["linkify", "strikethrough"]);
md.disable(["image", "heading", "lheading", "hr", "html_block", "html_inline"]);
// A relative link a reader writes ("/account", "?x", "#y") would point inside Agora, or inside the
// publisher's page in the embed: only a mention's profile link stays relative; any other link is left
// as the text the reader typed.
const validateLink = md.validateLink.bind(md);
md.validateLink = (url) => SAFE_HREF.test(url.trim()) && validateLink(url);

export const LINK_REL = "nofollow ugc noopener";

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "em", "strong", "s", "a", "code", "pre", "blockquote", "ul", "ol", "li"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  transformTags: {
    // second line of defence (imported HTML): an href off the list is dropped, the text stays
    a: (tagName, attribs): sanitizeHtml.Tag => ({
      tagName,
      attribs:
        attribs.href && SAFE_HREF.test(attribs.href)
          ? { href: attribs.href, rel: LINK_REL }
          : ({} as sanitizeHtml.Attributes),
    }),
  },
};

export function renderCommentBody(source: string): string {
  return sanitizeHtml(md.render(linkMentions(source)), SANITIZE).trim();
}

/** HTML from elsewhere (an imported Disqus/WordPress comment) through the same allow-list. */
export function sanitizeCommentHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE).trim();
}
