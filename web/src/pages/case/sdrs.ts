// The Supply Discrepancy Reports of this case (the SDR report for the case): each links to its
// own page. A draft past its submission deadline, or within the warning days of it, is marked in
// words as well as by the row's colour.
import { getJson, type Schemas } from "../../lib/api";
import { h, link, sdrHref, table } from "../../lib/dom";
import { amount, date } from "../../lib/format";
import { strings } from "../../lib/i18n";
import { discrepancyLabel, sdrResolutionLabel, sdrStatusLabel } from "../../lib/labels";
import { deadlineMarker } from "../sdrs";
import type { CaseContext } from "./case";

type Row = Schemas["SdrReportRow"];

const T = strings(
  { title: "Supply Discrepancy Reports", number: "Number", line: "Line", wholeCase: "case as a whole", type: "Type",
    status: "Status", withdrawn: "withdrawn", claimed: "Claimed (USD)", credited: "Credited (USD)", deadline: "Submission deadline",
    late: "submitted late", submitted: (d: string) => `submitted ${d}`, none: "none raised",
    help: (n: number) => `Drafts past their deadline are marked “overdue”; those due within ${n} days, “due in”.`,
    asOf: (d: string) => `As of ${d}.`, all: "All SDRs", belowMinimum: "below the minimum value" },
  { title: "供給不一致報告（SDR）", number: "番号", line: "ライン", wholeCase: "ケース全体", type: "種類",
    status: "状況", withdrawn: "取下げ", claimed: "請求額（USD）", credited: "クレジット額（USD）", deadline: "提出期限",
    late: "期限後に提出", submitted: (d: string) => `${d}提出`, none: "作成されたSDRなし",
    help: (n: number) => `期限を過ぎた下書きには「期限超過」、${n}日以内に期限が来るものには「期限まで」と表示します。`,
    asOf: (d: string) => `${d}時点。`, all: "すべてのSDR", belowMinimum: "最低金額未満" },
);

/** The deadline marker of the SDR list, for an open draft (the only SDR a deadline binds). */
function markerOf(row: Row, warningDays: number): { text: string; cls?: string } {
  return deadlineMarker(row.status === "draft" && !row.withdrawn ? row.days_to_deadline : null, warningDays);
}

function deadlineCell(row: Row, warningDays: number): Node {
  const marker = markerOf(row, warningDays);
  const after = row.submitted_on ? `${T.submitted(date(row.submitted_on))}${row.submitted_late ? `, ${T.late}` : ""}` : null;
  return h(
    "span",
    {},
    date(row.deadline),
    marker.text ? [" ", h("strong", { class: `marker ${marker.cls ?? ""}` }, `(${marker.text})`)] : null,
    after ? [h("br"), after] : null,
  );
}

function statusText(row: Row): string {
  const parts = [sdrStatusLabel(row.status)];
  if (row.withdrawn) parts.push(T.withdrawn);
  if (row.resolution) parts.push(sdrResolutionLabel(row.resolution));
  return parts.join(" · ");
}

export async function renderSdrsTab(ctx: CaseContext): Promise<HTMLElement> {
  const report = await getJson<Schemas["SdrReport"]>(`/api/reports/sdr?case=${encodeURIComponent(ctx.id)}`);
  const rows = report.sdrs.filter((s) => s.case_id === ctx.id);
  const warn = report.deadline_warning_days;
  return h(
    "div",
    { class: "tab sdrs" },
    h("h2", {}, T.title),
    table<Row>(
      T.title,
      [
        { header: T.number, cell: (s) => link(sdrHref(s.number), s.number) },
        { header: T.line, cell: (s) => s.line || T.wholeCase },
        { header: T.type, cell: (s) => discrepancyLabel(s.type) },
        { header: T.status, cell: (s) => statusText(s) },
        { header: T.claimed, cell: (s) => `${amount(s.claimed_usd)}${s.below_minimum ? ` (${T.belowMinimum})` : ""}`, numeric: true },
        { header: T.credited, cell: (s) => amount(s.credited_usd), numeric: true },
        { header: T.deadline, cell: (s) => deadlineCell(s, warn) },
      ],
      rows,
      T.none,
      (s) => markerOf(s, warn).cls,
    ),
    h("p", { class: "help" }, T.asOf(date(report.as_of)), " ", T.help(warn)),
    h("p", {}, link("#/sdrs", T.all)),
  );
}
