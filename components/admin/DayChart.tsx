import { useTranslations } from "next-intl";
import { TableScroll } from "@/components/ui/TableScroll";
import type { DayFigure } from "@/lib/moderation/dashboard";

/**
 * Comments per day as bars, described for screen readers, with the figures in a table beside it (the
 * chart is decoration for sighted readers; the table is the accessible source).
 */
export function DayChart({ days }: { days: DayFigure[] }) {
  const t = useTranslations("AdminDayChart");
  const max = Math.max(1, ...days.map((d) => d.total));
  const w = 24;
  const h = 120;
  const left = 34; // room for the y-axis and its labels
  const total = days.reduce((s, d) => s + d.total, 0);
  const ticks = max > 1 ? [0, Math.round(max / 2), max] : [0, 1];
  return (
    <figure className="mt-3">
      <svg
        role="img"
        aria-labelledby="chart-title chart-desc"
        viewBox={`0 0 ${left + days.length * w} ${h + 26}`}
        preserveAspectRatio="xMinYMid meet"
        className="h-40 w-full max-w-2xl"
      >
        <title id="chart-title">{t("title")}</title>
        <desc id="chart-desc">
          {t("desc", { total, days: days.length, max: max === 1 && total === 0 ? 0 : max })}
        </desc>
        <text
          x={8}
          y={(h + 6) / 2}
          textAnchor="middle"
          transform={`rotate(-90 8 ${(h + 6) / 2})`}
          className="fill-current text-[8px]"
        >
          {t("axis")}
        </text>
        {ticks.map((t) => {
          const y = 6 + h - Math.round((t / max) * h);
          return (
            <g key={t}>
              <line
                x1={left - 3}
                x2={left + days.length * w}
                y1={y}
                y2={y}
                className="stroke-zinc-300 dark:stroke-zinc-700"
                strokeWidth={0.5}
              />
              <text x={left - 5} y={y + 3} textAnchor="end" className="fill-current text-[8px]">
                {t}
              </text>
            </g>
          );
        })}
        <line x1={left} x2={left} y1={6} y2={h + 6} className="stroke-zinc-500" strokeWidth={0.75} />
        {days.map((d, i) => {
          const bh = Math.round((d.total / max) * h);
          const held = Math.round(((d.held + d.removed) / max) * h);
          const x = left + i * w;
          return (
            <g key={d.day}>
              <rect
                x={x + 3}
                y={6 + h - bh}
                width={w - 6}
                height={bh}
                className="fill-blue-600 dark:fill-blue-400"
              />
              <rect x={x + 3} y={6 + h - held} width={w - 6} height={held} className="fill-amber-500" />
              <text x={x + w / 2} y={h + 20} textAnchor="middle" className="fill-current text-[8px]">
                {d.day.slice(8)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="text-xs text-zinc-600 dark:text-zinc-400">{t("legend")}</figcaption>
      <TableScroll label={t("table")} className="mt-3">
        <table className="data-table text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead>
            <tr className="text-start">
              <th scope="col" className="pe-4">
                {t("day")}
              </th>
              <th scope="col" className="pe-4">
                {t("total")}
              </th>
              <th scope="col" className="pe-4">
                {t("published")}
              </th>
              <th scope="col" className="pe-4">
                {t("held")}
              </th>
              <th scope="col">{t("removed")}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row" className="pe-4 text-start font-normal">
                  {d.day}
                </th>
                <td className="pe-4">{d.total}</td>
                <td className="pe-4">{d.approved}</td>
                <td className="pe-4">{d.held}</td>
                <td>{d.removed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
