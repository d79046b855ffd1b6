// Execution documents and reconciliation: importing delivery listings, receipts, DD 645 bills
// and payments (CSV request bodies, all or nothing, the same content twice recorded once), the
// documents recorded, a reconciliation run, and the discrepancies it finds.
//
// An import may name only cases of the caller's organisations; a case outside them is refused
// with the very message an unrecorded case gets. Delivery listings and receipts are the
// case manager's; bills and payments are finance's.
#include "http/api.h"
#include "http/pagination.h"
#include "http/problem.h"
#include "http/responses.h"
#include "ledger/execution/document_list.h"
#include "query/cases.h"
#include "query/records.h"
#include "query/reports.h"
#include "recon/recon.h"
#include "report/discrepancy_report.h"
#include "report/document_list.h"
#include "report/reconciliation_run.h"

namespace fms::http {
namespace {

RouteHandler import_route(ExecutionKind kind) {
  return [kind](Call& call) -> Response {
    if (auto refused =
            check_query(call.request, {"source", "supersedes", "reason", "additional"})) {
      return *refused;
    }
    if (auto refused = check_content_type(call.request, kCsv)) return *refused;
    const std::string source = call.request.query_param("source").value_or("request body");
    ledger::ExecutionImportOptions options;
    options.supersedes = call.request.query_param("supersedes");
    options.reason = call.request.query_param("reason").value_or("");
    options.additional = call.request.query_param("additional").value_or("false") == "true";
    // The server's threads already share the cores; one parsing thread per import.
    options.threads = 1;
    auto outcome = call.api.with_ledger([&](ledger::Database& database) {
      return database.execution().import_execution(kind, call.request.body, source, options,
                                                   call.principal->scope);
    });
    const std::string kind_name(to_string(kind));
    return import_answer(
        call, kind_name, outcome, [&kind_name](const ledger::ExecutionImportOutcome& done) {
          return OrderedJson{{"recorded", done.recorded},
                             {"kind", kind_name},
                             {"document_id", done.content_hash},
                             {"rows", done.rows},
                             {"cases", done.cases},
                             {"supersedes", done.superseded ? OrderedJson(*done.superseded)
                                                            : OrderedJson(nullptr)},
                             {"message", done.message}};
        });
  };
}

// The documents of the caller's cases (ledger/execution/document_list.h).
Reply list_documents(Call& call) {
  if (auto refused = check_query(call.request, {"kind", "all", "limit", "cursor"})) return *refused;
  FMS_ASSIGN_OR_RETURN(auto page, read_page(call.request, call.api.options().page_size_default,
                                            call.api.options().page_size_max));
  std::optional<ExecutionKind> only;
  if (const auto kind = call.request.query_param("kind")) {
    auto parsed = execution_kind_from_string(*kind);
    if (!parsed.ok())
      return problem(400, "query parameter \"kind\": " + parsed.error().text(Spelling::pointer));
    only = *parsed;
  }
  const bool all = call.request.query_param("all").value_or("false") == "true";
  FMS_ASSIGN_OR_RETURN(auto documents, call.api.with_query([&](query::Reader& reader) {
    return query::documents(reader, call.principal->scope, {only, all});
  }));
  const std::vector<ledger::ListedDocument>& shown = documents.rows;
  const auto [items, next] = page_of(shown, page, [](const ledger::ListedDocument& listed) {
    return numeric_key(listed.document->sequence);
  });
  OrderedJson rows = OrderedJson::array();
  for (const auto* item : items) rows.push_back(report::document_json(*item));
  return json_response(200, OrderedJson{{"documents", rows}, {"next_cursor", cursor_json(next)}});
}

Reply reconcile(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  FMS_ASSIGN_OR_RETURN(auto body, read_json_object(call.request, {"as_of"}, {}));
  const auto& fields = body;
  return call.api.with_ledger([&](ledger::Database& database) -> Reply {
    CivilDate as_of = database.today();
    if (fields.contains("as_of")) {
      auto parsed = CivilDate::parse(string_field(fields, "as_of"));
      if (!parsed.ok()) return problem(422, "/as_of: " + parsed.error().text(Spelling::pointer));
      as_of = *parsed;
    }
    FMS_ASSIGN_OR_RETURN(auto recorded,
                         database.execution().reconcile(as_of, call.principal->scope));
    // Discrepancies are counted in the caller's cases: what the run found in other
    // organisations' cases is theirs.
    FMS_ASSIGN_OR_RETURN(auto run, call.api.with_query([&](query::Reader& reader) {
      return query::reconciliation_run(reader, call.principal->scope, recorded);
    }));
    return json_response(201, report::reconciliation_run_json(run));
  });
}

Reply discrepancies(Call& call) {
  if (auto refused = check_query(call.request, {"as_of", "case", "type", "limit", "cursor"})) {
    return *refused;
  }
  FMS_ASSIGN_OR_RETURN(auto page, read_page(call.request, call.api.options().page_size_default,
                                            call.api.options().page_size_max));
  report::DiscrepancyFilter filter;
  if (const auto type = call.request.query_param("type")) {
    auto parsed = recon::discrepancy_type_from_string(*type);
    if (!parsed.ok())
      return problem(400, "query parameter \"type\": " + parsed.error().text(Spelling::pointer));
    filter.type = *parsed;
  }
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    if (const auto case_text = call.request.query_param("case")) {
      auto case_id = reader.normalise_case_id(*case_text);
      if (!case_id.ok()) {
        return problem(400, "query parameter \"case\": " + case_id.error().text(Spelling::pointer));
      }
      // Answered as every case route answers a case the caller does not read (Api::admit_to_case).
      FMS_ASSIGN_OR_RETURN(const bool readable,
                           query::case_readable(reader, call.principal->scope, *case_id));
      if (!readable) return ledger::case_not_found(*case_id);
      filter.case_id = *case_id;
    }
    FMS_ASSIGN_OR_RETURN(auto as_of, date_query(call.request, "as_of"));
    FMS_ASSIGN_OR_RETURN(auto read, query::discrepancies(reader, call.principal->scope,
                                                         as_of.value_or(reader.today()), filter));
    report::DiscrepancyReport& built = read;
    // Rows are in a stable order (case, line, type, document): their position is their key.
    std::vector<std::size_t> positions(built.rows.size());
    for (std::size_t i = 0; i < positions.size(); ++i) positions[i] = i;
    const auto [items, next] = page_of(
        positions, page, [](std::size_t i) { return numeric_key(static_cast<std::int64_t>(i)); });
    std::vector<recon::Discrepancy> selected;
    for (const auto* i : items) selected.push_back(built.rows[*i]);
    built.rows = std::move(selected);
    OrderedJson body = report::discrepancy_json(built);
    body["next_cursor"] = cursor_json(next);
    return json_response(200, body);
  });
}

}  // namespace

void add_execution_routes(Router& router) {
  router.add({"POST", "/api/imports/delivery-listings", Permission::manage_case, Scope::portfolio,
              import_route(ExecutionKind::delivery_listing)});
  router.add({"POST", "/api/imports/receipts", Permission::manage_case, Scope::portfolio,
              import_route(ExecutionKind::receipts)});
  router.add({"POST", "/api/imports/bills", Permission::manage_finance, Scope::portfolio,
              import_route(ExecutionKind::bill)});
  router.add({"POST", "/api/imports/payments", Permission::manage_finance, Scope::portfolio,
              import_route(ExecutionKind::payments)});
  router.add({"GET", "/api/documents", Permission::read, Scope::portfolio, list_documents});
  router.add({"POST", "/api/reconciliation", Permission::manage_case, Scope::portfolio, reconcile});
  router.add({"GET", "/api/discrepancies", Permission::read, Scope::portfolio, discrepancies});
}

}  // namespace fms::http
