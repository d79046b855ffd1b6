import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";
import { listDiscrepancies, type Discrepancy } from "../api";
import { caseLink, formatMoney, h, table, type Column } from "../dom";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export function discrepancyColumns(withCase: boolean): Column<Discrepancy>[] {
  const columns: Column<Discrepancy>[] = [
    { header: "Type", cell: (d) => d.type },
    { header: "Line", cell: (d) => d.line || "—" },
    { header: "Documents", cell: (d) => d.documents.join("; ") },
    { header: "USD", cell: (d) => formatMoney(d.usd), numeric: true },
    { header: "Arose", cell: (d) => d.arose },
    { header: "Age (days)", cell: (d) => String(d.age_days), numeric: true },
    { header: "Next action", cell: (d) => d.next_action },
    { header: "Action due", cell: (d) => d.action_due ?? "—" },
  ];
  if (withCase) columns.unshift({ header: "Case", cell: (d) => caseLink(d.case_id) });
  return columns;
}

/** USD totals by discrepancy type, in cents to add exactly, largest first. */
function totalsByType(items: Discrepancy[]): { type: string; count: number; usd: number }[] {
  const cents = new Map<string, { count: number; cents: bigint }>();
  for (const d of items) {
    const [whole, frac = ""] = d.usd.split(".");
    const value = BigInt(whole) * 100n + BigInt((frac + "00").slice(0, 2)) * (whole.startsWith("-") ? -1n : 1n);
    const t = cents.get(d.type) ?? { count: 0, cents: 0n };
    t.count += 1;
    t.cents += value;
    cents.set(d.type, t);
  }
  return [...cents.entries()]
    .map(([type, t]) => ({ type, count: t.count, usd: Number(t.cents) / 100 }))
    .sort((a, b) => b.usd - a.usd || a.type.localeCompare(b.type));
}

export async function renderDiscrepancies(): Promise<HTMLElement> {
  const all = await listDiscrepancies();
  const totals = totalsByType(all);

  const select = h("select", { id: "type-filter", name: "type" }, h("option", { value: "" }, `All types (${all.length})`));
  for (const t of totals) select.append(h("option", { value: t.type }, `${t.type} (${t.count})`));
  const listing = h("div", { id: "discrepancy-list", "aria-live": "polite" });
  const show = () => {
    const chosen = select.value;
    const rows = chosen ? all.filter((d) => d.type === chosen) : all;
    listing.replaceChildren(table("Discrepancies", discrepancyColumns(true), rows, "none open"));
  };
  select.addEventListener("change", show);
  show();

  const canvas = h("canvas", { role: "img", "aria-label": "Bar chart of USD by discrepancy type; the same figures are in the table below it." });
  const chartBox = h("div", { class: "chart" }, canvas);
  if (totals.length > 0) {
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: totals.map((t) => t.type),
        datasets: [{ label: "USD", data: totals.map((t) => t.usd), backgroundColor: "#3b6ea5" }],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: "y",
        plugins: { tooltip: { callbacks: { label: (c) => `USD ${formatMoney(String(c.parsed.x))}` } } },
        scales: { x: { ticks: { callback: (v) => formatMoney(String(v)).replace(/\.00$/, "") } } },
      },
    });
  }

  return h(
    "section",
    {},
    h("h1", {}, "Discrepancies"),
    h("p", {}, `${all.length} open across the cases visible to you.`),
    h("h2", {}, "USD by type"),
    totals.length > 0 ? chartBox : null,
    table(
      "USD by discrepancy type",
      [
        { header: "Type", cell: (t) => t.type },
        { header: "Count", cell: (t) => String(t.count), numeric: true },
        { header: "USD", cell: (t) => formatMoney(t.usd.toFixed(2)), numeric: true },
      ],
      totals,
      "none open",
    ),
    h("h2", {}, "All discrepancies"),
    h("div", { class: "field inline" }, h("label", { for: "type-filter" }, "Discrepancy type"), select),
    listing,
  );
}
