// A small client for the fmsledger REST API (docs/api.md). The session lives in an HttpOnly
// cookie set by POST /api/session; every unsafe request carries the session's CSRF token.
// Types come from the server's OpenAPI document (src/generated/openapi.ts, made in the build).
import type { components } from "../generated/openapi";

export type Schemas = components["schemas"];
export type SessionInfo = Schemas["Me"];

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  pointer?: string;
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

export interface Answer<T> {
  body: T;
  status: number;
  etag: string | null;
}

/** One request; a non-2xx answer is thrown as an ApiError carrying the problem. */
export async function send<T>(method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const all: Record<string, string> = { Accept: "application/json", ...headers };
  if (method !== "GET" && method !== "HEAD" && csrfToken) all["X-CSRF-Token"] = csrfToken;
  const response = await fetch(path, { method, headers: all, body, credentials: "same-origin" });
  if (!response.ok) throw new ApiError(await problemOf(response));
  const parsed = response.status === 204 ? undefined : await response.json();
  return { body: parsed as T, status: response.status, etag: response.headers.get("ETag") };
}

export const getJson = <T>(path: string) => send<T>("GET", path).then((a) => a.body);

export const postJson = <T>(path: string, body: unknown, headers: Record<string, string> = {}) =>
  send<T>("POST", path, JSON.stringify(body), { "Content-Type": "application/json", ...headers }).then((a) => a.body);

/** A query string of the given parameters, leaving out empty ones. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") q.set(k, String(v));
  const text = q.toString();
  return text ? `?${text}` : "";
}

export async function currentSession(): Promise<SessionInfo | null> {
  try {
    const session = await getJson<SessionInfo>("/api/session");
    csrfToken = session.csrf_token ?? null;
    return session;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function signIn(user: string, password: string): Promise<SessionInfo> {
  const session = await postJson<SessionInfo>("/api/session", { user, password });
  csrfToken = session.csrf_token ?? null;
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await send<unknown>("DELETE", "/api/session");
  } finally {
    csrfToken = null;
  }
}

/** Every page of a cursor-paged list. */
export async function allPages<T>(path: string, key: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const sep = path.includes("?") ? "&" : "?";
    const url: string = `${path}${sep}limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const body: Record<string, unknown> = await getJson<Record<string, unknown>>(url);
    items.push(...((body[key] as T[] | undefined) ?? []));
    cursor = (body.next_cursor as string | null | undefined) ?? null;
    if (!cursor) break;
  }
  return items;
}

export const csvType = "text/csv";
export const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Fetches `path` as `accept` and saves it under `filename` (a report as CSV or .xlsx). */
export async function download(path: string, accept: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: { Accept: accept }, credentials: "same-origin" });
  if (!response.ok) throw new ApiError(await problemOf(response));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Sends a file with upload progress (fetch cannot report it): `onProgress` gets the fraction
 * sent; `headers` are added (e.g. If-Match). Resolves with the JSON answer; a non-2xx answer
 * rejects with its problem.
 */
export function upload<T>(path: string, file: Blob, contentType: string, onProgress: (fraction: number) => void, headers: Record<string, string> = {}): Promise<Answer<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Content-Type", contentType);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value); // If-Match for a new LOA version
    if (csrfToken) xhr.setRequestHeader("X-CSRF-Token", csrfToken);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: "error", detail: "the request did not reach the server" }));
    xhr.onload = () => {
      let body: unknown = undefined;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined; } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve({ body: body as T, status: xhr.status, etag: xhr.getResponseHeader("ETag") });
      } else {
        const problem = (body && typeof body === "object" ? body : {}) as Partial<Problem>;
        reject(new ApiError({ detail: `HTTP ${xhr.status}`, ...problem, status: xhr.status }));
      }
    };
    xhr.send(file);
  });
}
