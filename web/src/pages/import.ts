import { ApiError, importReceipts } from "../api";
import { caseLink, h } from "../dom";

export function renderImport(): HTMLElement {
  const file = h("input", { id: "receipts-file", name: "file", type: "file", accept: ".csv,text/csv", required: true, "aria-describedby": "receipts-help" });
  const button = h("button", { type: "submit" }, "Upload");
  const result = h("div", { id: "import-result", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "import" },
    h("div", { class: "field" }, h("label", { for: "receipts-file" }, "Receipts CSV file"), file),
    h(
      "p",
      { id: "receipts-help", class: "help" },
      "Columns: receipt_id, document_number, case_id, line, received_date, quantity_received, quantity_accepted, quantity_rejected, condition, inspector. The whole file is recorded, or none of it.",
    ),
    button,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    button.disabled = true;
    result.replaceChildren(h("p", { role: "status" }, `Uploading ${chosen.name}…`));
    try {
      const answer = await importReceipts(chosen.name, chosen);
      result.replaceChildren(
        h(
          "div",
          { class: answer.recorded ? "ok" : "note", role: "status" },
          h("p", {}, answer.message),
          answer.cases.length > 0 ? h("p", {}, "Cases: ", ...answer.cases.flatMap((c, i) => (i ? [", ", caseLink(c)] : [caseLink(c)]))) : null,
        ),
      );
      form.reset();
    } catch (e) {
      const detail = e instanceof ApiError ? (e.problem.detail ?? e.message) : String(e);
      const errors = e instanceof ApiError ? (e.problem.errors ?? []) : [];
      result.replaceChildren(
        h(
          "div",
          { class: "problem", role: "alert" },
          h("p", {}, errors.length > 1 ? `The file was refused (${errors.length} problems); nothing was recorded.` : detail),
          errors.length > 1 ? h("ul", {}, ...errors.map((m) => h("li", {}, m))) : null,
        ),
      );
    } finally {
      button.disabled = false;
    }
  });
  return h("section", {}, h("h1", {}, "Import receipts"), form, result);
}
