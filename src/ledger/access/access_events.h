// The events of the two access streams (store/store.h): "@access", who may use the system, and
// "@audit", what they did at its door. Every event is type_version 1 with a JSON payload, and
// decoding is strict: a missing, extra or ill-typed field, or a value that breaks the rules
// below, is corruption of the log.
//
//   @access (actor: the administrator who did it)
//     access.organisation_recorded {"id", "name", "customers": ["JA", ...]}  creates or restates
//     access.user_added            {"user", "display_name", "password_hash"}
//     access.password_changed      {"user", "password_hash"}
//     access.user_disabled         {"user", "reason"}
//     access.user_enabled          {"user", "reason"}
//     access.role_granted          {"user", "role", "organisation"}
//     access.role_revoked          {"user", "role", "organisation"}
//     access.token_issued          {"user", "token_id", "token_hash", "label", "expires_at"}
//     access.token_revoked         {"user", "token_id"}
//   @audit (actor: the user, as they named themselves)
//     audit.login                  {"user", "via": "password" | "token", "remote"}
//     audit.login_failed           {"user", "remote", "reason"}   (one failure; older logs)
//     audit.logins_failed          {"remote", "from", "to", "failures", "users": [...],
//                                   "reasons": {"wrong password": 3, ...}}   (actor "")
//                                  the failed sign-ins of one source in one window, counted
//     audit.denied                 {"user", "method", "path", "reason"}
//     audit.exported               {"user", "what", "format", "case"}
//     audit.logout                 {"user"}
// "expires_at" and "case" are null when absent. A password hash is an Argon2id string
// (ledger/access/passwords.h), a token hash hex SHA-256 (ledger/access/api_tokens.h); neither secret is ever
// in the log.
//
// Rules that need no state (shapes and limits) are here; rules that need the state of the
// stream (a user exists, a customer code is not claimed twice) are AccessBook::check.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.h"
#include "ledger/access/roles.h"
#include "store/store.h"

