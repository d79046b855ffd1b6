// The access commands (see access_ledger.h). Each checks what it can before the slow part
// (hashing a password), then checks the whole event against the book and appends it.
#include "ledger/access/access_ledger.h"

#include "io/csv_fields.h"
#include "store/event_hash.h"

namespace fms::ledger {
namespace {

constexpr std::string_view kAnonymous = "anonymous";

// The actor of an audit record: the user as they named themselves, within the store's limit.
std::string audit_actor(const std::string& user) {
  const std::string clean = audit_text(user);
  if (clean.empty()) return std::string(kAnonymous);
  return std::string(io::csv::cut_at_character(clean, store::kMaxActorBytes));
}

}  // namespace

Result<AccessBook> AccessLedger::load() {
  store::EventQuery query;
  query.case_id = std::string(store::kAccessStream);
  FMS_ASSIGN_OR_RETURN(auto events, store_.read_events(query));
  return fold_access(events);
}

Result<Scope> AccessLedger::host_scope(const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(AccessBook book, load());
  return Scope::host_operator(actor, std::make_shared<const AccessBook>(std::move(book)));
}

Status AccessLedger::commit(const AccessBook& book, const AccessEvent& event,
                            const std::string& actor) {
  FMS_TRY(book.check(event));
  store::NewEvent next{clock_.timestamp(),          actor, std::string(store::kAccessStream),
                       std::string(type_of(event)), 1,     encode(event)};
  // The book after the event, exactly as replay will fold it; a refusal here is a bug in the
  // encoding, never something the user can cause.
  AccessBook after = book;
  const store::EventRecord provisional{book.last_sequence() + 1,
                                       next.recorded_at,
                                       next.actor,
                                       next.case_id,
                                       next.type,
                                       next.type_version,
                                       next.payload,
                                       {},
                                       {}};
  const Status folded = after.apply(provisional);
  if (!folded.ok()) {
    return Error::internal("access event refused by its own fold: " + folded.error().message);
  }
  store::AppendRequest request;
  request.expected_last_sequence[std::string(store::kAccessStream)] = book.last_sequence();
  request.events.push_back(std::move(next));
  FMS_TRY(store_.append(request));
  return Status::Ok();
}

Status AccessLedger::record_organisation(const Organisation& organisation,
                                         const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(AccessBook book, load());
  if (const Organisation* recorded = book.organisation(organisation.id)) {
    if (recorded->name == organisation.name && recorded->customers == organisation.customers) {
      return Status::Ok();
    }
  }
  return commit(book,
                OrganisationRecorded{organisation.id, organisation.name, organisation.customers},
                actor);
}

Status AccessLedger::add_user(const std::string& name, const std::string& display_name,
                              std::string_view password, const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(AccessBook book, load());
  // Everything but the hash is checked before the deliberately slow hashing.
  FMS_TRY(check_user_name(name));
  FMS_TRY(check_free_text("display name", display_name, kMaxDisplayNameBytes));
  if (book.user(name) != nullptr) {
    return Error::conflict("user \"" + name +
                           "\" is already recorded; user names are never reused");
  }
  FMS_ASSIGN_OR_RETURN(std::string hash, hash_password(password, cost_));
  return commit(book, UserAdded{name, display_name, std::move(hash)}, actor);
}

Status AccessLedger::set_password(const std::string& name, std::string_view password,
                                  const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(AccessBook book, load());
  FMS_TRY(check_user_name(name));
  if (book.user(name) == nullptr) {
    return Error::not_found("no user \"" + name + "\" is recorded (see fmsledger user list)");
  }
  FMS_ASSIGN_OR_RETURN(std::string hash, hash_password(password, cost_));
  return commit(book, PasswordChanged{name, std::move(hash)}, actor);
}

Status AccessLedger::disable_user(const std::string& name, const std::string& reason,
                                  const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(AccessBook book, load());
  return commit(book, UserDisabled{name, reason}, actor);
}

Status AccessLedger::enable_user(const std::string& name, const std::string& reason,
                                 const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(AccessBook book, load());
  return commit(book, UserEnabled{name, reason}, actor);
}

Status AccessLedger::grant(const std::string& name, const Grant& grant, const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(AccessBook book, load());
  return commit(book, RoleGranted{name, grant}, actor);
}

Status AccessLedger::revoke(const std::string& name, const Grant& grant, const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(AccessBook book, load());
  return commit(book, RoleRevoked{name, grant}, actor);
}

Result<IssuedToken> AccessLedger::issue_token(const std::string& name, const std::string& label,
                                              std::optional<std::string> expires_at,
                                              const std::string& actor) {
  if (expires_at) {
    auto expires = utc_microseconds(*expires_at);
    if (!expires.ok()) return expires.error().at("the token's expiry");
    FMS_ASSIGN_OR_RETURN(std::int64_t now, utc_microseconds(clock_.timestamp()));
    if (*expires <= now) {
      return Error::invalid("the token's expiry " + *expires_at +
                            " is not in the future; a token must be usable when issued");
    }
  }
  FMS_ASSIGN_OR_RETURN(AccessBook book, load());
  IssuedToken issued = generate_token();
  // 64 random bits make a collision with a recorded id all but impossible; if one happens,
  // drawing again is the answer, not an error.
  for (int attempt = 0; attempt < 8 && book.token(issued.token_id) != nullptr; ++attempt) {
    issued = generate_token();
  }
  FMS_TRY(commit(
      book,
      TokenIssued{name, issued.token_id, token_hash(issued.token), label, std::move(expires_at)},
      actor));
  return issued;
}

Status AccessLedger::revoke_token(const std::string& name, const std::string& token_id,
                                  const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(AccessBook book, load());
  return commit(book, TokenRevoked{name, token_id}, actor);
}

Status AccessLedger::append_audit(const std::string& user, const AuditEvent& event) {
  // A bug in the callers, not bad input: audit_text has made every field fit.
  const Status shape = check_shape(event);
  if (!shape.ok()) return Error::internal("audit record refused: " + shape.error().message);
  store::AppendRequest request;
  request.events.push_back(store::NewEvent{clock_.timestamp(), audit_actor(user),
                                           std::string(store::kAuditStream),
                                           std::string(type_of(event)), 1, encode(event)});
  FMS_TRY(store_.append(request));
  return Status::Ok();
}

Status AccessLedger::record_login(const std::string& user, std::string_view via,
                                  const std::string& remote) {
  if (via != "password" && via != "token") {
    return Error::invalid("a login is via \"password\" or \"token\", not \"" + audit_text(via) +
                          "\"");
  }
  return append_audit(user, AuditLogin{audit_text(user), std::string(via), audit_text(remote)});
}

Status AccessLedger::record_login_failed(const std::string& user, const std::string& remote,
                                         const std::string& reason) {
  return append_audit(user,
                      AuditLoginFailed{audit_text(user), audit_text(remote), audit_text(reason)});
}

Status AccessLedger::record_logins_failed(AuditLoginsFailed summary) {
  summary.remote = audit_text(summary.remote);
  for (auto& user : summary.users) user = audit_text(user);
  if (summary.users.size() > kMaxAuditUsers) summary.users.resize(kMaxAuditUsers);
  std::map<std::string, std::int64_t> reasons;
  for (const auto& [reason, count] : summary.reasons) reasons[audit_text(reason)] += count;
  summary.reasons = std::move(reasons);
  return append_audit("", summary);
}

Status AccessLedger::record_logout(const std::string& user) {
  return append_audit(user, AuditLogout{audit_text(user)});
}

Status AccessLedger::record_denied(const std::string& user, const std::string& method,
                                   const std::string& path, const std::string& reason) {
  return append_audit(user, AuditDenied{audit_text(user), audit_text(method), audit_text(path),
                                        audit_text(reason)});
}

Status AccessLedger::record_export(const std::string& user, const std::string& what,
                                   const std::string& format, const std::string& case_id) {
  std::optional<std::string> about;
  if (!case_id.empty()) about = audit_text(case_id);
  return append_audit(user,
                      AuditExported{audit_text(user), audit_text(what), audit_text(format), about});
}

Result<std::vector<store::EventRecord>> AccessLedger::audit_events() {
  store::EventQuery query;
  query.case_id = std::string(store::kAuditStream);
  return store_.read_events(query);
}

}  // namespace fms::ledger
