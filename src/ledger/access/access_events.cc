// Encoding, strict decoding and the stateless rules of the access and audit events (see
// access_events.h).
#include "ledger/access/access_events.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/overloaded.h"
#include "core/text.h"
#include "io/csv_fields.h"
#include "io/csv_reader.h"
#include "ledger/access/api_tokens.h"
#include "ledger/log/clock.h"
#include "ledger/log/limits.h"
#include "ledger/access/passwords.h"
#include "ledger/log/payload_reader.h"

namespace fms::ledger {
namespace {

using nlohmann::ordered_json;

bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20U || byte == 0x7FU;
}

using io::csv::in_quotes;

ordered_json optional_json(const std::optional<std::string>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

Status check_grant_shape(const Grant& grant) {
  if (grant.organisation == kAllOrganisations) return Status::Ok();
  return check_organisation_id(grant.organisation);
}

Status check_audit_field(std::string_view what, std::string_view text) {
  return check_text(what, text, TextRule{0, kMaxAuditFieldBytes, false});
}

// Decodes the fields common to role_granted and role_revoked.
Result<std::pair<std::string, Grant>> decode_grant(const PayloadReader& payload) {
  FMS_TRY(payload.only_fields({"user", "role", "organisation"}));
  FMS_ASSIGN_OR_RETURN(std::string user, payload.text("user"));
  FMS_ASSIGN_OR_RETURN(std::string role_text, payload.text("role"));
  auto role = parse_role(role_text);
  if (!role.ok()) return payload.corrupt(role.error().message);
  FMS_ASSIGN_OR_RETURN(std::string organisation, payload.text("organisation"));
  return std::make_pair(std::move(user), Grant{*role, std::move(organisation)});
}

// Decodes {"user", "reason"}, the payload of user_disabled and user_enabled.
Result<std::pair<std::string, std::string>> decode_user_reason(const PayloadReader& payload) {
  FMS_TRY(payload.only_fields({"user", "reason"}));
  FMS_ASSIGN_OR_RETURN(std::string user, payload.text("user"));
  FMS_ASSIGN_OR_RETURN(std::string reason, payload.text("reason"));
  return std::make_pair(std::move(user), std::move(reason));
}

Result<AccessEvent> decode_access_payload(const store::EventRecord& event,
                                          const PayloadReader& payload) {
  if (event.type == kOrganisationRecorded) {
    FMS_TRY(payload.only_fields({"id", "name", "customers"}));
    OrganisationRecorded decoded;
    FMS_ASSIGN_OR_RETURN(decoded.id, payload.text("id"));
    FMS_ASSIGN_OR_RETURN(decoded.name, payload.text("name"));
    FMS_ASSIGN_OR_RETURN(decoded.customers, payload.texts("customers"));
    return AccessEvent(std::move(decoded));
  }
  if (event.type == kUserAdded) {
    FMS_TRY(payload.only_fields({"user", "display_name", "password_hash"}));
    UserAdded decoded;
    FMS_ASSIGN_OR_RETURN(decoded.user, payload.text("user"));
    FMS_ASSIGN_OR_RETURN(decoded.display_name, payload.text("display_name"));
    FMS_ASSIGN_OR_RETURN(decoded.password_hash, payload.text("password_hash"));
    return AccessEvent(std::move(decoded));
  }
  if (event.type == kPasswordChanged) {
    FMS_TRY(payload.only_fields({"user", "password_hash"}));
    PasswordChanged decoded;
    FMS_ASSIGN_OR_RETURN(decoded.user, payload.text("user"));
    FMS_ASSIGN_OR_RETURN(decoded.password_hash, payload.text("password_hash"));
    return AccessEvent(std::move(decoded));
  }
  if (event.type == kUserDisabled) {
    FMS_ASSIGN_OR_RETURN(auto fields, decode_user_reason(payload));
    return AccessEvent(UserDisabled{std::move(fields.first), std::move(fields.second)});
  }
  if (event.type == kUserEnabled) {
    FMS_ASSIGN_OR_RETURN(auto fields, decode_user_reason(payload));
    return AccessEvent(UserEnabled{std::move(fields.first), std::move(fields.second)});
  }
  if (event.type == kRoleGranted) {
    FMS_ASSIGN_OR_RETURN(auto fields, decode_grant(payload));
    return AccessEvent(RoleGranted{std::move(fields.first), std::move(fields.second)});
  }
  if (event.type == kRoleRevoked) {
    FMS_ASSIGN_OR_RETURN(auto fields, decode_grant(payload));
    return AccessEvent(RoleRevoked{std::move(fields.first), std::move(fields.second)});
  }
  if (event.type == kTokenIssued) {
    FMS_TRY(payload.only_fields({"user", "token_id", "token_hash", "label", "expires_at"}));
    TokenIssued decoded;
    FMS_ASSIGN_OR_RETURN(decoded.user, payload.text("user"));
    FMS_ASSIGN_OR_RETURN(decoded.token_id, payload.text("token_id"));
    FMS_ASSIGN_OR_RETURN(decoded.token_hash, payload.text("token_hash"));
    FMS_ASSIGN_OR_RETURN(decoded.label, payload.text("label"));
    FMS_ASSIGN_OR_RETURN(decoded.expires_at, payload.optional_text("expires_at"));
    return AccessEvent(std::move(decoded));
  }
  if (event.type == kTokenRevoked) {
    FMS_TRY(payload.only_fields({"user", "token_id"}));
    TokenRevoked decoded;
    FMS_ASSIGN_OR_RETURN(decoded.user, payload.text("user"));
    FMS_ASSIGN_OR_RETURN(decoded.token_id, payload.text("token_id"));
    return AccessEvent(std::move(decoded));
  }
  return payload.corrupt("unknown access event type \"" + event.type + "\"");
}

Result<AuditEvent> decode_audit_payload(const store::EventRecord& event,
                                        const PayloadReader& payload) {
  if (event.type == kAuditLogin) {
    FMS_TRY(payload.only_fields({"user", "via", "remote"}));
    AuditLogin decoded;
    FMS_ASSIGN_OR_RETURN(decoded.user, payload.text("user"));
    FMS_ASSIGN_OR_RETURN(decoded.via, payload.text("via"));
    FMS_ASSIGN_OR_RETURN(decoded.remote, payload.text("remote"));
    return AuditEvent(std::move(decoded));
  }
  if (event.type == kAuditLoginFailed) {
    FMS_TRY(payload.only_fields({"user", "remote", "reason"}));
    AuditLoginFailed decoded;
    FMS_ASSIGN_OR_RETURN(decoded.user, payload.text("user"));
    FMS_ASSIGN_OR_RETURN(decoded.remote, payload.text("remote"));
    FMS_ASSIGN_OR_RETURN(decoded.reason, payload.text("reason"));
    return AuditEvent(std::move(decoded));
  }
  if (event.type == kAuditLoginsFailed) {
    FMS_TRY(payload.only_fields({"remote", "from", "to", "failures", "users", "reasons"}));
    AuditLoginsFailed decoded;
    FMS_ASSIGN_OR_RETURN(decoded.remote, payload.text("remote"));
    FMS_ASSIGN_OR_RETURN(decoded.from, payload.text("from"));
    FMS_ASSIGN_OR_RETURN(decoded.to, payload.text("to"));
    FMS_ASSIGN_OR_RETURN(decoded.failures, payload.integer("failures"));
    FMS_ASSIGN_OR_RETURN(decoded.users, payload.texts("users"));
    FMS_ASSIGN_OR_RETURN(decoded.reasons, payload.integer_map("reasons"));
    return AuditEvent(std::move(decoded));
  }
  if (event.type == kAuditDenied) {
    FMS_TRY(payload.only_fields({"user", "method", "path", "reason"}));
    AuditDenied decoded;
    FMS_ASSIGN_OR_RETURN(decoded.user, payload.text("user"));
    FMS_ASSIGN_OR_RETURN(decoded.method, payload.text("method"));
    FMS_ASSIGN_OR_RETURN(decoded.path, payload.text("path"));
    FMS_ASSIGN_OR_RETURN(decoded.reason, payload.text("reason"));
    return AuditEvent(std::move(decoded));
  }
  if (event.type == kAuditExported) {
    FMS_TRY(payload.only_fields({"user", "what", "format", "case"}));
    AuditExported decoded;
    FMS_ASSIGN_OR_RETURN(decoded.user, payload.text("user"));
    FMS_ASSIGN_OR_RETURN(decoded.what, payload.text("what"));
    FMS_ASSIGN_OR_RETURN(decoded.format, payload.text("format"));
    FMS_ASSIGN_OR_RETURN(decoded.case_id, payload.optional_text("case"));
    return AuditEvent(std::move(decoded));
  }
  if (event.type == kAuditLogout) {
    FMS_TRY(payload.only_fields({"user"}));
    AuditLogout decoded;
    FMS_ASSIGN_OR_RETURN(decoded.user, payload.text("user"));
    return AuditEvent(std::move(decoded));
  }
  return payload.corrupt("unknown audit event type \"" + event.type + "\"");
}

}  // namespace

std::string_view type_of(const AccessEvent& event) {
  return std::visit(Overloaded{[](const OrganisationRecorded&) { return kOrganisationRecorded; },
                               [](const UserAdded&) { return kUserAdded; },
                               [](const PasswordChanged&) { return kPasswordChanged; },
                               [](const UserDisabled&) { return kUserDisabled; },
                               [](const UserEnabled&) { return kUserEnabled; },
                               [](const RoleGranted&) { return kRoleGranted; },
                               [](const RoleRevoked&) { return kRoleRevoked; },
                               [](const TokenIssued&) { return kTokenIssued; },
                               [](const TokenRevoked&) { return kTokenRevoked; }},
                    event);
}

std::string_view type_of(const AuditEvent& event) {
  return std::visit(Overloaded{[](const AuditLogin&) { return kAuditLogin; },
                               [](const AuditLoginFailed&) { return kAuditLoginFailed; },
                               [](const AuditLoginsFailed&) { return kAuditLoginsFailed; },
                               [](const AuditDenied&) { return kAuditDenied; },
                               [](const AuditExported&) { return kAuditExported; },
                               [](const AuditLogout&) { return kAuditLogout; }},
                    event);
}

std::string encode(const AccessEvent& event) {
  ordered_json j;
  std::visit(Overloaded{[&](const OrganisationRecorded& e) {
                          j["id"] = e.id;
                          j["name"] = e.name;
                          j["customers"] = e.customers;
                        },
                        [&](const UserAdded& e) {
                          j["user"] = e.user;
                          j["display_name"] = e.display_name;
                          j["password_hash"] = e.password_hash;
                        },
                        [&](const PasswordChanged& e) {
                          j["user"] = e.user;
                          j["password_hash"] = e.password_hash;
                        },
                        [&](const UserDisabled& e) {
                          j["user"] = e.user;
                          j["reason"] = e.reason;
                        },
                        [&](const UserEnabled& e) {
                          j["user"] = e.user;
                          j["reason"] = e.reason;
                        },
                        [&](const RoleGranted& e) {
                          j["user"] = e.user;
                          j["role"] = to_string(e.grant.role);
                          j["organisation"] = e.grant.organisation;
                        },
                        [&](const RoleRevoked& e) {
                          j["user"] = e.user;
                          j["role"] = to_string(e.grant.role);
                          j["organisation"] = e.grant.organisation;
                        },
                        [&](const TokenIssued& e) {
                          j["user"] = e.user;
                          j["token_id"] = e.token_id;
                          j["token_hash"] = e.token_hash;
                          j["label"] = e.label;
                          j["expires_at"] = optional_json(e.expires_at);
                        },
                        [&](const TokenRevoked& e) {
                          j["user"] = e.user;
                          j["token_id"] = e.token_id;
                        }},
             event);
  return j.dump();
}

std::string encode(const AuditEvent& event) {
  ordered_json j;
  std::visit(Overloaded{[&](const AuditLogin& e) {
                          j["user"] = e.user;
                          j["via"] = e.via;
                          j["remote"] = e.remote;
                        },
                        [&](const AuditLoginFailed& e) {
                          j["user"] = e.user;
                          j["remote"] = e.remote;
                          j["reason"] = e.reason;
                        },
                        [&](const AuditLoginsFailed& e) {
                          j["remote"] = e.remote;
                          j["from"] = e.from;
                          j["to"] = e.to;
                          j["failures"] = e.failures;
                          j["users"] = e.users;
                          j["reasons"] = e.reasons;
                        },
                        [&](const AuditDenied& e) {
                          j["user"] = e.user;
                          j["method"] = e.method;
                          j["path"] = e.path;
                          j["reason"] = e.reason;
                        },
                        [&](const AuditExported& e) {
                          j["user"] = e.user;
                          j["what"] = e.what;
                          j["format"] = e.format;
                          j["case"] = optional_json(e.case_id);
                        },
                        [&](const AuditLogout& e) { j["user"] = e.user; }},
             event);
  return j.dump();
}

Result<AccessEvent> decode_access_event(const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(PayloadReader payload, PayloadReader::open(event, 1));
  FMS_ASSIGN_OR_RETURN(AccessEvent decoded, decode_access_payload(event, payload));
  const Status shape = check_shape(decoded);
  if (!shape.ok()) return payload.corrupt(shape.error().message);
  return decoded;
}

Result<AuditEvent> decode_audit_event(const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(PayloadReader payload, PayloadReader::open(event, 1));
  FMS_ASSIGN_OR_RETURN(AuditEvent decoded, decode_audit_payload(event, payload));
  const Status shape = check_shape(decoded);
  if (!shape.ok()) return payload.corrupt(shape.error().message);
  return decoded;
}

Status check_user_name(std::string_view name) {
  bool valid = !name.empty() && name.size() <= kMaxUserNameBytes && is_lower(name.front());
  for (const char c : name) {
    valid = valid && (is_lower(c) || is_digit(c) || c == '.' || c == '_' || c == '-');
  }
  if (valid) return Status::Ok();
  return Error::invalid("user name " + in_quotes(name) + " must be 1 to " +
                        std::to_string(kMaxUserNameBytes) +
                        " characters of a-z, 0-9, '.', '_' and '-', starting with a letter");
}

Status check_organisation_id(std::string_view id) {
  bool valid = id.size() >= kMinOrganisationIdBytes && id.size() <= kMaxOrganisationIdBytes;
  for (const char c : id) valid = valid && (is_upper(c) || is_digit(c) || c == '-');
  if (valid) return Status::Ok();
  return Error::invalid("organisation id " + in_quotes(id) + " must be " +
                        std::to_string(kMinOrganisationIdBytes) + " to " +
                        std::to_string(kMaxOrganisationIdBytes) +
                        " characters of A-Z, 0-9 and '-', e.g. JMOD");
}

Status check_customer_code(std::string_view code) {
  if (code.size() == 2 && is_upper(code[0]) && is_upper(code[1])) return Status::Ok();
  return Error::invalid("customer code " + in_quotes(code) +
                        " must be two letters A-Z, the country code that starts a case id "
                        "(JA of JA-P-TWK)");
}

Status check_free_text(std::string_view what, std::string_view text, std::size_t max_bytes) {
  return check_text(what, text, TextRule{1, max_bytes, false});
}

Status check_shape(const AccessEvent& event) {
  return std::visit(
      Overloaded{
          [](const OrganisationRecorded& e) -> Status {
            FMS_TRY(check_organisation_id(e.id));
            FMS_TRY(check_free_text("organisation name", e.name, kMaxOrganisationNameBytes));
            if (e.customers.empty() || e.customers.size() > kMaxCustomersPerOrganisation) {
              return Error::invalid("organisation " + e.id + " must name 1 to " +
                                    std::to_string(kMaxCustomersPerOrganisation) +
                                    " customer codes (it names " +
                                    std::to_string(e.customers.size()) + ")");
            }
            for (std::size_t i = 0; i < e.customers.size(); ++i) {
              FMS_TRY(check_customer_code(e.customers[i]));
              for (std::size_t j = 0; j < i; ++j) {
                if (e.customers[j] == e.customers[i]) {
                  return Error::invalid("organisation " + e.id + " names customer code " +
                                        e.customers[i] + " twice");
                }
              }
            }
            return Status::Ok();
          },
          [](const UserAdded& e) -> Status {
            FMS_TRY(check_user_name(e.user));
            FMS_TRY(check_free_text("display name", e.display_name, kMaxDisplayNameBytes));
            if (!is_password_hash(e.password_hash)) {
              return Error::invalid("the password hash of " + e.user +
                                    " is not an Argon2id string");
            }
            return Status::Ok();
          },
          [](const PasswordChanged& e) -> Status {
            FMS_TRY(check_user_name(e.user));
            if (!is_password_hash(e.password_hash)) {
              return Error::invalid("the password hash of " + e.user +
                                    " is not an Argon2id string");
            }
            return Status::Ok();
          },
          [](const UserDisabled& e) -> Status {
            FMS_TRY(check_user_name(e.user));
            return check_free_text("the reason", e.reason, kMaxReasonBytes);
          },
          [](const UserEnabled& e) -> Status {
            FMS_TRY(check_user_name(e.user));
            return check_free_text("the reason", e.reason, kMaxReasonBytes);
          },
          [](const RoleGranted& e) -> Status {
            FMS_TRY(check_user_name(e.user));
            return check_grant_shape(e.grant);
          },
          [](const RoleRevoked& e) -> Status {
            FMS_TRY(check_user_name(e.user));
            return check_grant_shape(e.grant);
          },
          [](const TokenIssued& e) -> Status {
            FMS_TRY(check_user_name(e.user));
            if (!is_token_id(e.token_id)) {
              return Error::invalid("token id " + in_quotes(e.token_id) + " is not " +
                                    std::to_string(kTokenIdHexDigits) + " lower-case hex digits");
            }
            if (!is_token_hash(e.token_hash)) {
              return Error::invalid("the hash of token " + e.token_id + " is not hex SHA-256");
            }
            FMS_TRY(check_free_text("the token label", e.label, kMaxTokenLabelBytes));
            if (e.expires_at) FMS_TRY(utc_microseconds(*e.expires_at));
            return Status::Ok();
          },
          [](const TokenRevoked& e) -> Status {
            FMS_TRY(check_user_name(e.user));
            if (!is_token_id(e.token_id)) {
              return Error::invalid("token id " + in_quotes(e.token_id) + " is not " +
                                    std::to_string(kTokenIdHexDigits) + " lower-case hex digits");
            }
            return Status::Ok();
          }},
      event);
}

Status check_shape(const AuditEvent& event) {
  return std::visit(
      Overloaded{[](const AuditLogin& e) -> Status {
                   FMS_TRY(check_audit_field("user", e.user));
                   if (e.via != "password" && e.via != "token") {
                     return Error::invalid("a login is via \"password\" or \"token\", not " +
                                           in_quotes(e.via));
                   }
                   return check_audit_field("remote", e.remote);
                 },
                 [](const AuditLoginFailed& e) -> Status {
                   FMS_TRY(check_audit_field("user", e.user));
                   FMS_TRY(check_audit_field("remote", e.remote));
                   return check_audit_field("reason", e.reason);
                 },
                 [](const AuditLoginsFailed& e) -> Status {
                   FMS_TRY(check_audit_field("remote", e.remote));
                   FMS_TRY(check_audit_field("from", e.from));
                   FMS_TRY(check_audit_field("to", e.to));
                   if (e.failures < 1) return Error::invalid("failures must be 1 or more");
                   if (e.users.size() > kMaxAuditUsers) {
                     return Error::invalid("at most " + std::to_string(kMaxAuditUsers) +
                                           " user names are kept");
                   }
                   for (const auto& user : e.users) FMS_TRY(check_audit_field("user", user));
                   for (const auto& [reason, count] : e.reasons) {
                     FMS_TRY(check_audit_field("reason", reason));
                     if (count < 1) return Error::invalid("a reason's count must be 1 or more");
                   }
                   return Status::Ok();
                 },
                 [](const AuditDenied& e) -> Status {
                   FMS_TRY(check_audit_field("user", e.user));
                   FMS_TRY(check_audit_field("method", e.method));
                   FMS_TRY(check_audit_field("path", e.path));
                   return check_audit_field("reason", e.reason);
                 },
                 [](const AuditExported& e) -> Status {
                   FMS_TRY(check_audit_field("user", e.user));
                   FMS_TRY(check_audit_field("what", e.what));
                   FMS_TRY(check_audit_field("format", e.format));
                   if (e.case_id) FMS_TRY(check_audit_field("case", *e.case_id));
                   return Status::Ok();
                 },
                 [](const AuditLogout& e) -> Status { return check_audit_field("user", e.user); }},
      event);
}

std::string audit_text(std::string_view text) {
  std::string clean;
  clean.reserve(std::min(text.size(), kMaxAuditFieldBytes));
  // Text beyond what can be kept is not looked at, so the work is bounded too.
  std::string_view rest = text.substr(0, std::min(text.size(), kMaxAuditFieldBytes + 4));
  while (!rest.empty()) {
    const std::size_t valid = io::first_invalid_utf8(rest);
    clean.append(rest.substr(0, valid));
    if (valid == rest.size()) break;
    clean += '?';
    rest.remove_prefix(valid + 1);
  }
  for (char& c : clean) {
    if (is_control(c)) c = '?';
  }
  if (text.size() <= kMaxAuditFieldBytes) return clean;
  constexpr std::string_view kCut = "...";
  std::string cut(io::csv::cut_at_character(clean, kMaxAuditFieldBytes - kCut.size()));
  return cut + std::string(kCut);
}

}  // namespace fms::ledger
