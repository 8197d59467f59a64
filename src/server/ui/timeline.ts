// The story's events on a time axis (uPlot): one point per dated event, its height the articles reporting it.
import { html } from "htm/preact";
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import type { StoryEvent } from "../../model/index.js";

/** Seconds since 1970 of a partial date (YYYY, YYYY-MM, YYYY-MM-DD), at its start. */
export function partialDateSeconds(date: string): number {
  const [y, m = "01", d = "01"] = date.split("-");
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / 1000;
}

/** Events as uPlot's aligned data: sorted dates, articles per date (events on one date add up). */
export function eventSeries(events: StoryEvent[]): [number[], number[]] {
  const byDate = new Map<number, number>();
  for (const e of events) if (e.date) byDate.set(partialDateSeconds(e.date), (byDate.get(partialDateSeconds(e.date)) ?? 0) + e.articles.length);
  const xs = [...byDate.keys()].sort((a, b) => a - b);
  return [xs, xs.map((x) => byDate.get(x)!)];
}

export function TimelineChart({ events }: { events: StoryEvent[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [xs, ys] = eventSeries(events);
  useEffect(() => {
    const el = box.current;
    if (!el || xs.length === 0) return;
    // A single date gets a window of a month around it, so the point is not squeezed onto an edge.
    const pad = xs.length === 1 || xs[xs.length - 1] === xs[0] ? 15 * 86400 : (xs[xs.length - 1] - xs[0]) * 0.06;
    const plot = new uPlot(
      {
        width: Math.max(260, el.clientWidth),
        height: 180,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true, range: [xs[0] - pad, xs[xs.length - 1] + pad] }, y: { range: [0, Math.max(...ys) + 1] } },
        axes: [{ stroke: "#555", grid: { stroke: "#eee" } }, { stroke: "#555", grid: { stroke: "#eee" }, size: 36, incrs: [1, 2, 5, 10, 20, 50, 100] }],
        series: [{}, { label: "articles", stroke: "#1f5fa8", fill: "rgba(31,95,168,.15)", width: 0, paths: () => null, points: { show: true, size: 12, fill: "#1f5fa8" } }],
      },
      [xs, ys],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(260, el.clientWidth), height: 180 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [events]);
  if (xs.length === 0) return null;
  return html`<div class="chart" ref=${box} role="img" aria-label=${`Timeline chart: ${xs.length} dates from ${new Date(xs[0] * 1000).toISOString().slice(0, 10)} to ${new Date(xs[xs.length - 1] * 1000).toISOString().slice(0, 10)}; the events are listed below.`}></div>`;
}
