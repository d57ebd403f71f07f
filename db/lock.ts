// One process owns a PGlite data directory. Two processes on one directory lose data silently, so the
// owner writes its pid into `<dir>/agora.lock`; a second opener is refused with a message naming the
// directory and the holder. A lock whose pid is no longer alive is stale and is taken over.
import fs from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holderPid: number,
  ) {
    super(
      `PGlite data directory ${dir} is in use by another process (pid ${holderPid}); ` +
        "only one process may open it. Stop that process, or set AGORA_DATA_DIR to another directory " +
        "(or DATABASE_URL to use PostgreSQL).",
    );
    this.name = "DataDirLockedError";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockFile(dir: string): string {
  return path.join(dir, "agora.lock");
}

/** Takes the directory's lock for this process or throws DataDirLockedError. Returns a release function. */
export function acquireDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = lockFile(dir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number.parseInt(fs.readFileSync(file, "utf8").trim(), 10);
      if (holder === process.pid) return () => {};
      if (Number.isFinite(holder) && holder > 0 && alive(holder)) throw new DataDirLockedError(dir, holder);
      // stale: the holder died without releasing; take it over
      try {
        fs.unlinkSync(file);
      } catch {
        /* another process removed it first; retry */
      }
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
