// npm run bench:notify [-- --replies 10000 --askers 1000 --workers 2]
// 10,000 reply notifications delivered by mail through the job queue by TWO worker processes (two
// instances) on one PostgreSQL database, into a local SMTP sink. Replies are stored held, then approved in
// transactions of 100 (each approval records its outbox event, as setCommentStatus does); the workers
// hear the outbox, fan out and send. Reports throughput (mails/s from the first approval to the last
// mail) and the lag from each reply's approval commit to its mail (p50/p95/max), and checks that every
// reply's mail arrived exactly once. Needs DATABASE_URL (a fresh database is created next to it).
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import postgres from "postgres";

const { values: args } = parseArgs({
  options: {
    replies: { type: "string", default: "10000" },
    askers: { type: "string", default: "1000" },
    workers: { type: "string", default: "2" },
    worker: { type: "string" },
  },
});

if (args.worker) {
  // one "instance": the app's notifier (pg-boss workers + outbox listener) and nothing else
  const { getDbHandle } = await import("../../db/client");
  const { subscribe } = await import("../../lib/realtime/bus");
  const { createNotifier } = await import("../../lib/notifications/queue");
  const { OUTBOX_CHANNEL } = await import("../../lib/notifications/outbox");
  const h = await getDbHandle();
  const n = await createNotifier({ db: h.db, kind: h.kind, url: h.url, schedule: false });
  await subscribe(OUTBOX_CHANNEL, () => void n.drain());
  process.send?.("ready");
  process.on("disconnect", () => process.exit(0));
  process.on("message", async (m) => {
    if (m === "stop") {
      await n.stop();
      process.exit(0);
    }
  });
} else {
  await main();
}

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) {
    console.error("bench:notify needs DATABASE_URL (PostgreSQL): two instances share one database");
    process.exit(2);
  }
  const REPLIES = Number(args.replies);
  const ASKERS = Number(args.askers);
  const WORKERS = Number(args.workers);
  const name = `agora_bench_notify_${Date.now().toString(36)}`;
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const a = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await a.unsafe(`create database ${name}`);
  await a.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const url = u.toString();
  process.env.DATABASE_URL = url;
  const { openDb } = await import("../../db/client");
  const { runMigrations } = await import("../../db/migrate");
  const h = await openDb({ url });
  await runMigrations(h);
  const sql = h.sql!;

  // SMTP sink: arrival time of each reply's mail (the reply id is in the link)
  const arrivals = new Map<string, number[]>();
  const { SMTPServer } = await import("smtp-server");
  let mails = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _s, cb) {
      const c: Buffer[] = [];
      stream.on("data", (d) => c.push(d));
      stream.on("end", () => {
        const at = Date.now();
        mails++;
        const body = Buffer.concat(c)
          .toString("utf8")
          .replace(/=\r?\n/g, "");
        for (const m of new Set(body.match(/comments\/([0-9a-f-]{36})/g) ?? [])) {
          const id = m.slice(9);
          const l = arrivals.get(id) ?? [];
          l.push(at);
          arrivals.set(id, l);
        }
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
  const smtpPort = (smtp.server.address() as { port: number }).port;

  // fixtures: askers with one approved root comment each, repliers (decision mails off)
  const [author] = await sql`insert into authors (slug, name) values ('bench-notify', 'Bench') returning id`;
  const [art] = await sql`insert into articles (slug, title, body, author_id, status, published_at)
    values ('bench-notify', 'Bench notify', 'Body', ${author.id}, 'published', now()) returning id`;
  const askers = Array.from({ length: ASKERS }, (_, i) => ({
    id: randomUUID(),
    name: `Asker ${i}`,
    email: `asker${i}@bench.test`,
  }));
  const repliers = Array.from({ length: 10 }, (_, i) => ({
    id: randomUUID(),
    name: `Replier ${i}`,
    email: `replier${i}@bench.test`,
  }));
  for (const list of [askers, repliers])
    for (let i = 0; i < list.length; i += 500)
      await sql`insert into users ${sql(list.slice(i, i + 500).map((x) => ({ ...x, email_verified: new Date().toISOString() })))}`;
  await sql`insert into notification_prefs ${sql(repliers.map((r) => ({ user_id: r.id, decisions: "off" })))}`;
  let seq = 0;
  const pad = (n: number) => String(n).padStart(10, "0");
  const roots = askers.map((x) => {
    seq++;
    return {
      id: randomUUID(),
      seq,
      article_id: art.id,
      depth: 0,
      path: pad(seq),
      author_id: x.id,
      body: "A question?",
      body_html: "<p>A question?</p>",
      status: "approved",
    };
  });
  for (let i = 0; i < roots.length; i += 500)
    await sql`insert into comments ${sql(roots.slice(i, i + 500).map((r) => ({ ...r, root_id: r.id })))}`;
  await sql`select setval(pg_get_serial_sequence('comments', 'seq'), ${seq})`;
  const replies = Array.from({ length: REPLIES }, (_, i) => {
    const root = roots[i % roots.length];
    seq++;
    return {
      id: randomUUID(),
      seq,
      article_id: art.id,
      parent_id: root.id,
      root_id: root.id,
      depth: 1,
      path: `${root.path}.${pad(seq)}`,
      author_id: repliers[i % repliers.length].id,
      body: `Reply ${i}`,
      body_html: `<p>Reply ${i}</p>`,
      status: "pending",
    };
  });
  for (let i = 0; i < replies.length; i += 1000)
    await sql`insert into comments ${sql(replies.slice(i, i + 1000))}`;
  await sql`select setval(pg_get_serial_sequence('comments', 'seq'), ${seq})`;

  // two instances
  const env = {
    ...process.env,
    DATABASE_URL: url,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    AUTH_URL: "http://news.bench",
    AUTH_SECRET: "bench-secret-0123456789abcdef0123456789",
    NODE_ENV: "production" as const,
    LOG_LEVEL: "warn",
  };
  const kids = Array.from({ length: WORKERS }, (_, i) =>
    fork(new URL(import.meta.url).pathname, ["--worker", String(i)], {
      env,
      execArgv: ["--conditions=react-server", "--import", "tsx"],
    }),
  );
  await Promise.all(kids.map((k) => new Promise((r) => k.once("message", r))));

  // approve in transactions of 100, as moderators' decisions do (status + outbox event)
  const approvedAt = new Map<string, number>();
  const t0 = Date.now();
  for (let i = 0; i < replies.length; i += 100) {
    const batch = replies.slice(i, i + 100);
    await sql.begin(async (tx) => {
      await tx`update comments set status = 'approved', decided_by = 'moderator' where id in ${tx(batch.map((r) => r.id))}`;
      await tx`insert into notification_outbox ${tx(
        batch.map((r) => ({
          type: "comment.status",
          comment_id: r.id,
          data: JSON.stringify({ from: "pending", to: "approved", reason: null }),
        })),
      )}`;
    });
    const at = Date.now();
    for (const r of batch) approvedAt.set(r.id, at);
  }
  const tApproved = Date.now();
  const deadline = Date.now() + 15 * 60_000;
  while (arrivals.size < REPLIES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  // a duplicate would arrive within a few polling intervals after the last mail
  await new Promise((r) => setTimeout(r, 5000));
  const tEnd = Math.max(...[...arrivals.values()].flat());
  const lags = replies
    .map((r) => (arrivals.get(r.id)?.[0] ?? Number.NaN) - approvedAt.get(r.id)!)
    .filter(Number.isFinite)
    .sort((x, y) => x - y);
  const q = (p: number) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))];
  const dup = [...arrivals.values()].filter((l) => l.length > 1).length;
  const missing = replies.filter((r) => !arrivals.has(r.id)).length;
  const [state] = await sql`select count(*) filter (where kind = 'reply')::int as replies,
      count(*) filter (where kind = 'reply' and mail_state = 'sent')::int as sent from notifications`;
  for (const k of kids) k.send("stop");
  await Promise.all(kids.map((k) => new Promise((r) => k.once("exit", r))));
  smtp.close();
  await h.close();
  const b = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await b.unsafe(`drop database if exists ${name} with (force)`);
  await b.end();
  const secs = (tEnd - t0) / 1000;
  console.log(
    JSON.stringify(
      {
        replies: REPLIES,
        instances: WORKERS,
        approvalSeconds: (tApproved - t0) / 1000,
        deliverySeconds: secs,
        mailsPerSecond: Math.round(REPLIES / secs),
        lagMs: { p50: q(0.5), p95: q(0.95), max: lags[lags.length - 1] },
        smtpMessages: mails,
        replyNotifications: state.replies,
        sent: state.sent,
        duplicates: dup,
        missing,
      },
      null,
      2,
    ),
  );
  if (dup || missing || state.sent !== REPLIES) {
    console.error(
      `NOT exactly once: ${dup} duplicated, ${missing} missing, ${state.sent} sent of ${REPLIES}`,
    );
    process.exit(1);
  }
}
