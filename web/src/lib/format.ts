// Display formats. Amounts arrive as decimal strings (or whole yen as integers) and are only
// formatted here, digit by digit, never through floating point. Civil dates are shown as dates;
// instants (recorded_at) in the user's time zone.
import { lang } from "./i18n";

/** "1716794450.5" → "1,716,794,450.50" with `decimals` places, rounding half away from zero. */
export function groupDecimal(amount: string | number, decimals: number): string {
  const text = typeof amount === "number" ? String(amount) : amount.trim().replace(/,/g, "");
  const m = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return String(amount);
  const negative = m[1] === "-";
  let whole = m[2] === "" ? "0" : m[2];
  let fraction = (m[3] ?? "").padEnd(decimals + 1, "0");
  const roundUp = fraction.charCodeAt(decimals) - 48 >= 5;
  fraction = fraction.slice(0, decimals);
  if (roundUp) {
    const digits = (whole + fraction).split("").map(Number);
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) digits[i--] = 0;
    if (i >= 0) digits[i] += 1;
    else digits.unshift(1);
    const all = digits.join("");
    whole = all.slice(0, all.length - decimals) || "0";
    fraction = all.slice(all.length - decimals);
  }
  whole = whole.replace(/^0+(?=\d)/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const zero = /^[0,]*$/.test(grouped) && /^0*$/.test(fraction);
  return `${negative && !zero ? "-" : ""}${grouped}${decimals > 0 ? `.${fraction}` : ""}`;
}

/** USD with 2 decimals ("USD 1,234.50"), yen with ¥ and none ("¥1,235"). */
export function money(amount: string | number | null | undefined, currency = "USD"): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  if (currency === "JPY") {
    const text = groupDecimal(amount, 0);
    return text.startsWith("-") ? `-¥${text.slice(1)}` : `¥${text}`;
  }
  return `${currency} ${groupDecimal(amount, 2)}`;
}

/** An amount without its currency (for table columns that name it in the header). */
export function amount(value: string | number | null | undefined, currency = "USD"): string {
  if (value === null || value === undefined || value === "") return "—";
  return groupDecimal(value, currency === "JPY" ? 0 : 2);
}

/** Cents of a decimal string, exactly (for sums and charts). */
export function cents(amount: string): bigint {
  const m = /^(-?)(\d*)(?:\.(\d{0,2})\d*)?$/.exec(amount.trim().replace(/,/g, ""));
  if (!m) return 0n;
  const value = BigInt(m[2] || "0") * 100n + BigInt((m[3] ?? "").padEnd(2, "0"));
  return m[1] === "-" ? -value : value;
}

/** Cents back to a decimal string. */
export function fromCents(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

const timeZoneKey = "fmsledger.time-zone";

/** The user's time zone: chosen in the header, else the browser's. */
export function timeZone(): string {
  return localStorage.getItem(timeZoneKey) ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC";
}

export function setTimeZone(zone: string): void {
  localStorage.setItem(timeZoneKey, zone);
}

/** A civil date "2026-12-15": "2026-12-15" in English, "2026年12月15日" in Japanese. */
export function date(civil: string | null | undefined): string {
  if (!civil) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(civil);
  if (!m || lang() === "en") return civil;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** An instant "2026-12-07T23:50:00.28Z" in the user's time zone, with the zone's name. */
export function instant(iso: string | null | undefined): string {
  if (!iso) return "—";
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return new Intl.DateTimeFormat(lang() === "ja" ? "ja-JP" : "en-GB", {
    timeZone: timeZone(), year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short",
  }).format(when);
}

/** Today's civil date in the user's time zone. */
export function today(): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: timeZone(), year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  return parts;
}

/** Whole days from civil date `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

export function count(n: number): string {
  return groupDecimal(n, 0);
}
