// Folding the @access stream, and the rules an access event must keep (see access_book.h).
// The commands check an event with `check` before appending it, and replay applies the same
// `check`, so what a command refuses, replay refuses as corruption.
#include "ledger/access/access_book.h"

#include <algorithm>
#include <cctype>

#include "core/overloaded.h"
#include "io/csv_fields.h"
#include "ledger/access/api_tokens.h"
#include "ledger/log/clock.h"
#include "store/event_hash.h"

namespace fms::ledger {
namespace {

using io::csv::in_quotes;

// The user an event is about; for an organisation event, the organisation's id.
const std::string& subject_of(const AccessEvent& event) {
  return std::visit(
      Overloaded{[](const OrganisationRecorded& e) -> const std::string& { return e.id; },
                 [](const auto& e) -> const std::string& { return e.user; }},
      event);
}

}  // namespace

User* AccessBook::find_user(std::string_view name) {
  auto it = users_.find(name);
  return it == users_.end() ? nullptr : &it->second;
}

const User* AccessBook::user(std::string_view name) const {
  auto it = users_.find(name);
  return it == users_.end() ? nullptr : &it->second;
}

std::vector<const User*> AccessBook::users() const {
  std::vector<const User*> out;
  out.reserve(users_.size());
  for (const auto& [name, user] : users_) out.push_back(&user);
  return out;
}

const Organisation* AccessBook::organisation(std::string_view id) const {
  auto it = organisations_.find(id);
  return it == organisations_.end() ? nullptr : &it->second;
}

std::vector<const Organisation*> AccessBook::organisations() const {
  std::vector<const Organisation*> out;
  out.reserve(organisations_.size());
  for (const auto& [id, organisation] : organisations_) out.push_back(&organisation);
  return out;
}

const Organisation* AccessBook::organisation_of_case(std::string_view case_id) const {
  if (case_id.size() < 2) return nullptr;
  std::string code(case_id.substr(0, 2));
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto it = organisation_by_customer_.find(code);
  return it == organisation_by_customer_.end() ? nullptr : organisation(it->second);
}

std::set<Role> AccessBook::roles(const User& user, std::string_view organisation) const {
  std::set<Role> held;
  if (user.disabled) return held;
  for (const Grant& grant : user.grants) {
    if (grant.organisation == organisation || grant.organisation == kAllOrganisations) {
      held.insert(grant.role);
    }
  }
  return held;
}

std::set<Role> AccessBook::roles_for_case(const User& user, std::string_view case_id) const {
  const Organisation* owner = organisation_of_case(case_id);
  // A case no organisation claims is seen only through grants over every organisation.
  return roles(user, owner != nullptr ? std::string_view(owner->id) : kAllOrganisations);
}

std::set<Role> AccessBook::all_roles_of(const User& user) const {
  std::set<Role> held;
  if (user.disabled) return held;
  for (const Grant& grant : user.grants) held.insert(grant.role);
  return held;
}

const ApiToken* AccessBook::token(std::string_view token_id) const {
  auto owner = user_by_token_.find(token_id);
  if (owner == user_by_token_.end()) return nullptr;
  const User* holder = user(owner->second);
  for (const ApiToken& token : holder->tokens) {
    if (token.token_id == token_id) return &token;
  }
  return nullptr;
}

const User* AccessBook::user_for_token(std::string_view token_text,
                                       std::string_view now_utc) const {
  const std::optional<TokenParts> parts = parse_token(token_text);
  if (!parts) return nullptr;
  const ApiToken* presented = token(parts->token_id);
  if (presented == nullptr || !token_matches(presented->token_hash, parts->token)) return nullptr;
  if (presented->revoked) return nullptr;
  if (presented->expires_at) {
    const auto now = utc_microseconds(now_utc);
    const auto expires = utc_microseconds(*presented->expires_at);
    // An unreadable "now" is the caller's bug; refusing is the safe answer.
    if (!now.ok() || !expires.ok() || *now >= *expires) return nullptr;
  }
  const User* holder = user(user_by_token_.find(parts->token_id)->second);
  return holder->disabled ? nullptr : holder;
}

Result<const User*> AccessBook::existing_user(std::string_view name) const {
  const User* found = user(name);
  if (found == nullptr) {
    return Error::not_found("no user " + in_quotes(name) +
                            " is recorded (see fmsledger user list)");
  }
  return found;
}

Status AccessBook::check(const AccessEvent& event) const {
  FMS_TRY(check_shape(event));
  if (const auto* e = std::get_if<OrganisationRecorded>(&event)) {
    for (const std::string& code : e->customers) {
      auto owner = organisation_by_customer_.find(code);
      if (owner != organisation_by_customer_.end() && owner->second != e->id) {
        return Error::conflict("customer code " + code + " already belongs to organisation " +
                               owner->second + "; a customer code belongs to one organisation, " +
                               "so restate " + owner->second + " without it first");
      }
    }
    return Status::Ok();
  }
  if (const auto* e = std::get_if<UserAdded>(&event)) {
    if (user(e->user) != nullptr) {
      return Error::conflict("user " + in_quotes(e->user) +
                             " is already recorded; user names are never reused");
    }
    return Status::Ok();
  }
  FMS_ASSIGN_OR_RETURN(const User* subject, existing_user(subject_of(event)));
  return check_user_change(event, *subject);
}

Status AccessBook::check_user_change(const AccessEvent& event, const User& subject) const {
  const std::string name = in_quotes(subject.name);
  const auto holds = [&subject](const Grant& grant) {
    return std::find(subject.grants.begin(), subject.grants.end(), grant) != subject.grants.end();
  };
  const auto find_token = [&subject](const std::string& token_id) -> const ApiToken* {
    for (const ApiToken& token : subject.tokens) {
      if (token.token_id == token_id) return &token;
    }
    return nullptr;
  };
  return std::visit(
      Overloaded{
          [&](const UserDisabled&) -> Status {
            if (subject.disabled) return Error::invalid("user " + name + " is already disabled");
            return Status::Ok();
          },
          [&](const UserEnabled&) -> Status {
            if (!subject.disabled) return Error::invalid("user " + name + " is not disabled");
            return Status::Ok();
          },
          [&](const RoleGranted& e) -> Status {
            if (e.grant.organisation != kAllOrganisations &&
                organisation(e.grant.organisation) == nullptr) {
              return Error::not_found("no organisation " + in_quotes(e.grant.organisation) +
                                      " is recorded: record it first (fmsledger org add), or "
                                      "grant over \"*\", every organisation");
            }
            if (holds(e.grant)) {
              return Error::conflict("user " + name + " already holds " + describe(e.grant));
            }
            return Status::Ok();
          },
          [&](const RoleRevoked& e) -> Status {
            if (!holds(e.grant)) {
              return Error::not_found("user " + name + " does not hold " + describe(e.grant));
            }
            return Status::Ok();
          },
          [&](const TokenIssued& e) -> Status {
            if (subject.disabled) {
              return Error::invalid("user " + name +
                                    " is disabled; enable them before issuing a token");
            }
            if (user_by_token_.count(e.token_id) != 0) {
              return Error::conflict("token id " + e.token_id + " is already recorded");
            }
            const auto unrevoked = static_cast<std::size_t>(
                std::count_if(subject.tokens.begin(), subject.tokens.end(),
                              [](const ApiToken& token) { return !token.revoked; }));
            if (unrevoked >= kMaxUnrevokedTokensPerUser) {
              return Error::invalid("user " + name + " already holds " + std::to_string(unrevoked) +
                                    " tokens not revoked, the limit; " +
                                    "revoke one first (fmsledger user token revoke)");
            }
            return Status::Ok();
          },
          [&](const TokenRevoked& e) -> Status {
            const ApiToken* token = find_token(e.token_id);
            if (token == nullptr) {
              return Error::not_found("user " + name + " has no token " + e.token_id +
                                      " (see fmsledger user list)");
            }
            if (token->revoked) {
              return Error::invalid("token " + e.token_id + " of user " + name +
                                    " is already revoked");
            }
            return Status::Ok();
          },
          // A password may be changed at any time, also while the user is disabled.
          [](const auto&) -> Status { return Status::Ok(); }},
      event);
}

Status AccessBook::apply(const store::EventRecord& event) {
  if (event.case_id != store::kAccessStream) {
    return Error::corruption(store::describe_event(event) + ": is not an event of the " +
                             std::string(store::kAccessStream) + " stream");
  }
  FMS_ASSIGN_OR_RETURN(AccessEvent decoded, decode_access_event(event));
  const Status allowed = check(decoded);
  if (!allowed.ok()) {
    return Error::corruption(store::describe_event(event) + ": " + allowed.error().message);
  }
  record(std::move(decoded), event);
  return Status::Ok();
}

void AccessBook::record(AccessEvent event, const store::EventRecord& record) {
  last_sequence_ = record.sequence;
  if (auto* e = std::get_if<OrganisationRecorded>(&event)) {
    // A restatement replaces the organisation's customers: those it no longer names are free.
    if (const Organisation* before = organisation(e->id)) {
      for (const std::string& code : before->customers) organisation_by_customer_.erase(code);
    }
    for (const std::string& code : e->customers) organisation_by_customer_[code] = e->id;
    organisations_[e->id] = Organisation{e->id, std::move(e->name), std::move(e->customers)};
    return;
  }
  if (auto* e = std::get_if<UserAdded>(&event)) {
    User added;
    added.name = e->user;
    added.display_name = std::move(e->display_name);
    added.password_hash = std::move(e->password_hash);
    added.added_at = record.recorded_at;
    users_.emplace(e->user, std::move(added));
    return;
  }
  User& subject = *find_user(subject_of(event));
  std::visit(
      Overloaded{
          [&](PasswordChanged& e) { subject.password_hash = std::move(e.password_hash); },
          [&](UserDisabled&) { subject.disabled = true; },
          [&](UserEnabled&) { subject.disabled = false; },
          [&](RoleGranted& e) {
            subject.grants.insert(
                std::upper_bound(subject.grants.begin(), subject.grants.end(), e.grant), e.grant);
          },
          [&](RoleRevoked& e) {
            subject.grants.erase(std::find(subject.grants.begin(), subject.grants.end(), e.grant));
          },
          [&](TokenIssued& e) {
            user_by_token_[e.token_id] = subject.name;
            subject.tokens.push_back(ApiToken{e.token_id, std::move(e.label),
                                              std::move(e.token_hash), record.recorded_at,
                                              std::move(e.expires_at), false});
          },
          [&](TokenRevoked& e) {
            for (ApiToken& token : subject.tokens) {
              if (token.token_id == e.token_id) token.revoked = true;
            }
          },
          [](auto&) {}},
      event);
}

Result<AccessBook> fold_access(const std::vector<store::EventRecord>& events) {
  AccessBook book;
  for (const store::EventRecord& event : events) {
    if (event.case_id != store::kAccessStream) continue;
    FMS_TRY(book.apply(event));
  }
  return book;
}

Result<AccessStreamsVerified> verify_access_streams(const std::vector<store::EventRecord>& events) {
  AccessBook book;
  AccessStreamsVerified verified;
  for (const store::EventRecord& event : events) {
    if (!event.case_id.starts_with('@')) continue;
    if (event.case_id == store::kAccessStream) {
      FMS_TRY(book.apply(event));
      ++verified.access_events;
    } else if (event.case_id == store::kAuditStream) {
      FMS_TRY(decode_audit_event(event));
      ++verified.audit_events;
    } else {
      return Error::corruption(store::describe_event(event) + ": no stream " +
                               in_quotes(event.case_id) + " exists (only " +
                               std::string(store::kAccessStream) + " and " +
                               std::string(store::kAuditStream) + ")");
    }
  }
  return verified;
}

}  // namespace fms::ledger
