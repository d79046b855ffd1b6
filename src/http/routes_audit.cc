// The audit stream and the log's verification, for auditors and administrators.
//
// An administrator or an auditor over every organisation ("*") sees all of it. One over
// some organisations sees the audit events of the people of those organisations (a user with a
// grant naming one of them), and an export only when its case is one of theirs; verify checks
// the whole hash chain (its length and head hash are what an outside copy is compared with) but
// counts only their cases and documents.
#include <nlohmann/json.hpp>

#include "http/api.h"
#include "http/problem.h"
#include "http/responses.h"

namespace fms::http {
namespace {

// The organisations the caller may audit; nullopt: every one (an auditor or administrator over
// "*"). An administrator over some organisations audits those only, like an auditor.
std::optional<std::set<std::string>> audit_reach(const Principal& principal) {
  if (principal.scope.may_everywhere(Permission::verify)) return std::nullopt;
  const auto held = principal.scope.organisations_where(Permission::verify);
  return std::set<std::string>(held.begin(), held.end());
}

bool within(const Principal& principal, const std::set<std::string>& reach,
            std::string_view case_id) {
  const ledger::Organisation* owner = principal.book->organisation_of_case(case_id);
  return owner != nullptr && reach.count(owner->id) != 0;
}

// Whether an audit event is about someone of the reach's organisations (and, for an export, a
// case of theirs).
bool audit_event_within(const Principal& principal, const std::set<std::string>& reach,
                        const store::EventRecord& event) {
  const auto payload = nlohmann::json::parse(event.payload, nullptr, false);
  if (!payload.is_object()) return false;
  const auto user_name = payload.find("user");
  if (user_name == payload.end() || !user_name->is_string()) return false;
  const ledger::User* user = principal.book->user(user_name->get<std::string>());
  if (user == nullptr ||
      std::none_of(user->grants.begin(), user->grants.end(), [&](const ledger::Grant& grant) {
        return reach.count(grant.organisation) != 0;
      })) {
    return false;
  }
  const auto case_id = payload.find("case");
  if (case_id != payload.end() && case_id->is_string() && !case_id->get<std::string>().empty()) {
    return within(principal, reach, case_id->get<std::string>());
  }
  return true;
}

Response audit(Call& call) {
  return events_page(call, [&]() -> Result<std::vector<store::EventRecord>> {
    auto events = call.api.with_reader([](ledger::Ledger& ledger, store::Store& store) {
      return ledger::AccessLedger(store, ledger.clock(), ledger::PasswordCost::minimum())
          .audit_events();
    });
    if (!events.ok()) return events.error();
    if (const auto reach = audit_reach(*call.principal)) {
      std::erase_if(*events, [&](const store::EventRecord& event) {
        return !audit_event_within(*call.principal, *reach, event);
      });
    }
    return events;
  });
}

Response verify(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  return call.api.with_reader([&](ledger::Ledger& ledger, store::Store&) {
    auto report = ledger.verify(call.principal->scope);
    if (!report.ok()) {
      if (report.error().kind == ErrorKind::corruption) {
        return json_response(
            200, OrderedJson{{"ok", false}, {"error", report.error().text(Spelling::pointer)}});
      }
      return problem_for(report.error());
    }
    const OrderedJson scope = report->whole_portfolio ? OrderedJson("all organisations")
                                                      : OrderedJson(report->organisations);
    return json_response(200, OrderedJson{{"ok", true},
                                          {"scope", scope},
                                          {"events", report->events},
                                          {"cases", report->cases},
                                          {"documents", report->documents},
                                          {"segments", report->segments},
                                          {"head_hash", report->head_hash}});
  });
}

}  // namespace

void add_audit_routes(Router& router) {
  router.add({"GET", "/api/audit", Permission::verify, Scope::none, audit});
  router.add({"GET", "/api/verify", Permission::verify, Scope::none, verify});
}

}  // namespace fms::http
