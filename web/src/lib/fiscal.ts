// Japanese fiscal years named both ways (令和7年度 / JFY2025). The names come from the era table
// of the server's reference data (GET /api/fiscal-years), read once per session.
import { ApiError, getJson } from "./api";
import { lang } from "./i18n";

interface FiscalYearName {
  jfy: number;
  label: string;
  japanese: string;
  romaji: string;
  first_day: string;
  last_day: string;
}

const names = new Map<number, FiscalYearName>();

/** Reads the names of JFY2000-JFY2099 (the span the demo and real cases use). */
export async function loadFiscalYears(): Promise<void> {
  if (names.size > 0) return;
  try {
    const body = await getJson<{ fiscal_years: FiscalYearName[] }>("/api/fiscal-years?from=2000&to=2099");
    for (const fy of body.fiscal_years) names.set(fy.jfy, fy);
  } catch (e) {
    // A role that reads no case is not asked (main.ts); should one be refused, "JFY2025" will do.
    if (!(e instanceof ApiError && e.status === 403)) throw e;
  }
}

/** "令和7年度（JFY2025）" in Japanese, "JFY2025 (Reiwa 7)" in English. */
export function jfy(year: number): string {
  const name = names.get(year);
  if (!name) return `JFY${year}`;
  return lang() === "ja" ? `${name.japanese}（${name.label}）` : `${name.label} (${name.romaji})`;
}

/** The Japanese fiscal year of a civil date: April to March. */
export function jfyOf(civil: string): number {
  const year = Number(civil.slice(0, 4));
  const month = Number(civil.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

/** Every "JFY2025" in a text named both ways ("JFY2025 Q3" → "令和7年度（JFY2025） Q3"). */
export function jfyText(text: string): string {
  return text.replace(/JFY(\d{4})/g, (_all, y: string) => jfy(Number(y)));
}
