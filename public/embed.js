/* Agora embed (docs/embed.md): <div id="agora-comments" data-agora-id="ID"></div> + this script frames
   /embed/threads/ID, sized by the frame's postMessage (origin checked); [data-agora-count="ID"] elements get
   the comment count, all in one request. No third-party requests; no globals besides nothing. */
(() => {
  const me = document.currentScript;
  const base = new URL(me ? me.src : "/embed.js", location.href).origin;
  const here = location.origin;
  function dark() {
    return !!(window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches);
  }
  const frames = [];
  function mount(el) {
    const id = el.getAttribute("data-agora-id");
    if (!id || el.getAttribute("data-agora-mounted")) return;
    el.setAttribute("data-agora-mounted", "1");
    const q = new URLSearchParams({
      origin: here,
      url: el.getAttribute("data-agora-url") || location.href.split("#")[0],
      title: el.getAttribute("data-agora-title") || document.title || id,
      theme: dark() ? "dark" : "light",
    });
    const poll = el.getAttribute("data-agora-poll");
    if (poll) q.set("poll", poll);
    const f = document.createElement("iframe");
    f.src = `${base}/embed/threads/${encodeURIComponent(id)}?${q}`;
    f.title = "Comments";
    f.setAttribute("allow", "storage-access");
    f.style.cssText = "width:100%;border:0;min-height:160px;color-scheme:normal;display:block";
    el.appendChild(f);
    frames.push(f);
  }
  addEventListener("message", (e) => {
    if (e.origin !== base || !e.data || e.data.agora !== "height") return;
    for (let i = 0; i < frames.length; i++)
      if (frames[i].contentWindow === e.source)
        frames[i].style.height = `${Math.max(80, Math.min(+e.data.height || 0, 1e5))}px`;
  });
  if (window.matchMedia)
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
      for (let i = 0; i < frames.length; i++)
        frames[i].contentWindow.postMessage({ agora: "theme", theme: dark() ? "dark" : "light" }, base);
    });
  function counts() {
    const els = document.querySelectorAll("[data-agora-count]");
    if (!els.length) return;
    const ids = [];
    els.forEach((el) => {
      const id = el.getAttribute("data-agora-count");
      if (id && ids.indexOf(id) < 0) ids.push(id);
    });
    const q = new URLSearchParams({ origin: here });
    ids.slice(0, 100).forEach((id) => {
      q.append("id", id);
    });
    fetch(`${base}/api/v1/embed/counts?${q}`, { credentials: "omit" })
      .then((r) => (r.ok ? r.json() : null))
      .then((j) => {
        if (!j?.counts) return;
        els.forEach((el) => {
          const n = j.counts[el.getAttribute("data-agora-count")];
          if (typeof n === "number") el.textContent = n + (n === 1 ? " comment" : " comments");
        });
      })
      .catch(() => {});
  }
  function start() {
    const els = document.querySelectorAll("#agora-comments, [data-agora-id]");
    for (let i = 0; i < els.length; i++) mount(els[i]);
    counts();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
