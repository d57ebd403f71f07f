// The lock is about PGlite directories, so this runs on PGlite whatever DATABASE_URL says.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { acquireDirLock, DataDirLockedError, lockFile } from "@/db/lock";

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "agora-lock-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("PGlite directory lock", () => {
  it("refuses a second process with a message naming the directory and the holder", async () => {
    const dir = tmp();
    // a live process that is not us holds the lock
    const holder = spawn(process.execPath, ["-e", "setTimeout(()=>{}, 30000)"]);
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(lockFile(dir), String(holder.pid));
      await expect(openDb({ url: "", dir })).rejects.toThrow(DataDirLockedError);
      try {
        acquireDirLock(dir);
        expect.unreachable();
      } catch (e) {
        expect((e as Error).message).toContain(dir);
        expect((e as Error).message).toContain(`pid ${holder.pid}`);
        expect((e as Error).message).toMatch(/in use by another process/);
      }
    } finally {
      holder.kill();
    }
  });

  it("takes over a stale lock left by a dead process", async () => {
    const dir = tmp();
    const dead = spawn(process.execPath, ["-e", "0"]);
    await new Promise((r) => dead.on("exit", r));
    fs.writeFileSync(lockFile(dir), String(dead.pid));
    const h = await openDb({ url: "", dir });
    expect(fs.readFileSync(lockFile(dir), "utf8")).toBe(String(process.pid));
    await h.close();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("a real second process is refused while the first holds the directory", async () => {
    const dir = tmp();
    const h = await openDb({ url: "", dir });
    try {
      const out = await new Promise<{ code: number | null; err: string }>((resolve) => {
        const p = spawn("npx", ["tsx", "--conditions=react-server", "scripts/migrate.mts"], {
          env: { ...process.env, DATABASE_URL: "", AGORA_DATA_DIR: dir },
        });
        let err = "";
        p.stderr.on("data", (d) => (err += d));
        p.on("exit", (code) => resolve({ code, err }));
      });
      expect(out.code).toBe(1);
      expect(out.err).toContain(
        `PGlite data directory ${dir} is in use by another process (pid ${process.pid})`,
      );
    } finally {
      await h.close();
    }
  });
});
