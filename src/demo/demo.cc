// Plays examples/demo.json (embedded) through the same ledger commands a user would run.
// Step kinds, each an object with one key:
//   {"organisation": {"id": ..., "name": ..., "customers": [...]}}        a purchasing organisation
//   {"user": {"name": ..., "display_name": ..., "password": ...}}         a user
//   {"grant": {"user": ..., "role": ..., "organisation": ...}}            a role over an
//   organisation
//   {"import": "cases/x/00-basic.json"}                                   an LOA document
//   {"transition": {"case": ..., "to": ..., "date": ..., "reason": ...}}  a status change
//   {"import-execution": {"kind": "receipts", "file": "execution/x.csv"}} an execution document
//   {"reconcile": {"as_of": "2026-10-31"}}                                a reconciliation run
//   {"import-rates": "rates/usd-jpy-2023-2026.csv"}                       an exchange-rate series
//   {"import-budget": "budget/jmod-fms-budget.json"}                      a budget document
#include "demo/demo.h"

#include <nlohmann/json.hpp>

#include "demo/demo_files.h"

namespace fms::demo {

using namespace fms::ledger;  // the demo plays the ledger's own commands
namespace {

Result<std::string_view> embedded(const std::string& name) {
  for (const auto& file : files::embedded_files()) {
    if (file.name == name) return file.content;
  }
  return Error::internal("demo file " + name + " is not embedded in this build");
}

std::string text_field(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

Result<ExecutionKind> import_execution_step(ledger::ExecutionLedger& ledger,
                                            const nlohmann::json& step, const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(ExecutionKind kind, execution_kind_from_string(text_field(step, "kind")));
  const std::string name = text_field(step, "file");
  FMS_ASSIGN_OR_RETURN(std::string_view text, embedded(name));
  FMS_ASSIGN_OR_RETURN(auto outcome,
                       ledger.import_execution(kind, text, "examples/" + name, {}, scope));
  // A demo file that imports as "already recorded" would mean the script lists it twice.
  if (!outcome.recorded) return Error::internal("demo file " + name + " is listed twice");
  return kind;
}

Status organisation_step(ledger::AccessLedger& access, const nlohmann::json& step,
                         const std::string& actor) {
  Organisation organisation{text_field(step, "id"), text_field(step, "name"), {}};
  const auto customers = step.is_object() ? step.find("customers") : step.end();
  if (customers == step.end() || !customers->is_array()) {
    return Error::internal("an organisation step names no customers");
  }
  for (const auto& code : *customers) {
    organisation.customers.push_back(code.is_string() ? code.get<std::string>() : "");
  }
  return access.record_organisation(organisation, actor);
}

Status user_step(ledger::AccessLedger& access, const nlohmann::json& step,
                 const std::string& actor) {
  return access.add_user(text_field(step, "name"), text_field(step, "display_name"),
                         text_field(step, "password"), actor);
}

Status grant_step(ledger::AccessLedger& access, const nlohmann::json& step,
                  const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(Role role, parse_role(text_field(step, "role")));
  return access.grant(text_field(step, "user"), Grant{role, text_field(step, "organisation")},
                      actor);
}

Result<ReconciliationRecorded> reconcile_step(ledger::ExecutionLedger& ledger,
                                              const nlohmann::json& step, const Scope& scope) {
  FMS_ASSIGN_OR_RETURN(CivilDate as_of, CivilDate::parse(text_field(step, "as_of")));
  return ledger.reconcile(as_of, scope);
}

}  // namespace

Result<DemoReport> load_demo(Database& database, const std::string& actor) {
  ledger::AccessLedger& access = database.access();
  FMS_ASSIGN_OR_RETURN(const Scope host, Scope::host_operator(actor));
  FMS_ASSIGN_OR_RETURN(auto existing, database.cases().list_cases({}, host));
  if (!existing.empty()) {
    return Error::conflict("the database already holds " + std::to_string(existing.size()) +
                           " cases; the demo loads into an empty database (give " + mention("db") +
                           " a new file)");
  }
  FMS_ASSIGN_OR_RETURN(std::string_view script_text, embedded("demo.json"));
  const nlohmann::json script = nlohmann::json::parse(script_text, nullptr, false);
  if (script.is_discarded() || !script.contains("steps") || !script["steps"].is_array()) {
    return Error::internal("examples/demo.json is not a valid demo script");
  }
  // Case steps need no access book (the host may act on every case); steps whose documents
  // belong to an organisation take a host scope with the book as it is then.
  DemoReport report;
  std::size_t index = 0;
  for (const auto& step : script["steps"]) {
    const std::string where = "examples/demo.json: /steps/" + std::to_string(index++);
    if (step.contains("organisation")) {
      const Status recorded = organisation_step(access, step["organisation"], actor);
      if (!recorded.ok()) return recorded.error().at(where);
      ++report.organisations;
    } else if (step.contains("user")) {
      const Status added = user_step(access, step["user"], actor);
      if (!added.ok()) return added.error().at(where);
      ++report.users;
    } else if (step.contains("grant")) {
      const Status granted = grant_step(access, step["grant"], actor);
      if (!granted.ok()) return granted.error().at(where);
      ++report.grants;
    } else if (step.contains("import")) {
      const std::string name = step["import"].get<std::string>();
      FMS_ASSIGN_OR_RETURN(std::string_view text, embedded(name));
      auto outcome = database.cases().import_document(text, "examples/" + name, host);
      if (!outcome.ok()) return outcome.error().at(where);
      ++report.documents;
    } else if (step.contains("transition")) {
      const auto& t = step["transition"];
      auto to = case_status_from_string(t.value("to", ""));
      auto date = CivilDate::parse(t.value("date", ""));
      if (!to.ok()) return to.error().at(where);
      if (!date.ok()) return date.error().at(where);
      auto change = database.cases().transition(
          t.value("case", ""), *to, *date, t.value("reason", ""), host, t.value("override", ""));
      if (!change.ok()) return change.error().at(where);
      ++report.transitions;
    } else if (step.contains("import-execution")) {
      FMS_ASSIGN_OR_RETURN(Scope scope, access.host_scope(actor));
      auto imported = import_execution_step(database.execution(), step["import-execution"], scope);
      if (!imported.ok()) return imported.error().at(where);
      ++report.execution_documents;
      ++report.execution_documents_by_kind[*imported];
    } else if (step.contains("import-rates")) {
      const std::string name = step["import-rates"].get<std::string>();
      FMS_ASSIGN_OR_RETURN(std::string_view text, embedded(name));
      FMS_ASSIGN_OR_RETURN(Scope scope, access.host_scope(actor));
      auto outcome = database.money().import_rates(text, "examples/" + name, std::nullopt, scope);
      if (!outcome.ok()) return outcome.error().at(where);
      ++report.rate_documents;
    } else if (step.contains("import-budget")) {
      const std::string name = step["import-budget"].get<std::string>();
      FMS_ASSIGN_OR_RETURN(std::string_view text, embedded(name));
      FMS_ASSIGN_OR_RETURN(Scope scope, access.host_scope(actor));
      auto outcome = database.money().import_budget(text, "examples/" + name, {}, scope);
      if (!outcome.ok()) return outcome.error().at(where);
      ++report.budget_documents;
    } else if (step.contains("reconcile")) {
      FMS_ASSIGN_OR_RETURN(Scope scope, access.host_scope(actor));
      auto reconciled = reconcile_step(database.execution(), step["reconcile"], scope);
      if (!reconciled.ok()) return reconciled.error().at(where);
      ++report.reconciliations;
      report.last_reconciliation = std::move(*reconciled);
    } else {
      return Error::internal(where + ": unknown demo step");
    }
  }
  return report;
}

}  // namespace fms::demo
