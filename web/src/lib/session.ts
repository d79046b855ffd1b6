// Who is signed in and what they may do. The server says what each grant's role permits
// (GET /api/session); the UI offers only those actions, and the server still decides.
import type { SessionInfo } from "./api";

export type Permission = "read" | "read-history" | "manage-case" | "manage-finance" | "verify" | "administer";

let session: SessionInfo | null = null;

export function setSession(next: SessionInfo | null): void {
  session = next;
}

export function currentUser(): SessionInfo | null {
  return session;
}

/** Whether some grant permits `permission` (over `organisation`, when one is named). */
export function can(permission: Permission, organisation?: string): boolean {
  if (!session) return false;
  return session.grants.some(
    (g) => (g.permissions ?? []).includes(permission) && (organisation === undefined || g.organisation === "*" || g.organisation === organisation),
  );
}

/** The organisations the user acts for ("*" for every one). */
export function organisations(): string[] {
  return [...new Set((session?.grants ?? []).map((g) => g.organisation))];
}
