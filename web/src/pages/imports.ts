// Imports: one tab per kind of document the user may send (LOA, delivery listing, receipts,
// DD 645, payments, exchange rates, budget). Each offers a template, previews the chosen file,
// may supersede an earlier document, uploads with progress and shows the outcome: recorded,
// already recorded, or the problem with every error by row. All or nothing, as on the CLI.
import { allPages, ApiError, postJson, query, send, upload, type Schemas } from "../lib/api";
import { caseLink, field, h, select, tabs } from "../lib/dom";
import { strings } from "../lib/i18n";
import { discrepancyLabel } from "../lib/labels";
import { count, date } from "../lib/format";
import { problemBlock } from "../lib/problem_view";
import { can } from "../lib/session";
import { kinds, kindWords, type Kind } from "./import_kinds";
import { csvPreview, jsonPreview } from "./import_preview";

type Outcome = Partial<Schemas["ImportOutcome"] & Schemas["LoaImportOutcome"] & Schemas["RatesImportOutcome"] & Schemas["BudgetImportOutcome"]> & { message: string; recorded: boolean };

const T = strings(
  { title: "Import documents", send: "Import a file", tabs: "Kinds of document", none: "Your role does not include importing documents.",
    notOffered: (k: string) => `“${k}” is not a kind of document you may import.`, template: "Template",
    templateCsv: "Download a template (the header and one example row)", templateJson: "Download a minimal example document",
    file: "File to import", fileHintCsv: "CSV, UTF-8, the header on the first line", fileHintJson: "JSON",
    supersedes: "Corrects an earlier document", supersedesNone: "nothing: a new document",
    supersedesHint: "A corrected re-issue replaces the document chosen here.", reason: "Why it replaces the earlier document",
    additional: "Additional: adds to a listing already recorded for the same quarter", importButton: "Import",
    progress: "Upload progress", uploading: (f: string) => `Sending ${f}…`, recorded: "Recorded.",
    unchanged: "Already recorded, nothing changed.", cases: "Cases:", refused: "Refused; nothing was recorded.",
    docOption: (src: string, id: string, rows: string, d: string) => `${src} (${id}, ${rows} row(s), recorded ${d})`,
    reconcile: "Reconcile now", reconcileHelp: "Match the documents now so that the discrepancies reflect this import.",
    reconciling: "Reconciling…", reconciled: (d: string, m: number, c: number, v: number, n: number) =>
      `Reconciled as of ${d}: ${m} match(es), ${c} new, ${v} voided; ${n} open discrepancies in your cases.`,
    seeAttention: "See what needs attention", seeDiscrepancies: "See the discrepancies", loaCase: (c: string, v: number) => `Case ${c}, version ${v}.`,
    points: (n: number, m: number) => `${n} rate(s) in the file, ${m} new.`, effective: (d: string) => `In force from ${d}.` },
  { title: "文書の取込み", send: "ファイルを取り込む", tabs: "文書の種類", none: "あなたの役割には文書の取込みが含まれていません。",
    notOffered: (k: string) => `「${k}」は取り込める文書の種類ではありません。`, template: "ひな形",
    templateCsv: "ひな形をダウンロード（見出し行と記入例1行）", templateJson: "最小限の記入例をダウンロード",
    file: "取り込むファイル", fileHintCsv: "CSV（UTF-8、1行目は見出し行）", fileHintJson: "JSON",
    supersedes: "訂正の対象となる既存の文書", supersedesNone: "なし（新しい文書）",
    supersedesHint: "訂正版は、ここで選んだ文書に置き換わります。", reason: "既存の文書を置き換える理由",
    additional: "追加分：同じ四半期について記録済みのリストに追加する", importButton: "取り込む",
    progress: "送信の進み具合", uploading: (f: string) => `${f} を送信しています…`, recorded: "記録しました。",
    unchanged: "記録済みのため、変更はありません。", cases: "ケース：", refused: "取込みを拒否しました。何も記録されていません。",
    docOption: (src: string, id: string, rows: string, d: string) => `${src}（${id}、${rows} 行、${d} 記録）`,
    reconcile: "今すぐ照合する", reconcileHelp: "今回の取込みを不一致に反映させるため、文書の照合を実行します。",
    reconciling: "照合しています…", reconciled: (d: string, m: number, c: number, v: number, n: number) =>
      `${d} 時点で照合しました：一致 ${m} 件、新規 ${c} 件、取消 ${v} 件。担当ケースの未解決の不一致は ${n} 件です。`,
    seeAttention: "要対応の一覧を見る", seeDiscrepancies: "不一致の一覧を見る", loaCase: (c: string, v: number) => `ケース ${c}、第 ${v} 版。`,
    points: (n: number, m: number) => `ファイル中のレート ${n} 件、うち新規 ${m} 件。`, effective: (d: string) => `${d} から適用。` },
);

