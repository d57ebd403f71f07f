"use client";
// Import from Disqus/WordPress with a live progress bar (the job runs on the server; this only polls it,
// so a reload shows the same bar), and the export downloads.
import { useCallback, useEffect, useState } from "react";
import { callApi } from "@/components/ui/api";
import { buttonClass, inputClass } from "@/components/ui/styles";

interface KindReport {
  imported: number;
  updated: number;
  skipped: Record<string, number>;
}
interface Job {
  id: string;
  format: string;
  fileName: string;
  status: "queued" | "running" | "done" | "failed";
  totalBytes: number;
  readBytes: number;
  report: Partial<Record<"categories" | "threads" | "posts" | "users", KindReport>> & {
    phase?: string;
    postsDone?: number;
    postsTotal?: number;
  };
  error: string | null;
  createdAt: string;
}

const KINDS = ["threads", "posts", "users", "categories"] as const;

function JobRow({ job }: { job: Job }) {
  const pct = job.totalBytes ? Math.min(100, Math.round((100 * job.readBytes) / job.totalBytes)) : 0;
  const r = job.report;
  return (
    <li className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
      <p className="text-sm">
        <strong>{job.fileName}</strong> ({job.format}) — {job.status}
        {r.phase === "checking" ? " (checking the file)" : ""}
        {r.postsTotal ? ` · ${r.postsDone ?? 0} of ${r.postsTotal} posts` : ""}
      </p>
      <progress className="mt-2 w-full" max={100} value={pct} aria-label={`Import of ${job.fileName}`}>
        {pct}%
      </progress>
      {job.error ? <p className="mt-1 text-sm text-red-700 dark:text-red-400">{job.error}</p> : null}
      <ul className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {KINDS.filter((k) => r[k]).map((k) => {
          const s = r[k] as KindReport;
          const why = Object.entries(s.skipped)
            .map(([reason, n]) => `${n} ${reason}`)
            .join(", ");
          return (
            <li key={k}>
              {k}: {s.imported} imported, {s.updated} updated{why ? `, skipped: ${why}` : ""}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

export function ImportPanel({ initial }: { initial: Job[] }) {
  const [jobs, setJobs] = useState<Job[]>(initial);
  const [format, setFormat] = useState("disqus");
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const r = await callApi<{ jobs: Job[] }>("GET", "/api/v1/admin/imports");
    if (r.ok && r.data) setJobs(r.data.jobs);
  }, []);
  const active = jobs.some((j) => j.status === "running" || j.status === "queued");
  useEffect(() => {
    if (!active) return;
    const t = setInterval(refresh, 1000);
    return () => clearInterval(t);
  }, [active, refresh]);

  async function upload(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setMessage("Uploading…");
    const res = await fetch(`/api/v1/admin/imports?format=${format}&name=${encodeURIComponent(file.name)}`, {
      method: "POST",
      body: file,
      credentials: "same-origin",
    }).catch(() => null);
    const j = await res?.json().catch(() => null);
    setBusy(false);
    setMessage(res?.ok ? "Import started." : (j?.error?.message ?? "The upload failed."));
    await refresh();
  }

  return (
    <div className="grid gap-8">
      <section aria-labelledby="imp">
        <h2 id="imp" className="text-lg font-semibold">
          Import comments
        </h2>
        <form onSubmit={upload} className="mt-3 grid gap-3 sm:max-w-md">
          <label className="grid gap-1 text-sm">
            Format
            <select className={inputClass} value={format} onChange={(e) => setFormat(e.target.value)}>
              <option value="disqus">Disqus export (XML)</option>
              <option value="wordpress">WordPress export (WXR)</option>
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            File
            <input
              className={inputClass}
              type="file"
              accept=".xml,application/xml,text/xml"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              required
            />
          </label>
          <div className="flex items-center gap-3">
            <button type="submit" className={buttonClass()} disabled={busy || !file}>
              Import
            </button>
            <span role="status" className="text-sm">
              {message}
            </span>
          </div>
        </form>
        <ul className="mt-4 grid gap-3">
          {jobs.map((j) => (
            <JobRow key={j.id} job={j} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="exp">
        <h2 id="exp" className="text-lg font-semibold">
          Export everything
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          No e-mail addresses, passwords or tokens; voters by a pseudonymous id.
        </p>
        <div className="mt-3 flex flex-wrap gap-3">
          <a className={buttonClass("secondary")} href="/api/v1/admin/export?format=json" download>
            JSON
          </a>
          <a
            className={buttonClass("secondary")}
            href="/api/v1/admin/export?format=csv&table=comments"
            download
          >
            Comments (CSV)
          </a>
          <a className={buttonClass("secondary")} href="/api/v1/admin/export?format=disqus" download>
            Comments (Disqus XML)
          </a>
        </div>
      </section>
    </div>
  );
}
