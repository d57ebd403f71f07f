// postinstall: a small, idempotent fix to postgres.js (3.4.x) until upstream ships one
// (porsager/postgres issues #1154, #1208; pull requests #1168, #1209).
//
// When PostgreSQL goes away, postgres.js clears its deferred-write timer without forgetting it and keeps
// the half-written buffer. Two things follow, both seen in tests/fault/db-outage.test.ts:
//  - the timer can still fire on a connection whose socket is gone: `socket.write` on null, an
//    uncaught TypeError outside any request (the server logs it and keeps running, but the query is lost);
//  - the connection keeps a stale timer, so later small writes are never flushed: queries on it hang.
// The fix: on close, forget the timer and the buffer (they belong to the dead session); a write with no
// socket fails its query with CONNECTION_CLOSED (→ 503) instead of throwing.
// Prints a notice and changes nothing when the code no longer looks as expected (e.g. fixed upstream).
import fs from "node:fs";
import path from "node:path";

const MARK = "/* agora-patch */";
const root = path.join(process.cwd(), "node_modules", "postgres");
const files = ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"]
  .map((f) => path.join(root, f))
  .filter((f) => fs.existsSync(f));

const NEXT_WRITE = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)";
const NEXT_WRITE_FIXED =
  "  function nextWrite(fn) {\n" +
  `    if (!socket) { ${MARK} chunk = nextWriteTimer = null; error(Errors.connection('CONNECTION_CLOSED', options)); return false }\n` +
  "    const x = socket.write(chunk, fn)";
const CLEAR = "    clearImmediate(nextWriteTimer)\n";
const CLEAR_FIXED = `    clearImmediate(nextWriteTimer)\n    nextWriteTimer = chunk = null ${MARK}\n`;

for (const file of files) {
  const src = fs.readFileSync(file, "utf8");
  if (src.includes(MARK)) continue;
  const clears = src.split(CLEAR).length - 1;
  if (!src.includes(NEXT_WRITE) || clears !== 2) {
    console.warn(
      `patch-deps: ${path.relative(process.cwd(), file)} is not the expected postgres.js 3.4 code; left as is`,
    );
    continue;
  }
  fs.writeFileSync(file, src.replace(NEXT_WRITE, NEXT_WRITE_FIXED).split(CLEAR).join(CLEAR_FIXED));
  console.log(
    `patch-deps: patched ${path.relative(process.cwd(), file)} (deferred writes after a lost connection)`,
  );
}

// The connection queues (idle, busy, full): shift() leaves an empty slot at the front, and the array
// is only reset when shift() itself empties the queue. Connections also leave queues through remove(),
// so under steady load that rarely happens: the arrays grew without bound (52,000 slots holding 2
// connections after 15 s of posting comments) and remove() scanned all the empty slots (3 % of the
// server's CPU). The fix: remove() searches from the first live entry and resets an emptied queue,
// and shift() drops the empty slots once there are 1,024 of them. Behaviour is otherwise the same.
const QUEUE_REMOVE =
  "    remove: (x) => {\n      const index = xs.indexOf(x)\n      return index === -1\n        ? null\n        : (xs.splice(index, 1), x)\n    },";
const QUEUE_REMOVE_FIXED =
  `    remove: (x) => { ${MARK}\n` +
  "      const at = xs.indexOf(x, index)\n" +
  "      if (at === -1)\n        return null\n" +
  "      xs.splice(at, 1)\n" +
  "      if (index === xs.length) {\n        index = 0\n        xs = []\n      }\n" +
  "      return x\n    },";
const QUEUE_SHIFT = "      } else {\n        xs[index - 1] = undefined\n      }\n";
const QUEUE_SHIFT_FIXED =
  "      } else {\n        xs[index - 1] = undefined\n" +
  "        if (index >= 1024) {\n          xs = xs.slice(index)\n          index = 0\n        }\n      }\n";
for (const file of ["src/queue.js", "cjs/src/queue.js", "cf/src/queue.js"]
  .map((f) => path.join(root, f))
  .filter((f) => fs.existsSync(f))) {
  const src = fs.readFileSync(file, "utf8");
  if (src.includes(MARK)) continue;
  if (!src.includes(QUEUE_REMOVE)) {
    console.warn(
      `patch-deps: ${path.relative(process.cwd(), file)} is not the expected postgres.js 3.4 code; left as is`,
    );
    continue;
  }
  if (!src.includes(QUEUE_SHIFT)) {
    console.warn(
      `patch-deps: ${path.relative(process.cwd(), file)} is not the expected postgres.js 3.4 code; left as is`,
    );
    continue;
  }
  fs.writeFileSync(
    file,
    src.replace(QUEUE_REMOVE, QUEUE_REMOVE_FIXED).replace(QUEUE_SHIFT, QUEUE_SHIFT_FIXED),
  );
  console.log(`patch-deps: patched ${path.relative(process.cwd(), file)} (queue removal scans)`);
}
