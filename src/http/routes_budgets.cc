// Budget documents: importing one (fmsledger.budget/1 JSON body, docs/formats/budget.md) and the
// document in force on a date.
//
// A budget is one organisation's book. An import may name only cases of organisations where the
// caller may manage finance; any other case is refused with the very message an unrecorded case
// gets. The document in force is the caller's organisation's (?organisation= when they act for
// several); another organisation's book is never in force for them (ledger/access/scope.h).
#include <algorithm>

#include "http/api.h"
#include "http/problem.h"
#include "http/responses.h"
#include "io/budget_json.h"
#include "query/finance.h"
#include "report/finance_reports.h"

namespace fms::http {
namespace {

Reply budget_in_force(Call& call) {
  if (auto refused = check_query(call.request, {"as_of", "organisation"})) return *refused;
  FMS_ASSIGN_OR_RETURN(auto as_of, date_query(call.request, "as_of"));
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    const CivilDate date = as_of.value_or(reader.today());
    FMS_ASSIGN_OR_RETURN(auto in_force,
                         query::budget_in_force(reader, call.principal->scope, date,
                                                call.request.query_param("organisation")));
    if (!in_force) return problem(404, "no budget document is in force on " + date.to_string());
    return json_response(200, report::budget_in_force_json(*in_force));
  });
}

Reply import_budget(Call& call) {
  if (auto refused = check_import(call.request, {"source", "organisation"}, kJson,
                                  io::kMaxBudgetDocumentBytes, "a budget document")) {
    return *refused;
  }
  // JSON that does not parse is a malformed request; the ledger judges the document itself.
  FMS_ASSIGN_OR_RETURN(auto parsed, read_json_body(call.request));
  const std::string source = call.request.query_param("source").value_or("request body");
  ledger::BudgetImportOptions options;
  options.organisation = call.request.query_param("organisation");
  auto outcome = call.api.with_ledger([&](ledger::Database& database) {
    return database.money().import_budget(call.request.body, source, options, call.principal->scope);
  });
  return import_answer(call, "budget", outcome, [](const ledger::BudgetImportOutcome& done) {
    return OrderedJson{{"recorded", done.recorded},
                       {"document_id", done.content_hash},
                       {"effective_date", done.effective_date.to_string()},
                       {"message", done.message}};
  });
}

}  // namespace

void add_budget_routes(Router& router) {
  router.add({"POST", "/api/budgets", Permission::manage_finance, Scope::portfolio, import_budget});
  router.add({"GET", "/api/budgets/in-force", Permission::read, Scope::portfolio, budget_in_force});
}

}  // namespace fms::http