function allowed(): Kind[] {
  return kinds.filter((k) => can(k.permission));
}

function templateLink(kind: Kind): HTMLElement {
  const blob = new Blob([kind.template.text], { type: kind.json ? "application/json" : "text/csv" });
  const a = h("a", { href: URL.createObjectURL(blob), download: kind.template.filename, id: "import-template" }, kind.json ? T.templateJson : T.templateCsv);
  return h("p", {}, a, " ", h("code", {}, kind.template.filename));
}

/** The ETag of the case a new LOA version belongs to, so that the server can refuse a stale edit. */
async function caseEtag(file: File): Promise<string | null> {
  try {
    const doc = JSON.parse(await file.text()) as { case_id?: unknown };
    if (typeof doc.case_id !== "string" || doc.case_id === "") return null;
    return (await send<unknown>("GET", `/api/cases/${encodeURIComponent(doc.case_id)}`)).etag;
  } catch {
    return null; // a new case, or a file the server will refuse with its reason
  }
}

function reconcileBlock(): HTMLElement {
  const button = h("button", { type: "button", id: "reconcile-now" }, T.reconcile);
  const result = h("div", { class: "outcome", role: "status", "aria-live": "polite", id: "reconcile-outcome" });
  button.addEventListener("click", async () => {
    button.disabled = true;
    result.replaceChildren(h("p", {}, T.reconciling));
    try {
      const run = await postJson<Schemas["ReconciliationRun"]>("/api/reconciliation", {});
      const types = Object.entries(run.by_type);
      result.replaceChildren(h(
        "div",
        { class: "ok", "data-outcome": "ok" },
        h("p", {}, T.reconciled(date(run.as_of), run.matches, run.created, run.voided, run.discrepancies)),
        types.length > 0 ? h("ul", {}, ...types.map(([t, n]) => h("li", {}, `${discrepancyLabel(t)}: ${count(n)}`))) : null,
        h("p", { class: "actions" }, h("a", { href: "#/attention" }, T.seeAttention), h("a", { href: "#/discrepancies" }, T.seeDiscrepancies)),
      ));
    } catch (e) {
      result.replaceChildren(h("div", { "data-outcome": "error" }, problemBlock(e)));
      button.disabled = false;
    }
  });
  return h("div", { class: "reconcile" }, h("p", { class: "help" }, T.reconcileHelp), button, result);
}

function outcomeBlock(kind: Kind, out: Outcome): HTMLElement {
  const cases = out.cases ?? [];
  return h(
    "div",
    { class: out.recorded ? "ok" : "note", "data-outcome": "ok", "data-recorded": String(out.recorded) },
    h("p", {}, h("strong", {}, out.recorded ? T.recorded : T.unchanged)),
    h("p", { lang: "en", class: "server-message" }, out.message),
    kind.id === "loa" && out.case_id ? h("p", {}, T.loaCase(out.case_id, out.version ?? 0), " ", caseLink(out.case_id)) : null,
    kind.id === "rates" && out.points !== undefined ? h("p", {}, T.points(out.points, out.new_points ?? 0)) : null,
    kind.id === "budget" && out.effective_date ? h("p", {}, T.effective(date(out.effective_date))) : null,
    cases.length > 0 ? h("p", {}, T.cases, " ", ...cases.flatMap((c, i) => (i > 0 ? [", ", caseLink(c)] : [caseLink(c)]))) : null,
    (kind.id === "receipts" || kind.id === "delivery-listings") && can("manage-case") ? reconcileBlock() : null,
  );
}

