// Discrepancies of this case as reconciliation finds them today, and for a case manager a form
// to raise a Supply Discrepancy Report on each one that takes an SDR (it has a submission
// deadline, action_due) and has no open SDR yet. The server decides; its refusal is shown.
import { allPages, getJson, postJson, type Schemas } from "../../lib/api";
import { field, h, link, sdrHref, statusRegion, table } from "../../lib/dom";
import { amount, count, date, today } from "../../lib/format";
import { strings } from "../../lib/i18n";
import { discrepancyLabel, nextAction } from "../../lib/labels";
import { problemBlock } from "../../lib/problem_view";
import { can } from "../../lib/session";
import type { CaseContext } from "./case";

type Discrepancy = Schemas["Discrepancy"];

const T = strings(
  { open: "Open discrepancies", type: "Type", line: "Line", wholeCase: "case as a whole", documents: "Documents",
    usd: "Amount (USD)", arose: "Arose", age: "Age (days)", next: "Next action", due: "Action due", passed: "passed",
    none: "none open", raise: "Raise an SDR", raiseHelp: "An SDR can be raised on a discrepancy with a submission deadline that has no open SDR.",
    nothingToRaise: "No discrepancy of this case awaits an SDR.",
    which: (type: string, line: string, doc: string) => `${type}, ${line}: ${doc}`, lineNo: (l: string) => `line ${l}`,
    reason: "What the SDR claims and why", submit: "Raise SDR", raised: (n: string) => `SDR ${n} was drafted.`,
    openIt: (n: string) => `Open SDR ${n}`, warnings: "Warnings",
    asOf: (d: string) => `As of ${d}.` },
  { open: "未解決の不一致", type: "種類", line: "ライン", wholeCase: "ケース全体", documents: "文書",
    usd: "金額（USD）", arose: "発生日", age: "経過日数", next: "次の対応", due: "対応期限", passed: "期限超過",
    none: "未解決の不一致なし", raise: "SDRの作成", raiseHelp: "提出期限があり、未決のSDRがない不一致についてSDRを作成できます。",
    nothingToRaise: "このケースにはSDRを作成すべき不一致はありません。",
    which: (type: string, line: string, doc: string) => `${type}、${line}：${doc}`, lineNo: (l: string) => `ライン${l}`,
    reason: "SDRで請求する内容と理由", submit: "SDRを作成", raised: (n: string) => `SDR ${n} を下書きとして作成しました。`,
    openIt: (n: string) => `SDR ${n} を開く`, warnings: "警告",
    asOf: (d: string) => `${d}時点。` },
);

const lineText = (line: string) => (line ? line : T.wholeCase);

function discrepancyTable(rows: Discrepancy[]): HTMLElement {
  const now = today();
  return table<Discrepancy>(
    T.open,
    [
      { header: T.type, cell: (d) => discrepancyLabel(d.type) },
      { header: T.line, cell: (d) => lineText(d.line) },
      { header: T.documents, cell: (d) => (d.documents.length ? h("span", {}, ...d.documents.flatMap((x, i) => (i ? [h("br"), x] : [x]))) : "—") },
      { header: T.usd, cell: (d) => amount(d.usd), numeric: true },
      { header: T.arose, cell: (d) => date(d.arose) },
      { header: T.age, cell: (d) => count(d.age_days), numeric: true },
      { header: T.next, cell: (d) => nextAction(d.type, d.next_action) },
      { header: T.due, cell: (d) => (d.action_due ? `${date(d.action_due)}${d.action_due < now ? ` (${T.passed})` : ""}` : "—") },
    ],
    rows,
    T.none,
    (d) => (d.action_due && d.action_due < now ? "overdue" : undefined),
  );
}

function raiseForm(caseId: string, d: Discrepancy, index: number): HTMLElement {
  const reason = h("textarea", { required: true, maxlength: "4000", rows: "2" });
  const button = h("button", { type: "submit" }, T.submit);
  const outcome = statusRegion(`sdr-outcome-${index}`);
  const form = h("form", { class: "raise-sdr", "data-type": d.type, "data-line": d.line }, field(`sdr-reason-${index}`, T.reason, reason), button);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    outcome.replaceChildren();
    try {
      const body = { case: caseId, type: d.type, document: d.documents[0], line: d.line || undefined, reason: reason.value.trim() };
      const answer = await postJson<Schemas["SdrOutcome"]>("/api/sdrs", body);
      const number = answer.sdr.number;
      outcome.replaceChildren(h("p", { class: "ok" }, T.raised(number), " ", link(sdrHref(number), T.openIt(number))));
      if (answer.warnings.length) {
        outcome.append(h("div", { class: "note" }, h("p", {}, T.warnings), h("ul", {}, ...answer.warnings.map((w) => h("li", {}, w)))));
      }
      reason.disabled = true;
      button.hidden = true;
    } catch (e) {
      outcome.replaceChildren(problemBlock(e));
      button.disabled = false;
    }
  });
  const title = T.which(discrepancyLabel(d.type), d.line ? T.lineNo(d.line) : T.wholeCase, d.documents[0] ?? "");
  return h("section", { class: "raise" }, h("h3", {}, title), form, outcome);
}

export async function renderDiscrepancies(ctx: CaseContext): Promise<HTMLElement> {
  const id = encodeURIComponent(ctx.id);
  const manage = can("manage-case");
  const [list, sdrs] = await Promise.all([
    getJson<Schemas["DiscrepancyList"]>(`/api/discrepancies?case=${id}&limit=1000`).then(async (first) => ({
      ...first,
      discrepancies: first.next_cursor ? await allPages<Discrepancy>(`/api/discrepancies?case=${id}`, "discrepancies") : first.discrepancies,
    })),
    manage ? getJson<Schemas["SdrReport"]>(`/api/reports/sdr?case=${id}`) : Promise.resolve(null),
  ]);
  const rows = list.discrepancies.filter((d) => d.case_id === ctx.id);
  const out = h("div", { class: "tab discrepancies" }, h("h2", {}, T.open), discrepancyTable(rows), h("p", { class: "help" }, T.asOf(date(list.as_of))));
  if (manage && sdrs) {
    const open = new Set(sdrs.sdrs.filter((s) => s.status !== "closed").map((s) => `${s.type}/${s.line}`));
    const raisable = rows.filter((d) => d.action_due !== null && d.documents.length > 0 && !open.has(`${d.type}/${d.line}`));
    out.append(
      h("h2", {}, T.raise),
      h("p", { class: "help" }, raisable.length ? T.raiseHelp : T.nothingToRaise),
      ...raisable.map((d, i) => raiseForm(ctx.id, d, i)),
    );
  }
  return out;
}
