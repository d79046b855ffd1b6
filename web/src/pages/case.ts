import { getCase, listDiscrepancies, listSdrs, listVersions, type CaseLine, type Discrepancy, type Payment, type Version } from "../api";
import { formatMoney, h, table } from "../dom";
import { discrepancyColumns } from "./discrepancies";
import { caseSdrs } from "./sdrs";

export async function renderCase(id: string): Promise<HTMLElement> {
  const detail = await getCase(id);
  const [versions, discrepancies, sdrs] = await Promise.all([listVersions(id), listDiscrepancies(id), listSdrs(id)]);
  const cur = detail.currency;
  const costRows = Object.entries(detail.cost_summary ?? {});
  return h(
    "article",
    { class: "case" },
    h("p", { class: "crumbs" }, h("a", { href: "#/cases" }, "Portfolio"), ` / ${detail.case_id}`),
    h("h1", {}, `${detail.case_id}: ${detail.title}`),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Purchaser"), h("dd", {}, detail.purchaser),
      h("dt", {}, "Status"), h("dd", {}, `${detail.status} since ${detail.status_date}`),
      h("dt", {}, "Document in force"), h("dd", {}, `${detail.document} (version ${detail.version})`),
      ...costRows.flatMap(([k, v]) => [h("dt", {}, (k.charAt(0).toUpperCase() + k.slice(1)).replace(/_/g, " ")), h("dd", { class: "num" }, formatMoney(v, cur))]),
    ),
    h("h2", {}, "Lines"),
    table<CaseLine>(
      "Lines",
      [
        { header: "Line", cell: (l) => l.number },
        { header: "Description", cell: (l) => l.description },
        { header: "MASL", cell: (l) => l.masl },
        { header: "Quantity", cell: (l) => `${l.quantity} ${l.unit_of_issue}`, numeric: true },
        { header: "Unit cost", cell: (l) => (l.pricing === "lump_sum" ? "lump sum" : formatMoney(l.unit_cost)), numeric: true },
        { header: `Total (${cur})`, cell: (l) => formatMoney(l.total), numeric: true },
      ],
      detail.lines,
    ),
    h("h2", {}, "Payment schedule"),
    table<Payment>(
      "Payment schedule",
      [
        { header: "Due", cell: (p) => p.due },
        { header: "What", cell: (p) => p.what },
        { header: "US fiscal quarter", cell: (p) => p.us_fiscal_quarter },
        { header: "Japan fiscal quarter", cell: (p) => p.japan_fiscal_quarter },
        { header: `Amount (${cur})`, cell: (p) => formatMoney(p.amount), numeric: true },
      ],
      detail.payment_schedule ?? [],
    ),
    h("h2", {}, "Versions"),
    table<Version>(
      "Versions",
      [
        { header: "Version", cell: (v) => String(v.version), numeric: true },
        { header: "Document", cell: (v) => v.document },
        { header: "Effective", cell: (v) => v.effective_date },
        { header: "Purpose", cell: (v) => v.purpose },
        { header: "Recorded", cell: (v) => `${v.recorded_at} by ${v.actor}` },
      ],
      versions,
    ),
    h("h2", {}, "Discrepancies"),
    table<Discrepancy>("Discrepancies of this case", discrepancyColumns(false), discrepancies, "none open"),
    h("h2", {}, "Supply Discrepancy Reports"),
    caseSdrs(detail.case_id, sdrs, discrepancies),
  );
}
