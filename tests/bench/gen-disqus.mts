// npx tsx tests/bench/gen-disqus.mts N FILE [BASE] — a Disqus export of N posts over N/100 threads (a
// third replies, up to 6 deep; 2 % spam, 1 % deleted), written as a stream: for the import benchmark
// (docs/performance.md). Thread 0 links to BASE/articles/will-russia-defend-maduro, the rest are external.
import fs from "node:fs";
import { DISQUS_HEAD, disqusPost, disqusThread } from "../helpers/disqus";

const n = Number(process.argv[2] ?? 1000);
const file = process.argv[3] ?? "disqus.xml";
const base = process.argv[4] ?? "http://127.0.0.1:3000";
const out = fs.createWriteStream(file);
const write = (s: string) =>
  out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
const threads = Math.max(1, Math.ceil(n / 100));
await write(DISQUS_HEAD);
for (let t = 0; t < threads; t++)
  await write(
    disqusThread({
      id: `t${t}`,
      identifier: t === 0 ? "will-russia-defend-maduro" : `story-${t}`,
      link: t === 0 ? `${base}/articles/will-russia-defend-maduro` : `https://news.example/stories/${t}.html`,
      title: `Story ${t}`,
    }),
  );
const depth: number[] = [];
let chunk = "";
for (let i = 0; i < n; i++) {
  const thread = i % threads;
  // a reply to an earlier post of the same thread, a third of the time
  const back = i - threads * (1 + (i % 3));
  const parent = i % 3 === 0 && back >= 0 && depth[back] < 6 ? back : -1;
  depth[i] = parent >= 0 ? depth[parent] + 1 : 0;
  chunk += disqusPost({
    id: `p${i}`,
    thread: `t${thread}`,
    parent: parent >= 0 ? `p${parent}` : undefined,
    text: `Comment ${i} on story ${thread}: ${"lorem ipsum dolor sit amet ".repeat(1 + (i % 8))}`,
    at: new Date(Date.UTC(2015, 0, 1) + i * 60_000).toISOString(),
    name: `Reader ${i % 5000}`,
    username: i % 7 === 0 ? undefined : `reader${i % 5000}`,
    // Disqus exports carry the address; the import keeps only its hash (to let the person claim)
    email: `reader${i % 5000}@example.test`,
    spam: i % 50 === 7,
    deleted: i % 100 === 13,
  });
  if (chunk.length > 1 << 20) {
    await write(chunk);
    chunk = "";
  }
}
await write(`${chunk}</disqus>\n`);
out.end();
console.error(`gen-disqus: ${n} posts, ${threads} threads → ${file}`);
