// A small client for the fmsledger REST API (docs/api.md). The session lives in an HttpOnly
// cookie set by POST /api/session; every unsafe request carries the session's CSRF token.

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: string[];
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

export interface Grant { role: string; organisation: string }
export interface SessionInfo {
  user: string;
  display_name?: string;
  grants: Grant[];
  csrf_token: string;
}

export interface CaseSummary {
  case_id: string;
  title: string;
  purchaser: string;
  status: string;
  status_date: string;
  latest_version: number;
  latest_document: string;
  currency: string;
  value: string;
  line_count: number;
}

export interface CaseLine {
  number: string;
  generic_code: string;
  masl: string;
  description: string;
  pricing: string;
  quantity: number;
  unit_of_issue: string;
  unit_cost: string;
  total: string;
}

export interface Payment {
  due: string;
  what: string;
  us_fiscal_quarter: string;
  japan_fiscal_quarter: string;
  amount: string;
}

export interface CaseDetail {
  case_id: string;
  title: string;
  purchaser: string;
  status: string;
  status_date: string;
  version: number;
  document: string;
  currency: string;
  lines: CaseLine[];
  cost_summary: Record<string, string>;
  payment_schedule: Payment[];
}

export interface Version {
  version: number;
  document: string;
  effective_date: string;
  purpose: string;
  sha256: string;
  source: string;
  recorded_at: string;
  actor: string;
}

export interface Discrepancy {
  type: string;
  case_id: string;
  line: string;
  documents: string[];
  usd: string;
  arose: string;
  age_days: number;
  next_action: string;
  action_due: string | null;
}

export interface ImportResult {
  recorded: boolean;
  kind: string;
  document_id: string;
  rows: number;
  cases: string[];
  message: string;
}

let csrfToken: string | null = null;

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return { ...body, status: response.status };
    } catch {
      // fall through to the status line
    }
  }
  return { status: response.status, title: response.statusText, detail: `HTTP ${response.status} ${response.statusText}` };
}

async function request<T>(method: string, path: string, body?: BodyInit, contentType?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (contentType) headers["Content-Type"] = contentType;
  if (method !== "GET" && method !== "HEAD" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  const response = await fetch(path, { method, headers, body, credentials: "same-origin" });
  if (!response.ok) throw new ApiError(await problemOf(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export async function currentSession(): Promise<SessionInfo | null> {
  try {
    const session = await request<SessionInfo>("GET", "/api/session");
    csrfToken = session.csrf_token;
    return session;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function signIn(user: string, password: string): Promise<SessionInfo> {
  const session = await request<SessionInfo>("POST", "/api/session", JSON.stringify({ user, password }), "application/json");
  csrfToken = session.csrf_token;
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await request<unknown>("DELETE", "/api/session");
  } finally {
    csrfToken = null;
  }
}

/** Every page of a cursor-paged list. */
async function allPages<T>(path: string, key: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const sep = path.includes("?") ? "&" : "?";
    const url: string = `${path}${sep}limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const body: Record<string, unknown> = await request<Record<string, unknown>>("GET", url);
    items.push(...((body[key] as T[] | undefined) ?? []));
    cursor = (body.next_cursor as string | null | undefined) ?? null;
    if (!cursor) break;
  }
  return items;
}

export const listCases = () => allPages<CaseSummary>("/api/cases", "cases");

export const getCase = (id: string) => request<CaseDetail>("GET", `/api/cases/${encodeURIComponent(id)}`);

export const listVersions = (id: string) =>
  request<{ case_id: string; versions: Version[] }>("GET", `/api/cases/${encodeURIComponent(id)}/versions`).then((b) => b.versions);

export const listDiscrepancies = (caseId?: string) =>
  allPages<Discrepancy>(caseId ? `/api/discrepancies?case=${encodeURIComponent(caseId)}` : "/api/discrepancies", "discrepancies");

export const importReceipts = (source: string, csv: Blob) =>
  request<ImportResult>("POST", `/api/imports/receipts?source=${encodeURIComponent(source)}`, csv, "text/csv");

export interface Sdr {
  number: string;
  case_id: string;
  line: string;
  type: string;
  status: string;
  withdrawn: boolean;
  resolution: string | null;
  codes: string[];
  claimed_usd: string;
  credited_usd: string;
  deadline: string;
  warning: string | null;
  submitted_on: string | null;
}

export interface SdrRequest {
  case: string;
  type: string;
  document: string;
  line?: string;
  reason: string;
}

export interface SdrOutcome {
  message: string;
  warnings: string[];
  sdr: { number: string; status: string };
}

export const listSdrs = (caseId: string) =>
  request<{ sdrs: Sdr[] }>("GET", `/api/reports/sdr?case=${encodeURIComponent(caseId)}`).then((b) => b.sdrs);

export const raiseSdr = (body: SdrRequest) => request<SdrOutcome>("POST", "/api/sdrs", JSON.stringify(body), "application/json");
