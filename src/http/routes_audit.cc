// The audit stream and the log's verification, for auditors and administrators.
//
// An administrator or an auditor over every organisation ("*") sees all of it. One over
// some organisations sees the audit events of the people of those organisations (a user with a
// grant naming one of them), and an export only when its case is one of theirs; verify checks
// the whole hash chain (its length and head hash are what an outside copy is compared with) but
// counts only their cases and documents.
#include "http/api.h"
#include "http/problem.h"
#include "http/responses.h"
#include "query/records.h"

namespace fms::http {
namespace {

Reply audit(Call& call) {
  return events_page(call, [&] {
    return call.api.with_query(
        [&](query::Reader& reader) { return query::audit_events(reader, call.principal->scope); });
  });
}

Reply verify(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    auto report = query::verify(reader, call.principal->scope, std::nullopt);
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
