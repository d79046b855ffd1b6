// The caller's scope: as whom a command is recorded, and which cases, documents, SDRs, budgets,
// rate series and reports it may read or change.
//
// Organisations are walls. A case belongs to the organisation that claims its customer code
// (ledger/access/access_book.h); a user holds roles over organisations (ledger/access/roles.h); what a role
// lets its holder do is a Permission (ledger/access/permission.h). Every ledger command and query that
// a front end calls on someone's behalf takes a Scope as a required argument, so no route can
// forget the check: what lies outside the scope is refused, or answered exactly as if it were
// not recorded, inside the ledger and nowhere else.
//
// A Scope is made in two ways only:
//   - Scope::of_user: a signed-in user (the HTTP API), with the roles of their grants now;
//   - Scope::host_operator: whoever runs fmsledger on the database's own host (the CLI, the
//     demo). The host is trusted (docs/architecture.md, "Threat model"): they can write the
//     database file anyway. The HTTP layer never makes one (a test greps src/http for it).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "ledger/access/permission.h"
#include "ledger/access/roles.h"
#include "store/store.h"

namespace fms::ledger {

class AccessBook;
struct User;

class Scope {
 public:
  // The operator of the database's host, recorded as `actor`: every role over every case.
  // `book` (may be null) says which organisation owns which case, for commands that record
  // something an organisation owns. The actor must be 1 to store::kMaxActorBytes bytes of
  // UTF-8 without control characters.
  static Result<Scope> host_operator(std::string actor,
                                     std::shared_ptr<const AccessBook> book = nullptr);
  // A user of `book`: the roles their grants give them (none when disabled or unknown).
  static Scope of_user(std::shared_ptr<const AccessBook> book, std::string user);

  // The name every event this scope records carries.
  [[nodiscard]] const std::string& actor() const { return actor_; }
  [[nodiscard]] bool is_host() const { return host_; }
  [[nodiscard]] const AccessBook* book() const { return book_.get(); }

  // The roles held over the case's organisation.
  [[nodiscard]] std::set<Role> roles_for_case(std::string_view case_id) const;
  // Every role held anywhere.
  [[nodiscard]] std::set<Role> all_roles() const;
  [[nodiscard]] bool may(Permission permission, std::string_view case_id) const;
  [[nodiscard]] bool may_read(std::string_view case_id) const {
    return may(Permission::read, case_id);
  }
  // The gate of every command and query about one case: OK when the scope holds `permission`
  // over it; otherwise the error of a case never recorded (case_not_found) when it may not
  // even read it, and forbidden when it reads it but may not do this.
  [[nodiscard]] Status admit_case(std::string_view case_id, Permission permission) const;
  // Whether some grant gives the permission (a route not about one case).
  [[nodiscard]] bool may_somewhere(Permission permission) const;
  // Whether the permission holds over every organisation, present and future: the host, or a
  // grant over "*". What belongs to no organisation (the shared reference rate series, a
  // reconciliation run over the whole portfolio) needs this.
  [[nodiscard]] bool may_everywhere(Permission permission) const;
  // The organisations where the permission holds, by id, sorted; every organisation of the
  // book for may_everywhere.
  [[nodiscard]] std::vector<std::string> organisations_where(Permission permission) const;
  // The organisation that owns the case; nullopt when none claims it (or there is no book).
  [[nodiscard]] std::optional<std::string> organisation_of_case(std::string_view case_id) const;
  // The cases the scope may name with `permission`, as a predicate over case ids.
  [[nodiscard]] std::function<bool(const std::string&)> cases_where(Permission permission) const;

 private:
  Scope(std::string actor, bool host, std::shared_ptr<const AccessBook> book)
      : actor_(std::move(actor)), host_(host), book_(std::move(book)) {}

  std::string actor_;
  bool host_ = false;
  std::shared_ptr<const AccessBook> book_;
};

// What a case that was never recorded reads as, word for word: a case outside the scope reads
// the same.
[[nodiscard]] Error case_not_found(std::string_view case_id);

// Administration within walls. An administrator over every organisation administers anyone
// and records organisations. One over some organisations administers only the users whose
// every grant is over those organisations (and who hold one: a user of no organisation is the
// whole system's), and grants only roles over them; any other user reads as unknown.
[[nodiscard]] bool may_administer_user(const Scope& scope, const User& user);
[[nodiscard]] bool may_administer_grant(const Scope& scope, const Grant& grant);

// Whose money a finance read or write is about: `requested` when the scope holds `permission`
// there; otherwise the one organisation where it does. nullopt stands for the whole portfolio
// (and the shared reference rate series): what a scope over every organisation gets when it
// names none. An error when the scope holds the permission in several organisations and names
// none (say which), or in none.
Result<std::optional<std::string>> finance_organisation(const Scope& scope,
                                                        const std::optional<std::string>& requested,
                                                        Permission permission);

}  // namespace fms::ledger