namespace fms::ledger {

inline constexpr std::string_view kOrganisationRecorded = "access.organisation_recorded";
inline constexpr std::string_view kUserAdded = "access.user_added";
inline constexpr std::string_view kPasswordChanged = "access.password_changed";
inline constexpr std::string_view kUserDisabled = "access.user_disabled";
inline constexpr std::string_view kUserEnabled = "access.user_enabled";
inline constexpr std::string_view kRoleGranted = "access.role_granted";
inline constexpr std::string_view kRoleRevoked = "access.role_revoked";
inline constexpr std::string_view kTokenIssued = "access.token_issued";
inline constexpr std::string_view kTokenRevoked = "access.token_revoked";

inline constexpr std::string_view kAuditLogin = "audit.login";
inline constexpr std::string_view kAuditLoginFailed = "audit.login_failed";
inline constexpr std::string_view kAuditLoginsFailed = "audit.logins_failed";
inline constexpr std::string_view kAuditDenied = "audit.denied";
inline constexpr std::string_view kAuditExported = "audit.exported";
inline constexpr std::string_view kAuditLogout = "audit.logout";

// Limits. User names are 1-64 characters of [a-z0-9._-] starting with a letter, so they are
// safe in URLs, logs and file names; organisation ids 2-32 of [A-Z0-9-]; customer codes two
// letters A-Z (the country code that starts a case id). Free text (display names, organisation
// names, labels, reasons) is UTF-8 without control characters, 1 byte to its limit.
inline constexpr std::size_t kMaxUserNameBytes = 64;
inline constexpr std::size_t kMaxDisplayNameBytes = 200;
inline constexpr std::size_t kMinOrganisationIdBytes = 2;
inline constexpr std::size_t kMaxOrganisationIdBytes = 32;
inline constexpr std::size_t kMaxOrganisationNameBytes = 200;
inline constexpr std::size_t kMaxCustomersPerOrganisation = 50;
inline constexpr std::size_t kMaxTokenLabelBytes = 200;
// Reasons for disabling and enabling a user: kMaxReasonBytes (ledger/log/limits.h), as for status
// changes.
// Tokens a user may hold that are not revoked (expired ones count until revoked, so the limit
// does not depend on when the log is replayed): a leak is easier to contain when there are few,
// and a program needs one.
inline constexpr std::size_t kMaxUnrevokedTokensPerUser = 20;
// An audit field longer than this is cut (at a character boundary, ending "..."), never refused:
// a failed login with a megabyte of user name is still recorded, in a bounded size.
inline constexpr std::size_t kMaxAuditFieldBytes = 512;

struct OrganisationRecorded {
  std::string id;                      // "JMOD"
  std::string name;                    // "Japan Ministry of Defense (ATLA)"
  std::vector<std::string> customers;  // "JA": the cases whose id starts with it are theirs
};
struct UserAdded {
  std::string user;
  std::string display_name;
  std::string password_hash;
};
struct PasswordChanged {
  std::string user;
  std::string password_hash;
};
struct UserDisabled {
  std::string user;
  std::string reason;
};
struct UserEnabled {
  std::string user;
  std::string reason;
};
struct RoleGranted {
  std::string user;
  Grant grant;
};
struct RoleRevoked {
  std::string user;
  Grant grant;
};
struct TokenIssued {
  std::string user;
  std::string token_id;
  std::string token_hash;
  std::string label;                      // what the token is for: "nightly export"
  std::optional<std::string> expires_at;  // UTC, "2027-01-01T00:00:00Z"; none: until revoked
};
struct TokenRevoked {
  std::string user;
  std::string token_id;
};
using AccessEvent = std::variant<OrganisationRecorded, UserAdded, PasswordChanged, UserDisabled,
                                 UserEnabled, RoleGranted, RoleRevoked, TokenIssued, TokenRevoked>;

struct AuditLogin {
  std::string user;
  std::string via;     // "password" or "token"
  std::string remote;  // the client's address as the server saw it
};
struct AuditLoginFailed {
  std::string user;  // the name given, which may be no user at all
  std::string remote;
  std::string reason;
};
struct AuditLoginsFailed {
  std::string remote;
  std::string from;  // "2026-11-25T12:00:00Z": the window
  std::string to;
  std::int64_t failures = 0;
  std::vector<std::string> users;               // the first names tried, at most 20
  std::map<std::string, std::int64_t> reasons;  // "wrong password", "unknown user", "throttled"...
};
inline constexpr std::size_t kMaxAuditUsers = 20;
struct AuditDenied {
  std::string user;
  std::string method;  // "POST"
  std::string path;    // "/api/cases/JA-P-TWK/transitions"
  std::string reason;
};
struct AuditExported {
  std::string user;
  std::string what;                    // "report forecast"
  std::string format;                  // "csv", "xlsx", "json"
  std::optional<std::string> case_id;  // payload field "case"
};
struct AuditLogout {
  std::string user;
};
using AuditEvent = std::variant<AuditLogin, AuditLoginFailed, AuditLoginsFailed, AuditDenied,
                                AuditExported, AuditLogout>;

std::string_view type_of(const AccessEvent& event);
std::string_view type_of(const AuditEvent& event);
std::string encode(const AccessEvent& event);  // type_version 1
std::string encode(const AuditEvent& event);   // type_version 1
// Strict decoding of an event of the @access stream: shapes and limits are checked here, the
// rules that need state by AccessBook.
Result<AccessEvent> decode_access_event(const store::EventRecord& event);
// Strict decoding of an event of the @audit stream, which has no state: every rule is here.
Result<AuditEvent> decode_audit_event(const store::EventRecord& event);

// The shape and limit rules, as invalid-input errors that say what is allowed.
Status check_user_name(std::string_view name);
Status check_organisation_id(std::string_view id);
Status check_customer_code(std::string_view code);
// 1 to `max_bytes` bytes of UTF-8 without control characters; `what` names the field.
Status check_free_text(std::string_view what, std::string_view text, std::size_t max_bytes);
// Every field of the event within its shape and limits.
Status check_shape(const AccessEvent& event);
Status check_shape(const AuditEvent& event);

// `text` made fit for an audit field: invalid UTF-8 and control characters become '?', and
// text longer than kMaxAuditFieldBytes is cut at a character boundary and ends "...".
std::string audit_text(std::string_view text);

}  // namespace fms::ledger
