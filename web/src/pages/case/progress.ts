// The lines of a case with what has been delivered, received and billed against each, from the
// status report of the case (GET /api/reports/status?case=): shared by the overview and the
// deliveries tabs.
import { ApiError, getJson, type Schemas } from "../../lib/api";
import { h, table } from "../../lib/dom";
import { amount, cents, count } from "../../lib/format";
import { strings } from "../../lib/i18n";
import type { CaseDetail } from "./case";

export type CaseFinancials = Schemas["CaseFinancials"];
type LineFinancials = Schemas["LineFinancials"];

const T = strings(
  { line: "Line", description: "Description", ordered: "Ordered", delivered: "Delivered", received: "Received",
    rejected: (n: string) => `${n} rejected`, orderedValue: "Value ordered (USD)", deliveredValue: "Value delivered (USD)",
    billed: "Billed as delivered (USD)", progress: "Delivered by value", none: "no lines",
    notOnLoa: "(not on the LOA)",
    progressLabel: (line: string, d: string, o: string, pct: string) => `Line ${line}: USD ${d} of USD ${o} delivered (${pct})` },
  { line: "ライン", description: "品目", ordered: "発注数量", delivered: "納入数量", received: "受領数量",
    rejected: (n: string) => `うち不合格 ${n}`, orderedValue: "発注金額（USD）", deliveredValue: "納入金額（USD）",
    billed: "納入として請求済（USD）", progress: "納入進捗（金額）", none: "ラインなし",
    notOnLoa: "（LOAにないライン）",
    progressLabel: (line: string, d: string, o: string, pct: string) => `ライン${line}：発注 USD ${o} のうち USD ${d} 納入（${pct}）` },
);

/**
 * A part of a tab that may fail on its own (a report the case is not in, rates missing): its
 * error is returned to be shown in place, except a lapsed session, which goes to the frame.
 */
export async function softly<V>(load: Promise<V>): Promise<V | Error> {
  try {
    return await load;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) throw e;
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** The status report's entry of one case, or null when the report does not cover it. */
export async function caseFinancials(id: string): Promise<CaseFinancials | null> {
  const report = await getJson<Schemas["StatusReport"]>(`/api/reports/status?case=${encodeURIComponent(id)}`);
  return report.cases.find((c) => c.case_id === id) ?? null;
}

/** Delivered value as a share of ordered value, from cents, in tenths of a percent. */
function permille(part: string, whole: string): number {
  const w = cents(whole);
  if (w <= 0n) return 0;
  return Number((cents(part) * 1000n) / w);
}

function percent(pm: number): string {
  return `${(pm / 10).toFixed(1)}%`;
}

interface Row {
  number: string;
  description: string;
  unit: string;
  fin: LineFinancials | undefined;
  onLoa: boolean;
}

/** A table of the case's lines: ordered, delivered, received, billed, and a progress bar each. */
export function lineProgress(detail: CaseDetail, fin: CaseFinancials | null, caption: string): HTMLElement {
  const byLine = new Map((fin?.lines ?? []).map((l) => [l.line, l]));
  const rows: Row[] = detail.lines.map((l) => ({ number: l.number, description: l.description, unit: l.unit_of_issue, fin: byLine.get(l.number), onLoa: true }));
  for (const l of fin?.lines ?? []) {
    if (!detail.lines.some((d) => d.number === l.line)) rows.push({ number: l.line, description: T.notOnLoa, unit: "", fin: l, onLoa: false });
  }
  const qty = (n: number | undefined, unit: string) => (n === undefined ? "—" : `${count(n)}${unit ? ` ${unit}` : ""}`);
  return table<Row>(
    caption,
    [
      { header: T.line, cell: (r) => r.number },
      { header: T.description, cell: (r) => r.description },
      { header: T.ordered, cell: (r) => qty(r.fin?.ordered_quantity ?? detail.lines.find((l) => l.number === r.number)?.quantity, r.unit), numeric: true },
      { header: T.delivered, cell: (r) => qty(r.fin?.delivered_quantity, r.unit), numeric: true },
      {
        header: T.received,
        cell: (r) => (r.fin && r.fin.rejected_quantity > 0 ? [qty(r.fin.received_quantity, r.unit), h("br"), T.rejected(count(r.fin.rejected_quantity))] : qty(r.fin?.received_quantity, r.unit)),
        numeric: true,
      },
      { header: T.orderedValue, cell: (r) => amount(r.fin?.ordered_value), numeric: true },
      { header: T.deliveredValue, cell: (r) => amount(r.fin?.delivered_value), numeric: true },
      { header: T.billed, cell: (r) => amount(r.fin?.billed_delivered), numeric: true },
      {
        header: T.progress,
        cell: (r) => {
          if (!r.fin) return "—";
          const pm = permille(r.fin.delivered_value, r.fin.ordered_value);
          const label = T.progressLabel(r.number, amount(r.fin.delivered_value), amount(r.fin.ordered_value), percent(pm));
          return h(
            "span",
            { class: "line-progress" },
            h("progress", { max: "1000", value: String(Math.min(pm, 1000)), "aria-label": label }),
            ` ${percent(pm)}`,
          );
        },
      },
    ],
    rows,
    T.none,
  );
}
