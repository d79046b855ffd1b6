#include "ledger/access/permission.h"

#include <initializer_list>

namespace fms::ledger {

std::string_view to_string(Permission permission) {
  switch (permission) {
    case Permission::anyone:
      return "anyone";
    case Permission::signed_in:
      return "signed-in";
    case Permission::read:
      return "read";
    case Permission::read_history:
      return "read-history";
    case Permission::manage_case:
      return "manage-case";
    case Permission::manage_finance:
      return "manage-finance";
    case Permission::verify:
      return "verify";
    case Permission::administer:
      return "administer";
  }
  return "?";
}

bool permits(const std::set<Role>& roles, Permission permission) {
  auto any_of = [&roles](std::initializer_list<Role> wanted) {
    for (Role role : wanted) {
      if (roles.count(role) != 0) return true;
    }
    return false;
  };
  switch (permission) {
    case Permission::anyone:
    case Permission::signed_in:
      return true;
    case Permission::read:
      return any_of({Role::viewer, Role::case_manager, Role::finance, Role::auditor});
    case Permission::read_history:
      return any_of({Role::case_manager, Role::finance, Role::auditor});
    case Permission::manage_case:
      return any_of({Role::case_manager});
    case Permission::manage_finance:
      return any_of({Role::finance});
    case Permission::verify:
      return any_of({Role::auditor, Role::admin});
    case Permission::administer:
      return any_of({Role::admin});
  }
  return false;
}

}  // namespace fms::ledger
