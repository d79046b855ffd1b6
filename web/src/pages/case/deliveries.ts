// Deliveries: the execution documents that name this case (delivery listings, receipts, DD 645
// bills, payments), each with what it corrected or what corrected it, and the lines with what
// has been delivered and received. A case manager is offered the imports.
import { allPages, type Schemas } from "../../lib/api";
import { h, link, table } from "../../lib/dom";
import { count, instant } from "../../lib/format";
import { strings } from "../../lib/i18n";
import { problemBlock } from "../../lib/problem_view";
import { can } from "../../lib/session";
import type { CaseContext } from "./case";
import { caseFinancials, lineProgress, softly } from "./progress";

type ExecutionDocument = Schemas["ExecutionDocument"];

const T = strings(
  { documents: "Execution documents", kind: "Kind", id: "Document", rows: "Rows", source: "File", recorded: "Recorded",
    recordedBy: (when: string, who: string) => `${when} by ${who}`, supersedes: "Corrects", supersededBy: "Corrected by",
    reason: "Reason", current: "in force", withheld: "withheld (names another organisation's case)", none: "none recorded",
    "delivery-listing": "delivery listing", receipts: "receipts", bill: "DD 645 bill", payments: "payments",
    progress: "Delivered and received by line", progressCaption: "Lines: ordered, delivered, received and billed",
    notInReport: "The status report does not cover this case yet.",
    imports: "Record documents", importListing: "Import a delivery listing", importReceipts: "Import receipts",
    help: "Documents are listed in the order recorded; a corrected one stays listed with the document that replaced it." },
  { documents: "執行文書", kind: "種類", id: "文書", rows: "行数", source: "ファイル", recorded: "記録",
    recordedBy: (when: string, who: string) => `${when}（${who}）`, supersedes: "訂正対象", supersededBy: "訂正後の文書",
    reason: "理由", current: "有効", withheld: "非表示（他の組織のケースを含む）", none: "記録なし",
    "delivery-listing": "納入リスト", receipts: "受領記録", bill: "DD 645 請求書", payments: "支払記録",
    progress: "ライン別の納入・受領", progressCaption: "ライン：発注・納入・受領・請求",
    notInReport: "状況報告はまだこのケースを含んでいません。",
    imports: "文書の記録", importListing: "納入リストを取り込む", importReceipts: "受領記録を取り込む",
    help: "文書は記録順に表示します。訂正された文書は、置き換えた文書とともに表示したままにします。" },
);

function kindLabel(kind: ExecutionDocument["kind"]): string {
  return T[kind] ?? kind;
}

function documentsTable(docs: ExecutionDocument[]): HTMLElement {
  const shortOf = new Map(docs.map((d) => [d.id, d.short_id]));
  const short = (id: string | null) => (id ? (shortOf.get(id) ?? id.slice(0, 12)) : null);
  return table<ExecutionDocument>(
    T.documents,
    [
      { header: T.kind, cell: (d) => kindLabel(d.kind) },
      { header: T.id, cell: (d) => h("code", { class: "hash", title: d.id }, d.short_id) },
      { header: T.rows, cell: (d) => (d.rows === null ? "—" : count(d.rows)), numeric: true },
      { header: T.source, cell: (d) => d.source ?? (d.partial ? T.withheld : "—") },
      { header: T.recorded, cell: (d) => T.recordedBy(instant(d.recorded_at), d.actor ?? "—") },
      { header: T.supersedes, cell: (d) => short(d.supersedes) ?? "—" },
      { header: T.supersededBy, cell: (d) => short(d.superseded_by) ?? T.current },
      { header: T.reason, cell: (d) => d.reason || "—" },
    ],
    docs,
    T.none,
    (d) => (d.superseded_by ? "superseded" : undefined),
  );
}

export async function renderDeliveries(ctx: CaseContext): Promise<HTMLElement> {
  const [docs, fin] = await Promise.all([
    softly(allPages<ExecutionDocument>("/api/documents?all=true", "documents")),
    softly(caseFinancials(ctx.id)),
  ]);
  const mine = docs instanceof Error ? [] : docs.filter((d) => d.cases.includes(ctx.id));
  const out = h(
    "div",
    { class: "tab deliveries" },
    h("h2", {}, T.documents),
    docs instanceof Error ? problemBlock(docs) : [documentsTable(mine), h("p", { class: "help" }, T.help)],
    h("h2", {}, T.progress),
    fin instanceof Error ? problemBlock(fin) : [fin ? null : h("p", { class: "note" }, T.notInReport), lineProgress(ctx.detail, fin, T.progressCaption)],
  );
  if (can("manage-case")) {
    out.append(
      h("h2", {}, T.imports),
      h("ul", { class: "actions" },
        h("li", {}, link("#/imports/delivery-listings", T.importListing)),
        h("li", {}, link("#/imports/receipts", T.importReceipts))),
    );
  }
  return out;
}
