// Disqus-format export files for tests and benchmarks (the shape Disqus's own exports have).
export interface DPost {
  id: string;
  thread: string;
  parent?: string;
  text: string;
  at?: string;
  name?: string;
  username?: string;
  /** the author's address (Disqus exports carry it; Agora keeps only its hash, to let them claim) */
  email?: string;
  deleted?: boolean;
  spam?: boolean;
}
export interface DThread {
  id: string;
  identifier: string;
  link: string;
  title: string;
}

const cdata = (s: string) => `<![CDATA[${s}]]>`;

export function disqusThread(t: DThread): string {
  return `  <thread dsq:id="${t.id}">
    <id>${t.identifier}</id>
    <forum>testnews</forum>
    <category dsq:id="1"/>
    <link>${t.link}</link>
    <title>${t.title}</title>
    <message/>
    <createdAt>2019-03-01T08:00:00Z</createdAt>
    <author><name>Newsroom</name><isAnonymous>false</isAnonymous><username>newsroom</username></author>
    <ipAddress>192.0.2.5</ipAddress>
    <isClosed>false</isClosed>
    <isDeleted>false</isDeleted>
  </thread>
`;
}

export function disqusPost(p: DPost): string {
  const mail = p.email ? `<email>${p.email}</email>` : "";
  const who = p.username
    ? `<name>${p.name ?? p.username}</name>${mail}<isAnonymous>false</isAnonymous><username>${p.username}</username>`
    : `<name>${p.name ?? "Anon"}</name>${mail}<isAnonymous>true</isAnonymous>`;
  return `  <post dsq:id="${p.id}">
    <id/>
    <message>${cdata(`<p>${p.text}</p>`)}</message>
    <createdAt>${p.at ?? "2019-03-04T10:11:12Z"}</createdAt>
    <isDeleted>${Boolean(p.deleted)}</isDeleted>
    <isSpam>${Boolean(p.spam)}</isSpam>
    <author>${who}</author>
    <ipAddress>192.0.2.7</ipAddress>
    <thread dsq:id="${p.thread}"/>
${p.parent ? `    <parent dsq:id="${p.parent}"/>\n` : ""}  </post>
`;
}

export const DISQUS_HEAD = `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <category dsq:id="1"><forum>testnews</forum><title>General</title><isDefault>true</isDefault></category>
`;

export function disqusDoc(threads: DThread[], posts: DPost[]): string {
  return `${DISQUS_HEAD}${threads.map(disqusThread).join("")}${posts.map(disqusPost).join("")}</disqus>\n`;
}
