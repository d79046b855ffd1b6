// Roles and grants: what a user may do, and over which purchasing organisation.
//
// A role is a job, not a permission list: which routes each role may use is the front end's
// table (the HTTP server's). What each is meant for:
//   viewer        reads cases and reports;
//   case-manager  records LOA documents, status changes and execution documents, raises SDRs;
//   finance       records rates, budgets and payments, exports the finance reports;
//   auditor       reads everything, including the history and the audit stream;
//   admin         manages users, organisations, grants and tokens.
// A grant is a role over one organisation (ledger/access/access_book.h), or over every organisation
// ("*": an auditor of the whole portfolio, the system's administrator). A user holds any number
// of grants; what they may do on a case is the union of the roles of the grants that cover the
// case's organisation.
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace fms::ledger {

enum class Role { viewer, case_manager, finance, auditor, admin };

std::string_view to_string(Role role);  // "viewer", "case-manager", "finance", "auditor", "admin"
// The role named `text`; the error lists the valid roles.
Result<Role> parse_role(std::string_view text);
// Every role, in the order above.
const std::vector<Role>& all_roles();

// The organisation of a grant over every organisation. Never a valid organisation id.
inline constexpr std::string_view kAllOrganisations = "*";

struct Grant {
  Role role;
  std::string organisation;  // an organisation id, or kAllOrganisations
  friend auto operator<=>(const Grant&, const Grant&) = default;
};

// "case-manager of JMOD", "auditor of every organisation".
std::string describe(const Grant& grant);

}  // namespace fms::ledger
