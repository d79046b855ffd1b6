// Commands on the access streams: administering users, organisations, grants and API tokens
// ("@access"), and recording what happened at the door ("@audit").
//
// An administrative command works like a case command: it folds the @access stream into an
// AccessBook, checks the change against it (AccessBook::check), and appends one event with the
// stream's last sequence as the optimistic expectation, so two administrators changing users
// at once cannot both act on a stale book; the second is refused as a conflict. Audit records
// are appended with no expectation: a login must never make an administrator's command
// conflict, and two logins never conflict with each other.
//
// This layer does not decide who may run a command: the actor is recorded, and the front end
// (the HTTP server, through the roles the book answers) decides whether the actor may. The CLI
// runs with the operating system's access to the database file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "ledger/access/access_book.h"
#include "ledger/access/api_tokens.h"
#include "ledger/log/clock.h"
#include "ledger/access/passwords.h"
#include "ledger/access/roles.h"
#include "ledger/access/scope.h"
#include "store/store.h"

namespace fms::ledger {

struct LoginAttempt {
  std::string user;
  std::string remote;
};

class AccessLedger {
 public:
  AccessLedger(store::Store& store, Clock clock, PasswordCost cost)
      : store_(store), clock_(std::move(clock)), cost_(cost) {}

  Result<AccessBook> load();  // folds @access
  // The scope of whoever runs fmsledger on the database's own host (the CLI, the demo), recorded
  // as `actor`, with the book as it is now (ledger/access/scope.h). Never for a remote caller.
  Result<Scope> host_scope(const std::string& actor);

  // Records a new organisation, or restates one (its name and customers). A restatement
  // identical to what is recorded changes nothing.
  Status record_organisation(const Organisation& organisation, const std::string& actor);
  // The password is checked (check_password_rules) and hashed at this ledger's cost; only the
  // hash is recorded.
  Status add_user(const std::string& name, const std::string& display_name,
                  std::string_view password, const std::string& actor);
  Status set_password(const std::string& name, std::string_view password, const std::string& actor);
  Status disable_user(const std::string& name, const std::string& reason, const std::string& actor);
  Status enable_user(const std::string& name, const std::string& reason, const std::string& actor);
  // Granting a grant the user holds is an error saying so; so is revoking one they do not.
  Status grant(const std::string& name, const Grant& grant, const std::string& actor);
  Status revoke(const std::string& name, const Grant& grant, const std::string& actor);
  // A new token for the user; its text is in the result and nowhere else. `expires_at` is a UTC
  // time ("2027-01-01T00:00:00Z") after now; none: valid until revoked.
  Result<IssuedToken> issue_token(const std::string& name, const std::string& label,
                                  std::optional<std::string> expires_at, const std::string& actor);
  Status revoke_token(const std::string& name, const std::string& token_id,
                      const std::string& actor);

  // Audit records (@audit stream, no concurrency expectation). Text fields are made fit with
  // audit_text (access_events.h): cut to kMaxAuditFieldBytes, never refused for their length.
  // The actor is the user as named (cut to store::kMaxActorBytes; "anonymous" when empty).
  Status record_login(const std::string& user, std::string_view via, const std::string& remote);
  // The failed sign-ins of one source in one window (AuditLoginsFailed; fields made fit here).
  Status record_logins_failed(AuditLoginsFailed summary);
  Status record_login_failed(const std::string& user, const std::string& remote,
                             const std::string& reason);
  Status record_logout(const std::string& user);
  Status record_denied(const std::string& user, const std::string& method, const std::string& path,
                       const std::string& reason);
  // `case_id` empty: the export is not about one case.
  Status record_export(const std::string& user, const std::string& what, const std::string& format,
                       const std::string& case_id);
  Result<std::vector<store::EventRecord>> audit_events();  // the @audit stream, in order

  [[nodiscard]] const Clock& clock() const { return clock_; }
  [[nodiscard]] const PasswordCost& password_cost() const { return cost_; }

 private:
  // Checks `event` against `book` and appends it to @access, expecting the book's last event.
  Status commit(const AccessBook& book, const AccessEvent& event, const std::string& actor);
  Status append_audit(const std::string& user, const AuditEvent& event);

  store::Store& store_;
  Clock clock_;
  PasswordCost cost_;
};

}  // namespace fms::ledger
