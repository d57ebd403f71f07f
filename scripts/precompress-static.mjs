// After `next build`: writes a `.br` (brotli quality 11) and a `.gz` (gzip level 9) beside every
// compressible file of 1 KB or more under .next/static, which server/compress.cjs serves as they are
// (Next's static files never change once built: the most expensive compression is paid once here, not
// per request). A sibling that would not be smaller is not written. `node scripts/precompress-static.mjs [dir]`
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const dir = path.resolve(process.argv[2] ?? ".next/static");
const TYPES = new Set([".js", ".css", ".json", ".svg", ".txt"]);
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function* files(d) {
  for (const e of await fs.readdir(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile() && TYPES.has(path.extname(e.name))) yield p;
  }
}

const started = Date.now();
let n = 0;
let raw = 0;
let br = 0;
let gz = 0;
const jobs = [];
for await (const f of files(dir)) jobs.push(f);
// two at a time (zlib's async work runs on the thread pool)
async function worker() {
  for (let f = jobs.pop(); f; f = jobs.pop()) {
    const body = await fs.readFile(f);
    if (body.length < 1024) continue;
    const [b, g] = await Promise.all([
      brotli(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
      gzip(body, { level: 9 }),
    ]);
    if (b.length < body.length) await fs.writeFile(`${f}.br`, b);
    if (g.length < body.length) await fs.writeFile(`${f}.gz`, g);
    n++;
    raw += body.length;
    br += b.length;
    gz += g.length;
  }
}
await Promise.all([worker(), worker()]);
const kb = (x) => `${(x / 1024).toFixed(0)} kB`;
console.log(
  `precompressed ${n} static files in ${Date.now() - started} ms: ${kb(raw)} → brotli ${kb(br)}, gzip ${kb(gz)}`,
);