async function importForm(kind: Kind): Promise<HTMLElement> {
  const file = h("input", { type: "file", required: true, accept: kind.json ? ".json,application/json" : ".csv,text/csv" });
  const preview = h("div", { class: "import-preview", "aria-live": "polite" });
  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    preview.replaceChildren(chosen ? await (kind.json ? jsonPreview(chosen) : csvPreview(chosen)) : "");
  });

  const extra: HTMLElement[] = [];
  let supersedes: HTMLSelectElement | null = null;
  let reason: HTMLTextAreaElement | null = null;
  if (kind.documentKind) {
    const documents = await allPages<Schemas["ExecutionDocument"]>(`/api/documents?kind=${kind.documentKind}`, "documents");
    supersedes = select([["", T.supersedesNone], ...documents.filter((d) => !d.partial).map((d): [string, string] =>
      [d.id, T.docOption(d.source ?? d.short_id, d.short_id, d.rows === null ? "—" : count(d.rows), date(d.recorded_at.slice(0, 10)))])]);
    reason = h("textarea", { rows: "2", maxlength: "4000" });
    const reasonBox = field("import-reason", T.reason, reason);
    const sync = () => {
      reasonBox.hidden = supersedes!.value === "";
      reason!.required = supersedes!.value !== "";
    };
    supersedes.addEventListener("change", sync);
    sync();
    extra.push(field("import-supersedes", T.supersedes, supersedes, T.supersedesHint), reasonBox);
  }
  let additional: HTMLInputElement | null = null;
  if (kind.id === "delivery-listings") {
    additional = h("input", { type: "checkbox", id: "import-additional", name: "additional" });
    extra.push(h("div", { class: "field inline" }, additional, h("label", { for: "import-additional" }, T.additional)));
  }

  const button = h("button", { type: "submit", id: "import-button" }, T.importButton);
  const progress = h("progress", { id: "import-progress", max: "1", value: "0" });
  const progressBox = h("div", { class: "field", hidden: true }, h("label", { for: "import-progress" }, T.progress), progress);
  const outcome = h("div", { id: "import-outcome", class: "outcome", role: "status", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "import", "aria-labelledby": "import-heading" },
    field("import-file", T.file, file, kind.json ? T.fileHintJson : T.fileHintCsv),
    preview,
    ...extra,
    h("div", { class: "actions" }, button),
    progressBox,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    button.disabled = true;
    progress.value = 0;
    progressBox.hidden = false;
    outcome.removeAttribute("data-outcome");
    outcome.replaceChildren(h("p", {}, T.uploading(chosen.name)));
    try {
      const params = {
        source: chosen.name,
        supersedes: supersedes?.value || undefined,
        reason: supersedes?.value ? reason?.value.trim() : undefined,
        additional: additional?.checked ? "true" : undefined,
      };
      const headers: Record<string, string> = {};
      if (kind.id === "loa") {
        const etag = await caseEtag(chosen);
        if (etag) headers["If-Match"] = etag;
      }
      const answer = await upload<Outcome>(`${kind.path}${query(params)}`, chosen, kind.json ? "application/json" : "text/csv",
        (f) => { progress.value = f; }, headers);
      outcome.setAttribute("data-outcome", "ok");
      outcome.replaceChildren(outcomeBlock(kind, answer.body));
    } catch (e) {
      outcome.setAttribute("data-outcome", "error");
      const refused = e instanceof ApiError && e.status >= 400 && e.status < 500;
      outcome.replaceChildren(h("div", {}, refused ? h("p", {}, h("strong", {}, T.refused)) : null, problemBlock(e)));
    } finally {
      button.disabled = false;
    }
  });
  return h("div", {}, form, outcome);
}

export async function renderImports(kind?: string): Promise<HTMLElement> {
  const mine = allowed();
  if (mine.length === 0) return h("section", {}, h("h1", {}, T.title), h("p", {}, T.none));
  const current = kind ? mine.find((k) => k.id === kind) : mine[0];
  const nav = tabs(T.tabs, mine.map((k) => ({ href: `#/imports/${k.id}`, text: kindWords[k.id], current: k === current })));
  if (!current) return h("section", {}, h("h1", {}, T.title), nav, h("p", { class: "note" }, T.notOffered(kind ?? "")));
  return h(
    "section",
    { class: "imports", "data-kind": current.id },
    h("h1", {}, T.title),
    nav,
    h("h2", { id: "import-heading" }, kindWords[current.id]),
    h("p", { class: "help" }, kindWords[`${current.id}-about`]),
    h("h3", {}, T.template),
    templateLink(current),
    h("h3", {}, T.send),
    await importForm(current),
  );
}
