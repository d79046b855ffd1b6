// Bar and line charts through Chart.js. A chart is a picture for the eye; every page also
// shows its figures in a table, so the canvas carries a short label for screen readers.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import { h } from "./dom";

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

const palette = ["#1f3b5c", "#c0392b", "#2e7d32", "#8a6d00", "#6a1b9a", "#00838f"];

export interface Series {
  label: string;
  values: number[];
}

/**
 * A chart in a box of fixed height (`height` in rem, default 18; horizontal bars get 1.6 rem a
 * category), its caption below the box; `kind` "bar" or "line".
 */
export function chart(label: string, categories: string[], series: Series[], options: { kind?: "bar" | "line"; horizontal?: boolean; height?: number } = {}): HTMLElement {
  const canvas = h("canvas", { role: "img", "aria-label": label });
  const height = options.height ?? (options.horizontal ? Math.max(10, 3 + 1.6 * categories.length) : 18);
  const area = h("div", { class: "chart-area", style: `height: ${height}rem` }, canvas);
  const box = h("figure", { class: "chart" }, area, h("figcaption", {}, label));
  new Chart(canvas, {
    type: options.kind ?? "bar",
    data: {
      labels: categories,
      datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: palette[i % palette.length], borderColor: palette[i % palette.length] })),
    },
    options: {
      indexAxis: options.horizontal ? "y" : "x",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: series.length > 1 } },
    },
  });
  return box;
}
