/* The comments frame of /embed.js (lib/embed/page.ts). Talks to this site's API only; to the host page
   only by postMessage to the origin the server checked (data-parent-origin). */
(() => {
  const root = document.getElementById("agora");
  if (!root?.dataset.slug) return;
  const slug = root.dataset.slug;
  const parentOrigin = root.dataset.parentOrigin;
  const api = `/api/v1/articles/${encodeURIComponent(slug)}/comments`;
  const list = document.getElementById("agora-list");
  const form = document.getElementById("agora-form");
  const body = document.getElementById("agora-body");
  const status = document.getElementById("agora-status");
  const more = document.getElementById("agora-more");
  const auth = document.getElementById("agora-auth");
  const note = document.getElementById("agora-signin-note");
  // the page's wording, in its language (lib/embed/page.ts puts the "Embed" messages here)
  let words = {};
  try {
    words = JSON.parse(root.dataset.i18n || "{}");
  } catch {}
  /** A message with its {placeholders} filled in (the key itself when it is missing). */
  function tr(key, vars) {
    const m = typeof words[key] === "string" ? words[key] : key;
    return m.replace(/\{(\w+)\}/g, (_, k) => (vars && k in vars ? String(vars[k]) : ""));
  }
  let me = null;
  let replyTo = null;
  let cursor = null;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function send(method, url, data) {
    return fetch(url, {
      method: method,
      credentials: "include",
      headers: data ? { "content-type": "application/json" } : {},
      body: data ? JSON.stringify(data) : undefined,
    }).then((r) =>
      r
        .json()
        .catch(() => ({}))
        .then((j) => {
          if (!r.ok) throw new Error(j.error?.message || tr("failed", { status: r.status }));
          return j;
        }),
    );
  }
  function when(iso) {
    try {
      return new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
    } catch (_e) {
      return iso;
    }
  }
  function button(label, onClick, aria) {
    const b = el("button", "link", label);
    b.type = "button";
    if (aria) b.setAttribute("aria-label", aria);
    b.addEventListener("click", onClick);
    return b;
  }
  function render(c) {
    const li = el("li", "c");
    li.id = `c-${c.id}`;
    const head = el("p", "meta");
    head.appendChild(el("strong", null, c.deleted ? tr("deleted") : c.author ? c.author.name : tr("reader")));
    const t = el("time", null, ` · ${when(c.createdAt)}`);
    t.dateTime = c.createdAt;
    head.appendChild(t);
    li.appendChild(head);
    if (!c.deleted) {
      const b = el("div", "body");
      b.innerHTML = c.bodyHtml; /* sanitised by the server (lib/comments/render.ts) */
      li.appendChild(b);
      const acts = el("p", "acts");
      const score = el("span", "score", String(c.score));
      acts.appendChild(
        button(
          "▲",
          () => {
            vote(c.id, 1, score);
          },
          tr("voteUp"),
        ),
      );
      acts.appendChild(score);
      acts.appendChild(
        button(
          "▼",
          () => {
            vote(c.id, -1, score);
          },
          tr("voteDown"),
        ),
      );
      acts.appendChild(
        button(tr("reply"), () => {
          reply(c);
        }),
      );
      acts.appendChild(
        button(tr("report"), () => {
          report(c.id, acts);
        }),
      );
      li.appendChild(acts);
    }
    if (c.replies?.length) {
      const ol = el("ol", "list");
      c.replies.forEach((r) => {
        ol.appendChild(render(r));
      });
      li.appendChild(ol);
    }
    return li;
  }
  function load(append) {
    const url = `${api}?sort=new${append && cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    return send("GET", url)
      .then((page) => {
        if (!append) list.textContent = "";
        page.comments.forEach((c) => {
          list.appendChild(render(c));
        });
        if (!append && !page.comments.length) list.appendChild(el("li", "note", tr("none")));
        document.getElementById("agora-count").textContent = `(${page.article.commentCount})`;
        cursor = page.nextCursor;
        more.hidden = !cursor;
        if (!page.article.commentsOpen) {
          form.hidden = true;
          note.hidden = false;
          note.textContent = tr("closed");
        }
      })
      .catch((e) => {
        list.textContent = "";
        list.appendChild(el("li", "note", e.message));
      });
  }
  function guard() {
    if (me) return true;
    signIn();
    return false;
  }
  function vote(id, v, score) {
    if (!guard()) return;
    send("POST", `/api/v1/comments/${id}/vote`, { value: v })
      .then((j) => {
        if (j && typeof j.score === "number") score.textContent = String(j.score);
      })
      .catch((e) => {
        status.textContent = e.message;
      });
  }
  function report(id, where) {
    if (!guard()) return;
    send("POST", `/api/v1/comments/${id}/reports`, { reason: "abuse" })
      .then(() => {
        where.appendChild(el("span", "note", ` ${tr("reported")}`));
      })
      .catch((e) => {
        where.appendChild(el("span", "note", ` ${e.message}`));
      });
  }
  function reply(c) {
    if (!guard()) return;
    replyTo = c.id;
    status.textContent = c.author ? tr("replyingTo", { name: c.author.name }) : tr("replyingToComment");
    body.focus();
  }
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    status.textContent = tr("posting");
    send("POST", api, { body: body.value, parentId: replyTo, website: form.website.value })
      .then((j) => {
        status.textContent = j.message || tr("posted");
        body.value = "";
        replyTo = null;
        return load(false);
      })
      .catch((e) => {
        status.textContent = e.message;
      });
  });
  more.addEventListener("click", () => {
    load(true);
  });

  /* signing in: a first-party popup; the frame then asks for its own (partitioned) session cookie */
  function signIn() {
    const key = Array.from(crypto.getRandomValues(new Uint8Array(18)), (b) =>
      `0${b.toString(16)}`.slice(-2),
    ).join("");
    const w = window.open(`/embed/signin?key=${key}`, "agora-signin", "width=480,height=640");
    if (!w) {
      status.textContent = tr("popups");
      return;
    }
    let tries = 0;
    const timer = setInterval(() => {
      tries++;
      send("POST", "/api/v1/embed/session", { key: key })
        .then((j) => {
          // (w.closed says nothing: the popup's Cross-Origin-Opener-Policy cuts it off from this frame)
          if (!j.ok) return;
          clearInterval(timer);
          whoami().then(() => {
            if (!me) blocked();
          });
        })
        .catch(() => {});
      if (tries > 300) clearInterval(timer);
    }, 1000);
  }
  /* the browser refused even partitioned cookies (docs/embed.md): offer the frame as a page of its own */
  function blocked() {
    status.textContent = "";
    const p = el("p", "note", `${tr("noStorage")} `);
    const a = el("a", null, tr("newTab"));
    a.href = location.href;
    a.target = "_blank";
    a.rel = "noopener";
    p.appendChild(a);
    auth.appendChild(p);
  }
  function whoami() {
    return send("GET", "/api/v1/me")
      .then((j) => {
        me = j.user;
        auth.textContent = "";
        if (me) {
          auth.appendChild(el("span", "note", tr("signedInAs", { name: me.name })));
          form.hidden = false;
          note.hidden = true;
        } else {
          auth.appendChild(button(tr("signIn"), signIn));
          form.hidden = true;
          note.hidden = false;
        }
      })
      .catch(() => {});
  }

  /* live updates: a new comment reloads the first page */
  if (window.EventSource) {
    let pending = null;
    const es = new EventSource(`${api}/stream`);
    es.onmessage = () => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        if (!cursor || list.children.length < 30) load(false);
      }, 300);
    };
  }

  /* the host page: our height, its theme */
  function tell() {
    parent.postMessage(
      { agora: "height", height: Math.ceil(document.documentElement.scrollHeight) },
      parentOrigin,
    );
  }
  if (window.ResizeObserver) new ResizeObserver(tell).observe(document.documentElement);
  addEventListener("load", tell);
  addEventListener("message", (e) => {
    if (e.origin !== parentOrigin || !e.data || e.data.agora !== "theme") return;
    document.documentElement.setAttribute("data-theme", e.data.theme === "dark" ? "dark" : "light");
  });

  /* data-agora-poll: one of the site's polls, voted on here as on its article */
  const pollBox = document.getElementById("agora-poll");
  function showPoll(poll) {
    pollBox.textContent = "";
    pollBox.appendChild(el("h2", null, poll.question));
    const ul = el("ul", "list");
    for (const o of poll.options) {
      const li = el("li", "opt");
      if (typeof o.percent === "number")
        li.textContent = tr("option", { label: o.label, percent: o.percent, count: o.count });
      else
        li.appendChild(
          button(o.label, () =>
            send("PUT", `/api/v1/polls/${encodeURIComponent(poll.id)}/vote`, { optionIds: [o.id] })
              // the answer shows the results (the voter cookie may not survive in a third-party frame)
              .then((j) => showPoll(j.poll))
              .catch((e) => {
                pollBox.appendChild(el("p", "note", e.message));
              }),
          ),
        );
      ul.appendChild(li);
    }
    pollBox.appendChild(ul);
  }
  function loadPoll() {
    if (!pollBox || !root.dataset.poll) return Promise.resolve();
    return send("GET", `/api/v1/polls/${encodeURIComponent(root.dataset.poll)}`)
      .then((j) => showPoll(j.poll))
      .catch((e) => {
        pollBox.textContent = e.message;
      });
  }

  whoami();
  loadPoll();
  load(false).then(tell);
})();
