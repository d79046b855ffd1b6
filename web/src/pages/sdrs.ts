// A case's Supply Discrepancy Reports, and a form to raise one on a discrepancy for which
// reconciliation proposes an SDR (one with a submission deadline). The server decides who may
// raise one; its refusal is shown as it gives it.
import { ApiError, raiseSdr, type Discrepancy, type Sdr } from "../api";
import { formatMoney, h, table } from "../dom";

function label(d: Discrepancy): string {
  return `${d.type}${d.line ? ` line ${d.line}` : ""}: ${d.documents[0] ?? ""} (USD ${formatMoney(d.usd)}, due ${d.action_due})`;
}

export function caseSdrs(caseId: string, sdrs: Sdr[], discrepancies: Discrepancy[]): HTMLElement {
  const open = new Set(sdrs.filter((s) => s.status !== "closed").map((s) => `${s.type}/${s.line}`));
  const raisable = discrepancies.filter((d) => d.action_due !== null && !open.has(`${d.type}/${d.line}`));
  const list = table<Sdr>(
    "Supply Discrepancy Reports",
    [
      { header: "Number", cell: (s) => s.number },
      { header: "Type", cell: (s) => s.type },
      { header: "Line", cell: (s) => s.line },
      { header: "Status", cell: (s) => (s.withdrawn ? "closed (withdrawn)" : s.status) },
      { header: "Claimed (USD)", cell: (s) => formatMoney(s.claimed_usd), numeric: true },
      { header: "Credited (USD)", cell: (s) => formatMoney(s.credited_usd), numeric: true },
      { header: "Deadline", cell: (s) => s.deadline },
      { header: "Warning", cell: (s) => s.warning ?? "" },
    ],
    sdrs,
    "none raised",
  );
  if (raisable.length === 0) return h("div", {}, list);

  const choice = h("select", { id: "sdr-discrepancy", name: "discrepancy", required: true });
  raisable.forEach((d, i) => choice.append(h("option", { value: String(i) }, label(d))));
  const reason = h("input", { id: "sdr-reason", name: "reason", type: "text", required: true, maxlength: "4000" });
  const button = h("button", { type: "submit" }, "Raise SDR");
  const result = h("div", { id: "sdr-result", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "raise-sdr" },
    h("div", { class: "field" }, h("label", { for: "sdr-discrepancy" }, "Discrepancy"), choice),
    h("div", { class: "field" }, h("label", { for: "sdr-reason" }, "What the SDR claims and why"), reason),
    button,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const d = raisable[Number(choice.value)];
    button.disabled = true;
    try {
      await raiseSdr({ case: caseId, type: d.type, document: d.documents[0], line: d.line || undefined, reason: reason.value });
      window.dispatchEvent(new HashChangeEvent("hashchange")); // show the case again, with its new SDR
    } catch (e) {
      const detail = e instanceof ApiError ? (e.problem.detail ?? e.message) : String(e);
      result.replaceChildren(h("p", { class: "problem", role: "alert" }, detail));
      button.disabled = false;
    }
  });
  return h("div", {}, list, h("h3", {}, "Raise an SDR"), form, result);
}
