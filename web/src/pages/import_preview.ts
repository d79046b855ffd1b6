// A preview of a file before it is imported: the first rows of a CSV (RFC 4180: quoted fields,
// "" inside quotes, CRLF or LF) or the top-level fields of a JSON document. Only a look: the
// server checks the whole file and names every problem by row.
import { facts, h, table } from "../lib/dom";
import { strings } from "../lib/i18n";

const T = strings(
  { preview: "Preview", rows: (n: number) => `Preview: the first ${n} data row(s)`, header: "The header names these columns:",
    noRows: "no data rows", notCsv: (e: string) => `This does not read as CSV: ${e}. The server will say where.`,
    notJson: (e: string) => `This does not read as JSON: ${e}. The server will say where.`, array: (n: number) => `a list of ${n}`,
    object: (n: number) => `an object of ${n} field(s)`, row: "Row", unclosed: "a quoted field is not closed" },
  { preview: "プレビュー", rows: (n: number) => `プレビュー：先頭 ${n} 行`, header: "見出し行の列：",
    noRows: "データ行なし", notCsv: (e: string) => `CSVとして読めません：${e}。取込み時にサーバーが箇所を示します。`,
    notJson: (e: string) => `JSONとして読めません：${e}。取込み時にサーバーが箇所を示します。`, array: (n: number) => `${n} 件のリスト`,
    object: (n: number) => `${n} 項目のオブジェクト`, row: "行", unclosed: "引用符で囲んだ項目が閉じていません" },
);

/**
 * The first `limit` records of CSV text (the header included). `complete` is false when the text
 * was cut short, so its last, possibly partial record is dropped.
 */
export function parseCsv(text: string, limit: number, complete = true): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let value = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    record.push(value);
    value = "";
    if (!(record.length === 1 && record[0] === "")) records.push(record);
    record = [];
  };
  for (; i < text.length && records.length < limit; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { value += '"'; i++; }
      else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"' && value === "") quoted = true;
    else if (c === ",") { record.push(value); value = ""; }
    else if (c === "\n") endRecord();
    else if (c === "\r" && text[i + 1] === "\n") { endRecord(); i++; }
    else value += c;
  }
  if (records.length < limit) {
    if (quoted && complete) throw new Error(T.unclosed);
    if (complete && (value !== "" || record.length > 0)) endRecord();
  }
  return records;
}

const previewBytes = 256 * 1024;

/** A preview of a CSV file: its columns and first `rows` data rows. */
export async function csvPreview(file: File, rows = 10): Promise<HTMLElement> {
  const complete = file.size <= previewBytes;
  const text = await file.slice(0, previewBytes).text();
  let records: string[][];
  try {
    records = parseCsv(text, rows + 1, complete);
  } catch (e) {
    return h("p", { class: "note" }, T.notCsv(e instanceof Error ? e.message : String(e)));
  }
  const [header = [], ...data] = records;
  const columns = [{ header: T.row, cell: (r: { n: number; cells: string[] }) => String(r.n), numeric: true }, ...header.map((name, c) => ({
    header: name || "—",
    cell: (r: { n: number; cells: string[] }) => r.cells[c] ?? "",
  }))];
  // Row numbers as the server counts them: the header is line 1.
  const body = data.map((cells, i) => ({ n: i + 2, cells }));
  return h("div", { class: "preview" }, h("p", {}, T.header, " ", h("code", {}, header.join(", "))), table(T.rows(body.length), columns, body, T.noRows));
}

/** A preview of a JSON document: its top-level fields. */
export async function jsonPreview(file: File): Promise<HTMLElement> {
  let doc: unknown;
  try {
    doc = JSON.parse(await file.text());
  } catch (e) {
    return h("p", { class: "note" }, T.notJson(e instanceof Error ? e.message : String(e)));
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) return h("p", { class: "note" }, T.notJson("not an object"));
  const shown = (v: unknown): string => {
    if (Array.isArray(v)) return T.array(v.length);
    if (v && typeof v === "object") return T.object(Object.keys(v).length);
    const text = String(v);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  };
  return h("div", { class: "preview" }, h("p", {}, T.preview), facts(Object.entries(doc as Record<string, unknown>).map(([k, v]): [string, string] => [k, shown(v)])));
}
