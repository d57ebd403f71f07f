// @ts-check
// Request body caps: one place in the server for every route (issue 12, hole 3). A body is capped before
// anything reads it:
//  - a declared Content-Length over the route's cap gets 413 at once, unread (and with
//    `Expect: 100-continue` the client is told before it sends anything);
//  - a body without a length (chunked) is counted as it arrives, in the socket's own push into the
//    request stream, and cut at the cap: 413 if nothing was answered yet, then the connection closes
//    (after a second in which the rest is read and dropped, so that the client sees the answer).
// So whatever the route does with its body (Next's server actions, Auth.js forms, our JSON handlers,
// the fast lanes), no more than its cap is ever held in memory per request.
// Caps per kind (bytes; env overrides):
//  - JSON API (/api/…):                 AGORA_MAX_JSON_BYTES    64 KB (lib/api/http.ts reads the same)
//  - article editor (/api/v1/admin/articles…): AGORA_MAX_ARTICLE_BYTES 512 KB (the largest article)
//  - server actions (Next-Action header): AGORA_MAX_ACTION_BYTES 128 KB (the largest real form is a
//    comment: at most 20,000 characters (AGORA_COMMENT_MAX's ceiling), up to 80 KB of UTF-8 in
//    multipart form data, plus Next's fields)
//  - forms and everything else:           AGORA_MAX_FORM_BYTES    16 KB

const KB = 1024;
/** @param {string} name @param {number} fallback */
const envBytes = (name, fallback) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

const CAPS = {
  json: envBytes("AGORA_MAX_JSON_BYTES", 64 * KB),
  article: envBytes("AGORA_MAX_ARTICLE_BYTES", 512 * KB),
  action: envBytes("AGORA_MAX_ACTION_BYTES", 128 * KB),
  form: envBytes("AGORA_MAX_FORM_BYTES", 16 * KB),
};

/**
 * The body cap of a request, in bytes.
 * @param {string} pathname
 * @param {import("node:http").IncomingHttpHeaders} headers
 */
function bodyCap(pathname, headers) {
  if (headers["next-action"] !== undefined) return CAPS.action;
  if (pathname.startsWith("/api/v1/admin/articles")) return CAPS.article;
  if (pathname.startsWith("/api/") && !pathname.startsWith("/api/auth/")) return CAPS.json;
  return CAPS.form;
}

/** @param {number} cap */
const tooLargeBody = (cap) =>
  JSON.stringify({
    error: {
      code: "payload_too_large",
      message: `The body is larger than ${Math.round(cap / KB)} KB, the most this address accepts.`,
    },
  });

// after a 413, what more the client sends is read and dropped for this long (so that it reads the answer
// before its connection is reset), then the connection is closed
const LINGER_MS = 1000;

/**
 * Answers 413; the rest of the body is never held: read and dropped for LINGER_MS, then the
 * connection is closed.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {number} cap
 */
function refuse(req, res, cap) {
  req.push = () => true; // keep reading the socket, keep nothing
  const close = setTimeout(() => req.socket.destroy(), LINGER_MS);
  close.unref();
  req.socket.once("close", () => clearTimeout(close));
  if (res.headersSent) return;
  const body = tooLargeBody(cap);
  res.writeHead(413, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(body),
    // not `close`: node would then close at once, and a client still sending would get a reset
    // instead of this answer; the timer above closes the connection instead
    connection: "keep-alive",
  });
  res.end(body);
}

/**
 * The declared length is over the cap: true when refused (413 sent).
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {number} cap
 */
function declaredTooLarge(req, res, cap) {
  const declared = Number(req.headers["content-length"]);
  if (!(declared > cap)) return false;
  refuse(req, res, cap);
  return true;
}

/**
 * Applies the route's cap to a request: false when it was refused at once (413 sent), true when it
 * may go on, its body counted and cut at the cap as it streams.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {string} pathname
 */
function capBody(req, res, pathname) {
  const cap = bodyCap(pathname, req.headers);
  if (declaredTooLarge(req, res, cap)) return false;
  if (req.method === "GET" || req.method === "HEAD") {
    if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined)
      return true;
  }
  let seen = 0;
  const push = req.push;
  // node's HTTP parser hands every chunk of the body to the request through push(): counting there
  // sees the bytes before any reader buffers them
  req.push = (chunk, encoding) => {
    if (chunk != null) {
      seen += chunk.length;
      if (seen > cap) {
        refuse(req, res, cap);
        return true;
      }
    }
    return push.call(req, chunk, encoding);
  };
  return true;
}

module.exports = { CAPS, bodyCap, capBody, declaredTooLarge };
