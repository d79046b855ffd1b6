// What a role lets its holder do (docs/api.md, "Roles"). Routes and ledger queries ask for a
// permission, never for a role: the table from roles to permissions is here and nowhere else.
#pragma once

#include <set>
#include <string_view>

#include "ledger/access/roles.h"

namespace fms::ledger {

enum class Permission {
  anyone,          // no sign-in: health, metrics, the API document, signing in
  signed_in,       // any signed-in user: their own session
  read,            // viewer, case-manager, finance, auditor
  read_history,    // case-manager, finance, auditor: the event history and as-of views
  manage_case,     // case-manager: LOA documents, transitions, deliveries, receipts, SDRs
  manage_finance,  // finance: bills, payments, exchange rates, budgets
  verify,          // auditor, admin: re-check the whole log
  administer,      // admin: users, grants, tokens, organisations
};
std::string_view to_string(Permission permission);

// Whether holding `roles` grants `permission`.
bool permits(const std::set<Role>& roles, Permission permission);

}  // namespace fms::ledger
