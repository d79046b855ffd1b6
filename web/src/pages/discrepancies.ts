// Discrepancies across the portfolio (#/discrepancies): USD by type as a chart and a table, and
// the list, filtered by type through the address (#/discrepancies?type=quantity-short).
import { allPages, query, type Schemas } from "../lib/api";
import { caseHref, field, h, select, table } from "../lib/dom";
import { chart } from "../lib/chart";
import { amount, cents, count, date, fromCents } from "../lib/format";
import { strings } from "../lib/i18n";
import { discrepancyLabel, nextAction } from "../lib/labels";

const T = strings(
  {
    title: "Discrepancies", intro: (n: string) => `${n} open discrepancies across the cases visible to you.`,
    byType: "USD by type", type: "Type", count: "Count", usd: "USD", total: "Total", none: "none open",
    chartLabel: "Bar chart of the USD of open discrepancies by type, in USD thousand; the figures are in the table below.",
    usdThousand: "USD thousand", list: "All open discrepancies", filter: "Filter the list", allTypes: (n: string) => `All types (${n})`,
    show: "Show", clear: "Show every type", caseCol: "Case", line: "Line", wholeCase: "whole case", documents: "Documents",
    arose: "Arose", age: "Age (days)", next: "Next action", due: "Action due",
    listOf: (t: string, n: string) => `${n} of type “${t}”.`,
  },
  {
    title: "不一致", intro: (n: string) => `閲覧できるケース全体で未解決の不一致が ${n} 件あります。`,
    byType: "種類別の金額（米ドル）", type: "種類", count: "件数", usd: "米ドル", total: "合計", none: "未解決の不一致はありません",
    chartLabel: "未解決の不一致の種類別金額（千米ドル）の棒グラフ。数値は下の表にあります。",
    usdThousand: "千米ドル", list: "不一致の一覧", filter: "一覧の絞込み", allTypes: (n: string) => `すべての種類（${n}件）`,
    show: "表示", clear: "すべての種類を表示", caseCol: "ケース", line: "ライン", wholeCase: "ケース全体", documents: "文書",
    arose: "発生日", age: "経過日数", next: "次の対応", due: "対応期限",
    listOf: (t: string, n: string) => `種類「${t}」の ${n} 件。`,
  },
);

type Discrepancy = Schemas["Discrepancy"];
interface TypeTotal { type: string; count: number; usd: bigint; total?: boolean }

/** USD by discrepancy type, added in cents, largest first. */
function totalsByType(items: Discrepancy[]): TypeTotal[] {
  const by = new Map<string, TypeTotal>();
  for (const d of items) {
    const t = by.get(d.type) ?? { type: d.type, count: 0, usd: 0n };
    t.count += 1;
    t.usd += cents(d.usd);
    by.set(d.type, t);
  }
  return [...by.values()].sort((a, b) => (b.usd > a.usd ? 1 : b.usd < a.usd ? -1 : a.type.localeCompare(b.type)));
}

export async function renderDiscrepancies(q: URLSearchParams): Promise<HTMLElement> {
  const all = await allPages<Discrepancy>("/api/discrepancies", "discrepancies");
  const chosen = q.get("type") ?? "";
  const totals = totalsByType(all);
  const rows = chosen ? all.filter((d) => d.type === chosen) : all;

  const options: [string, string][] = [["", T.allTypes(count(all.length))], ...totals.map((t): [string, string] => [t.type, `${discrepancyLabel(t.type)} (${count(t.count)})`])];
  if (chosen && !totals.some((t) => t.type === chosen)) options.push([chosen, `${discrepancyLabel(chosen)} (0)`]);
  const typeSelect = select(options, chosen);
  const form = h(
    "form",
    { class: "filters", id: "discrepancy-filter", "aria-label": T.filter },
    field("type-filter", T.type, typeSelect),
    h("div", { class: "actions" }, h("button", { type: "submit" }, T.show), chosen ? h("a", { href: "#/discrepancies" }, T.clear) : null),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/discrepancies${query({ type: typeSelect.value })}`;
  });

  const grand: TypeTotal = { type: "", count: all.length, usd: totals.reduce((s, t) => s + t.usd, 0n), total: true };
  const byTypeTable = table<TypeTotal>(T.byType, [
    { header: T.type, cell: (t) => (t.total ? T.total : discrepancyLabel(t.type)) },
    { header: T.count, cell: (t) => count(t.count), numeric: true },
    { header: T.usd, cell: (t) => amount(fromCents(t.usd)), numeric: true },
  ], totals.length > 0 ? [...totals, grand] : [], T.none, (t) => (t.total ? "total" : undefined));
  byTypeTable.id = "discrepancies-by-type";

  const list = table<Discrepancy>(T.list, [
    { header: T.caseCol, cell: (d) => h("a", { href: caseHref(d.case_id, "discrepancies") }, d.case_id) },
    { header: T.type, cell: (d) => h("span", { "data-type": d.type }, discrepancyLabel(d.type)) },
    { header: T.line, cell: (d) => d.line || T.wholeCase },
    { header: T.documents, cell: (d) => d.documents.join("; ") },
    { header: T.usd, cell: (d) => amount(d.usd), numeric: true },
    { header: T.arose, cell: (d) => date(d.arose) },
    { header: T.age, cell: (d) => count(d.age_days), numeric: true },
    { header: T.next, cell: (d) => nextAction(d.type, d.next_action) },
    { header: T.due, cell: (d) => date(d.action_due) },
  ], rows, T.none);
  list.id = "discrepancy-list";

  return h(
    "section",
    { class: "discrepancies" },
    h("h1", {}, T.title),
    h("p", {}, T.intro(count(all.length))),
    h("h2", {}, T.byType),
    totals.length > 0 ? chart(T.chartLabel, totals.map((t) => discrepancyLabel(t.type)), [{ label: T.usdThousand, values: totals.map((t) => Number(t.usd) / 100 / 1000) }], { horizontal: true }) : null,
    byTypeTable,
    h("h2", {}, T.list),
    form,
    chosen ? h("p", { role: "status" }, T.listOf(discrepancyLabel(chosen), count(rows.length))) : null,
    list,
  );
}
