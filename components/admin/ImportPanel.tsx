"use client";
// Import from Disqus/WordPress with a live progress bar (the job runs on the server; this only polls it,
// so a reload shows the same bar), and the export downloads.
import { useFormatter, useTranslations } from "next-intl";
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
  const t = useTranslations("AdminImport");
  const f = useFormatter();
  const pct = job.totalBytes ? Math.min(100, Math.round((100 * job.readBytes) / job.totalBytes)) : 0;
  const r = job.report;
  return (
    <li className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
      <p className="text-sm">
        {t.rich("job", {
          file: job.fileName,
          format: job.format,
          status: job.status,
          b: (c) => <strong>{c}</strong>,
        })}
        {r.phase === "checking" ? t("checking") : ""}
        {r.postsTotal ? t("posts", { done: f.number(r.postsDone ?? 0), total: f.number(r.postsTotal) }) : ""}
      </p>
      <progress
        className="mt-2 w-full"
        max={100}
        value={pct}
        aria-label={t("progress", { file: job.fileName })}
      >
        {f.number(pct / 100, "percent")}
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
              {t("kind", { kind: k, imported: f.number(s.imported), updated: f.number(s.updated) })}
              {why ? t("skipped", { why }) : ""}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

export function ImportPanel({ initial }: { initial: Job[] }) {
  const t = useTranslations("AdminImport");
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
    const timer = setInterval(refresh, 1000);
    return () => clearInterval(timer);
  }, [active, refresh]);

  async function upload(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setMessage(t("uploading"));
    const res = await callApi(
      "POST",
      `/api/v1/admin/imports?format=${format}&name=${encodeURIComponent(file.name)}`,
      file,
    );
    setBusy(false);
    setMessage(res.ok ? t("started") : res.status ? res.error.message : t("uploadFailed"));
    await refresh();
  }

  return (
    <div className="grid gap-8">
      <section aria-labelledby="imp">
        <h2 id="imp" className="text-lg font-semibold">
          {t("importTitle")}
        </h2>
        <form onSubmit={upload} className="mt-3 grid gap-3 sm:max-w-md">
          <label className="grid gap-1 text-sm">
            {t("format")}
            <select className={inputClass} value={format} onChange={(e) => setFormat(e.target.value)}>
              <option value="disqus">{t("disqus")}</option>
              <option value="wordpress">{t("wordpress")}</option>
            </select>
          </label>
          <label className="grid gap-1 text-sm">
            {t("file")}
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
              {t("import")}
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
          {t("exportTitle")}
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("exportIntro")}</p>
        <div className="mt-3 flex flex-wrap gap-3">
          <a className={buttonClass("secondary")} href="/api/v1/admin/export?format=json" download>
            {t("json")}
          </a>
          <a
            className={buttonClass("secondary")}
            href="/api/v1/admin/export?format=csv&table=comments"
            download
          >
            {t("csv")}
          </a>
          <a className={buttonClass("secondary")} href="/api/v1/admin/export?format=disqus" download>
            {t("disqusXml")}
          </a>
        </div>
      </section>
    </div>
  );
}
