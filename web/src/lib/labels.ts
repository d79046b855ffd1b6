// The words for the codes the API returns (statuses, discrepancy types, SDR steps, exception
// groups, closure checks, roles, problem codes), in both languages. They are the server's own
// words file (src/http/words.json), which also words the reports it exports in Japanese, so the
// screen and the spreadsheet say the same. A code missing there is shown as the code itself.
import words from "../../../src/http/words.json";
import { lang } from "./i18n";

type Table = Record<string, { en: string; ja: string }>;
const codes = words.codes as Record<string, Table>;

function word(table: string, code: string): string {
  const entry = codes[table]?.[code];
  return entry ? entry[lang()] : code;
}

export const caseStatusLabel = (code: string) => word("case-status", code);
export const discrepancyLabel = (code: string) => word("discrepancy-type", code);
export const sdrStatusLabel = (code: string) => word("sdr-status", code);
export const sdrActionLabel = (code: string) => word("sdr-action", code);
export const sdrResolutionLabel = (code: string) => word("sdr-resolution", code);
export const exceptionGroupLabel = (code: string) => word("exception-group", code);
export const closureCheckLabel = (code: string) => word("closure-check", code);
export const roleLabel = (code: string) => word("role", code);
export const problemLabel = (code: string) => word("problem", code);
export const discrepancyTypes = () => Object.keys(codes["discrepancy-type"]);

const nextActionJa = words.next_action_ja as Record<string, string>;

/**
 * A discrepancy's next action: the server's sentence (amounts, documents, dates) in English; in
 * Japanese, the kind of action for its type first, then that sentence.
 */
export function nextAction(type: string, sentence: string): (Node | string)[] {
  const english = document.createElement("span");
  english.lang = "en";
  english.textContent = sentence;
  const summary = lang() === "ja" ? nextActionJa[type] : undefined;
  if (!summary) return [english];
  english.className = "hint";
  return [summary, document.createElement("br"), english];
}
