// Role names as users type them and events store them.
#include "ledger/access/roles.h"

namespace fms::ledger {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::viewer:
      return "viewer";
    case Role::case_manager:
      return "case-manager";
    case Role::finance:
      return "finance";
    case Role::auditor:
      return "auditor";
    case Role::admin:
      return "admin";
  }
  return "unknown";
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles{Role::viewer, Role::case_manager, Role::finance,
                                       Role::auditor, Role::admin};
  return roles;
}

Result<Role> parse_role(std::string_view text) {
  std::string valid;
  for (const Role role : all_roles()) {
    if (to_string(role) == text) return role;
    valid += (valid.empty() ? "" : ", ") + std::string(to_string(role));
  }
  return Error::invalid("unknown role \"" + std::string(text) + "\": one of " + valid);
}

std::string describe(const Grant& grant) {
  return std::string(to_string(grant.role)) + " of " +
         (grant.organisation == kAllOrganisations ? std::string("every organisation")
                                                  : grant.organisation);
}

}  // namespace fms::ledger
