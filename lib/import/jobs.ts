// Imports started from the admin panel: the upload is streamed to a file, a row in import_jobs tracks
// it, and the import runs in the background in this server process, writing its progress to the row at
// most twice a second (the admin page polls it, so a reload shows the same bar). A job interrupted by a
// restart is marked failed at the next look; running the same file again resumes it (decision 120).
import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { importJobs } from "@/db/schema";
import { invalidate } from "@/lib/cache";
import { isUuid } from "@/lib/db";
import { Invalid, NotFound, TooLarge } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";
import { log } from "@/lib/log";
import { type ImportFormat, importFile, MAX_IMPORT_BYTES } from "./index";

const DIR = process.env.AGORA_IMPORT_DIR || path.join(os.tmpdir(), "agora-imports");
const running = new Set<string>();

export type ImportJob = typeof importJobs.$inferSelect;

/** Streams an upload to disk (refusing more than MAX_IMPORT_BYTES), then starts the job. */
export async function startImportJob(input: {
  format: unknown;
  fileName: unknown;
  body: ReadableStream<Uint8Array> | null;
  userId: string;
}): Promise<ImportJob> {
  if (input.format !== "disqus" && input.format !== "wordpress")
    throw new Invalid("format", msg("Api.import.formatMustBeDisqus"));
  if (!input.body) throw new Invalid("file", msg("Api.import.sendTheExportFile"));
  const fileName =
    String(input.fileName ?? "export.xml")
      .replace(/[^\w.-]+/g, "_")
      .slice(0, 100) || "export.xml";
  fs.mkdirSync(DIR, { recursive: true });
  const filePath = path.join(DIR, `${Date.now()}-${crypto.randomUUID()}.xml`);
  const out = fs.createWriteStream(filePath);
  let size = 0;
  try {
    for await (const chunk of input.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > MAX_IMPORT_BYTES)
        throw new TooLarge(
          msg("Api.import.theFileIsLarger", { kb: Math.round(MAX_IMPORT_BYTES / 1024 ** 2) }),
        );
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  } catch (e) {
    out.destroy();
    fs.rmSync(filePath, { force: true });
    throw e;
  }
  if (size === 0) {
    fs.rmSync(filePath, { force: true });
    throw new Invalid("file", msg("Api.import.theFileIsEmpty"));
  }
  const db = await getDb();
  const [job] = await db
    .insert(importJobs)
    .values({
      format: input.format as ImportFormat,
      fileName,
      filePath,
      totalBytes: size,
      startedBy: input.userId,
    })
    .returning();
  void run(job.id);
  return job;
}

async function run(id: string): Promise<void> {
  if (running.has(id)) return;
  running.add(id);
  const db = await getDb();
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  let last = 0;
  try {
    await db
      .update(importJobs)
      .set({ status: "running", attempts: job.attempts + 1 })
      .where(eq(importJobs.id, id));
    const { report, slugs } = await importFile(db, {
      format: job.format,
      file: job.filePath,
      publicBase: process.env.AGORA_PUBLIC_URL || process.env.AUTH_URL || null,
      onProgress: async (p) => {
        if (Date.now() - last < 500 && p.phase !== "done") return;
        last = Date.now();
        await db
          .update(importJobs)
          .set({
            readBytes:
              p.phase === "checking"
                ? Math.round(p.bytesRead / 2)
                : Math.round((p.totalBytes + p.bytesRead) / 2),
            report: { ...p.report, phase: p.phase, postsDone: p.postsDone, postsTotal: p.postsTotal },
          })
          .where(eq(importJobs.id, id));
      },
    });
    await db
      .update(importJobs)
      .set({
        status: "done",
        readBytes: job.totalBytes,
        report: { ...report, phase: "done" },
        finishedAt: new Date(),
      })
      .where(eq(importJobs.id, id));
    await invalidate(slugs.map((s) => `article:${s}`));
    fs.rmSync(job.filePath, { force: true });
  } catch (e) {
    log.warn({ err: (e as Error).message, job: id }, "import job failed");
    await db
      .update(importJobs)
      .set({
        status: "failed",
        error: (e as Error).message.split("\n")[0].slice(0, 500),
        finishedAt: new Date(),
      })
      .where(eq(importJobs.id, id))
      .catch(() => {});
  } finally {
    running.delete(id);
  }
}

/** A job as the admin page shows it; one that says "running" but runs nowhere here was interrupted. */
export async function getImportJob(id: string): Promise<ImportJob> {
  if (!isUuid(id)) throw new NotFound(msg("Api.import.noSuchImport"));
  const db = await getDb();
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  if (!job) throw new NotFound(msg("Api.import.noSuchImport"));
  return job;
}

export async function listImportJobs(): Promise<ImportJob[]> {
  const db = await getDb();
  const jobs = await db.select().from(importJobs).orderBy(desc(importJobs.createdAt)).limit(20);
  for (const j of jobs)
    if (
      (j.status === "running" || j.status === "queued") &&
      !running.has(j.id) &&
      Date.now() - j.createdAt.getTime() > 60_000
    ) {
      // single-instance assumption: a job this process does not run was cut short by a restart
      j.status = "failed";
      j.error = "interrupted (the server restarted); upload the same file again to resume";
    }
  return jobs;
}

/** What the API shows: never the file's path on the server. */
export function publicJob(j: ImportJob) {
  const { filePath: _path, ...rest } = j;
  return rest;
}
