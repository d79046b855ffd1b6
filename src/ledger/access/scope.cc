#include "ledger/access/scope.h"

#include <algorithm>

#include "core/text.h"
#include "ledger/access/access_book.h"

namespace fms::ledger {

Result<Scope> Scope::host_operator(std::string actor, std::shared_ptr<const AccessBook> book) {
  FMS_TRY(check_text("actor", actor, TextRule{1, store::kMaxActorBytes, false}));
  return Scope(std::move(actor), true, std::move(book));
}

Scope Scope::of_user(std::shared_ptr<const AccessBook> book, std::string user) {
  return Scope(std::move(user), false, std::move(book));
}

std::set<Role> Scope::roles_for_case(std::string_view case_id) const {
  if (host_) return {ledger::all_roles().begin(), ledger::all_roles().end()};
  const User* user = book_ ? book_->user(actor_) : nullptr;
  if (user == nullptr) return {};
  return book_->roles_for_case(*user, case_id);
}

std::set<Role> Scope::all_roles() const {
  if (host_) return {ledger::all_roles().begin(), ledger::all_roles().end()};
  const User* user = book_ ? book_->user(actor_) : nullptr;
  if (user == nullptr) return {};
  return book_->all_roles_of(*user);
}

bool Scope::may(Permission permission, std::string_view case_id) const {
  return permits(roles_for_case(case_id), permission);
}

Status Scope::admit_case(std::string_view case_id, Permission permission) const {
  if (may(permission, case_id)) return Status::Ok();
  if (!may_read(case_id)) return case_not_found(case_id);
  return Error::forbidden("your roles over this case's organisation do not allow this (it needs " +
                          std::string(to_string(permission)) + ")");
}

Error case_not_found(std::string_view case_id) {
  return Error::not_found("case " + std::string(case_id) + " not found");
}

bool Scope::may_somewhere(Permission permission) const {
  return permits(all_roles(), permission);
}

bool Scope::may_everywhere(Permission permission) const {
  if (host_) return true;
  const User* user = book_ ? book_->user(actor_) : nullptr;
  if (user == nullptr) return false;
  return permits(book_->roles(*user, kAllOrganisations), permission);
}

std::vector<std::string> Scope::organisations_where(Permission permission) const {
  std::vector<std::string> ids;
  if (book_ == nullptr) return ids;
  const User* user = book_->user(actor_);
  for (const Organisation* organisation : book_->organisations()) {
    if (host_ || (user != nullptr && permits(book_->roles(*user, organisation->id), permission))) {
      ids.push_back(organisation->id);
    }
  }
  return ids;
}

std::optional<std::string> Scope::organisation_of_case(std::string_view case_id) const {
  if (book_ == nullptr) return std::nullopt;
  const Organisation* organisation = book_->organisation_of_case(case_id);
  if (organisation == nullptr) return std::nullopt;
  return organisation->id;
}

std::function<bool(const std::string&)> Scope::cases_where(Permission permission) const {
  return [scope = *this, permission](const std::string& case_id) {
    return scope.may(permission, case_id);
  };
}

bool may_administer_user(const Scope& scope, const User& user) {
  if (scope.may_everywhere(Permission::administer)) return true;
  if (user.grants.empty()) return false;
  const std::vector<std::string> held = scope.organisations_where(Permission::administer);
  return std::all_of(user.grants.begin(), user.grants.end(), [&](const Grant& grant) {
    return std::find(held.begin(), held.end(), grant.organisation) != held.end();
  });
}

bool may_administer_grant(const Scope& scope, const Grant& grant) {
  if (scope.may_everywhere(Permission::administer)) return true;
  const std::vector<std::string> held = scope.organisations_where(Permission::administer);
  return std::find(held.begin(), held.end(), grant.organisation) != held.end();
}

Result<std::optional<std::string>> finance_organisation(const Scope& scope,
                                                        const std::optional<std::string>& requested,
                                                        Permission permission) {
  const std::vector<std::string> held = scope.organisations_where(permission);
  if (requested && scope.is_host()) {
    if (scope.book() != nullptr && scope.book()->organisation(*requested) == nullptr) {
      return Error::not_found("no organisation \"" + *requested + "\" is recorded");
    }
    return std::optional<std::string>(*requested);
  }
  if (requested) {
    if (std::find(held.begin(), held.end(), *requested) == held.end()) {
      return Error::forbidden("organisation \"" + *requested +
                              "\": you hold no role there that allows this");
    }
    return std::optional<std::string>(*requested);
  }
  if (scope.may_everywhere(permission)) return std::optional<std::string>{};
  if (held.size() == 1) return std::optional<std::string>(held.front());
  if (held.empty())
    return Error::forbidden("you hold no role in any organisation that allows this");
  std::string list;
  for (const std::string& id : held) list += (list.empty() ? "" : ", ") + id;
  return Error::invalid("you act for several organisations (" + list +
                        "); say which one (organisation)");
}

}  // namespace fms::ledger
