// Cases: the portfolio list, one case (as of a date or a recorded moment), its versions and
// their differences, lifecycle transitions, the 36(b) check, its history, and LOA documents.
//
// A case write names the state it was decided on: GET gives an ETag, a write must send it back
// in If-Match (428 without one, 412 when the case has changed since), so two editors cannot
// overwrite each other without noticing.
#include <charconv>

#include "core/loa_rules.h"
#include "core/notification.h"
#include "http/api.h"
#include "http/pagination.h"
#include "http/problem.h"
#include "http/responses.h"
#include "io/loa_json.h"
#include "query/cases.h"
#include "report/case_views.h"

namespace fms::http {
namespace {

std::string etag_of(const std::string& case_id, std::int64_t last_sequence) {
  return "\"" + case_id + "@" + std::to_string(last_sequence) + "\"";
}

std::string etag_of(const ledger::CaseState& state) {
  return etag_of(state.case_id, state.last_sequence);
}

// The as-of selection of a read: ?as_of=YYYY-MM-DD and/or ?as_recorded=UTC timestamp.
Answer<ledger::AsOf> read_as_of(const Request& request) {
  ledger::AsOf as_of;
  if (const auto date = request.query_param("as_of")) {
    auto parsed = CivilDate::parse(*date);
    if (!parsed.ok())
      return problem(400, "query parameter \"as_of\": " + parsed.error().text(Spelling::pointer));
    as_of.business_date = *parsed;
  }
  if (const auto recorded = request.query_param("as_recorded")) as_of.recorded_at_most = *recorded;
  return as_of;
}

Answer<int> read_version(const std::string& text, const char* what) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) {
    return problem(
        400, std::string(what) + ": \"" + text + "\" is not a version number (0 = Basic LOA)");
  }
  return value;
}

// A write on a case names the state it was decided on: the If-Match of the case's ETag.
Answer<std::string> required_if_match(Call& call) {
  const auto if_match = call.request.header("if-match");
  if (!if_match) {
    return problem(428, "a change of a case needs If-Match with the case's ETag (GET /api/cases/" +
                            call.param("case_id") + ")");
  }
  return std::string(*if_match);
}

// A 412 when the case changed since the client read it.
std::optional<Response> stale(const ledger::CaseState& state, const std::string& if_match) {
  if (if_match == etag_of(state)) return std::nullopt;
  return problem(412, "case " + state.case_id + " has changed since " + if_match + "; it is now " +
                          etag_of(state) + ". Read it again and retry");
}

OrderedJson override_json(const std::optional<ledger::GuardOverride>& taken) {
  if (!taken) return nullptr;
  return OrderedJson{{"reason", taken->reason}, {"missing", taken->missing}};
}

Reply list_cases(Call& call) {
  if (auto refused = check_query(call.request, {"status", "customer", "limit", "cursor"})) {
    return *refused;
  }
  FMS_ASSIGN_OR_RETURN(auto page, read_page(call.request, call.api.options().page_size_default,
                                            call.api.options().page_size_max));
  ledger::CaseFilter filter;
  if (const auto status = call.request.query_param("status")) {
    auto parsed = case_status_from_string(*status);
    if (!parsed.ok())
      return problem(400, "query parameter \"status\": " + parsed.error().text(Spelling::pointer));
    filter.status = *status;
  }
  if (const auto customer = call.request.query_param("customer")) filter.customer = *customer;
  FMS_ASSIGN_OR_RETURN(auto rows, call.api.with_query([&](query::Reader& reader) {
    return query::portfolio(reader, call.principal->scope, filter);
  }));
  const auto [items, next] =
      page_of(rows, page, [](const ledger::CaseSummaryRow& row) { return row.case_id; });
  OrderedJson body = report::case_list_json(copies(items));
  body["next_cursor"] = cursor_json(next);
  return json_response(200, body);
}

Reply import_loa(Call& call) {
  if (auto refused = check_import(call.request, {"source"}, kJson, io::kMaxLoaDocumentBytes,
                                  "an LOA document")) {
    return *refused;
  }
  const std::string source = call.request.query_param("source").value_or("request body");
  FMS_ASSIGN_OR_RETURN(auto parsed,
                       io::parse_loa_version(call.request.body, source, call.api.reference()));
  const std::string case_id = parsed.case_id.to_string();
  // Refused here as well as in the ledger, so that the refusal is audited as a denial.
  if (const Status admitted = call.principal->scope.admit_case(case_id, Permission::manage_case);
      !admitted.ok()) {
    call.api.audit_denied(call,
                          admitted.error().kind == ErrorKind::forbidden ? "role" : "organisation");
    return problem_for(admitted.error());
  }
  // An amendment or modification changes an existing case: it carries the case's ETag.
  auto outcome =
      call.api.with_ledger([&](ledger::Database& database) -> Answer<ledger::ImportOutcome> {
        ledger::CaseLedger& ledger = database.cases();
        if (parsed.version > 0) {
          auto state = ledger.load_case(case_id, call.principal->scope);
          if (state.ok()) {
            const auto if_match = call.request.header("if-match");
            if (!if_match) {
              return problem(428, "recording a new version of " + case_id +
                                      " needs If-Match with the case's ETag (GET /api/cases/" +
                                      case_id + ")");
            }
            if (auto refused = stale(*state, std::string(*if_match))) return *refused;
          }
        }
        FMS_ASSIGN_OR_RETURN(auto recorded, ledger.import_document(call.request.body, source,
                                                                   call.principal->scope));
        return recorded;
      });
  if (!outcome.ok()) {
    call.api.metrics().import("loa", "refused");
    return outcome.error();
  }
  const ledger::ImportOutcome& done = *outcome;
  call.api.metrics().import("loa", done.recorded ? "recorded" : "unchanged");
  Response response =
      json_response(done.recorded ? 201 : 200, OrderedJson{{"recorded", done.recorded},
                                                           {"case_id", done.case_id},
                                                           {"version", done.version},
                                                           {"document", done.label},
                                                           {"message", done.message}});
  response.with_header("Location", "/api/cases/" + done.case_id);
  return response;
}

Reply show_case(Call& call) {
  if (auto refused = check_query(call.request, {"as_of", "as_recorded", "version"})) {
    return *refused;
  }
  FMS_ASSIGN_OR_RETURN(auto as_of, read_as_of(call.request));
  std::optional<int> version;
  if (const auto text = call.request.query_param("version")) {
    FMS_ASSIGN_OR_RETURN(auto parsed, read_version(*text, "query parameter \"version\""));
    version = parsed;
  }
  const std::string& case_id = call.param("case_id");
  return call.api.cached_case_read(call, case_id, [&] {
    return call.api.with_query([&](query::Reader& reader) -> Reply {
      FMS_ASSIGN_OR_RETURN(
          auto view, query::case_view(reader, call.principal->scope, case_id, as_of, version));
      Response response = json_response(200, report::case_json(view.state, view.document()));
      response.with_header("ETag", etag_of(view.state.case_id, view.latest_sequence));
      return response;
    });
  });
}

Reply list_versions(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    FMS_ASSIGN_OR_RETURN(auto view,
                         query::case_view(reader, call.principal->scope, call.param("case_id")));
    const ledger::CaseState* state = &view.state;
    OrderedJson versions = OrderedJson::array();
    for (const ledger::RecordedDocument& recorded : state->documents) {
      versions.push_back(
          {{"version", recorded.document.version},
           {"document", document_label(recorded.document.kind, recorded.document.version)},
           {"effective_date", recorded.document.effective_date.to_string()},
           {"purpose", recorded.document.purpose},
           {"sha256", recorded.sha256},
           {"source", recorded.source},
           {"recorded_at", recorded.recorded_at},
           {"actor", recorded.actor}});
    }
    Response response =
        json_response(200, OrderedJson{{"case_id", state->case_id}, {"versions", versions}});
    response.with_header("ETag", etag_of(*state));
    return response;
  });
}

Reply diff_versions(Call& call) {
  if (auto refused = check_query(call.request, {"from", "to"})) return *refused;
  const auto from_text = call.request.query_param("from");
  const auto to_text = call.request.query_param("to");
  if (!from_text || !to_text) {
    return problem(400, "query parameters \"from\" and \"to\" (version numbers) are required");
  }
  FMS_ASSIGN_OR_RETURN(auto from, read_version(*from_text, "query parameter \"from\""));
  FMS_ASSIGN_OR_RETURN(auto to, read_version(*to_text, "query parameter \"to\""));
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    FMS_ASSIGN_OR_RETURN(auto diff, query::case_diff(reader, call.principal->scope,
                                                     call.param("case_id"), from, to));
    return json_response(200,
                         report::diff_json(diff.case_id, diff.from, diff.to, diff.differences));
  });
}

Answer<CivilDate> date_field(const nlohmann::json& fields) {
  auto date = CivilDate::parse(string_field(fields, "date"));
  if (!date.ok()) return problem(422, "/date: " + date.error().text(Spelling::pointer));
  return *date;
}

// A change of one case, decided on the state the client read: If-Match is required (428) and
// must still be the case's ETag (412). `write` records the change and answers the body; the
// answer carries the case's new ETag.
template <class Write>
Reply write_case(Call& call, Write write) {
  FMS_ASSIGN_OR_RETURN(const std::string if_match, required_if_match(call));
  const std::string& case_id = call.param("case_id");
  return call.api.with_ledger([&](ledger::Database& database) -> Reply {
    ledger::CaseLedger& ledger = database.cases();
    FMS_ASSIGN_OR_RETURN(auto state, ledger.load_case(case_id, call.principal->scope));
    if (auto refused = stale(state, if_match)) return *refused;
    FMS_ASSIGN_OR_RETURN(OrderedJson body, write(ledger, case_id));
    Response response = json_response(200, body);
    auto after = ledger.load_case(case_id, call.principal->scope);
    if (after.ok()) response.with_header("ETag", etag_of(*after));
    return response;
  });
}

Reply transition(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  FMS_ASSIGN_OR_RETURN(auto fields,
                       read_json_object(call.request, {"to", "date", "reason", "override"},
                                        {"to", "date", "reason"}));
  auto to = case_status_from_string(string_field(fields, "to"));
  if (!to.ok()) return problem(422, "/to: " + to.error().text(Spelling::pointer));
  FMS_ASSIGN_OR_RETURN(const CivilDate date, date_field(fields));
  const std::string reason = string_field(fields, "reason");
  const std::string override_reason = string_field(fields, "override");
  if (fields.contains("override") && override_reason.empty()) {
    return problem(422, "/override: the reason for overriding must be a non-empty string");
  }
  return write_case(
      call, [&](ledger::CaseLedger& ledger, const std::string& case_id) -> Result<OrderedJson> {
        FMS_ASSIGN_OR_RETURN(
            auto change,
            ledger.transition(case_id, *to, date, reason, call.principal->scope, override_reason));
        return OrderedJson{{"case_id", case_id},
                           {"from", change.from ? std::string(to_string(*change.from)) : ""},
                           {"to", std::string(to_string(change.to))},
                           {"date", change.date.to_string()},
                           {"override", override_json(change.override_taken)}};
      });
}

Reply sign_amendment(Call& call) {
  if (auto refused = check_query(call.request, {})) return *refused;
  FMS_ASSIGN_OR_RETURN(auto fields, read_json_object(call.request, {"version", "date", "reason"},
                                                     {"version", "date", "reason"}));
  const auto& version = fields["version"];
  if (!version.is_number_integer() || version.get<std::int64_t>() < 1 ||
      version.get<std::int64_t>() > 9999) {
    return problem(422, "/version: the amendment's version, an integer from 1");
  }
  const int number = version.get<int>();
  FMS_ASSIGN_OR_RETURN(const CivilDate date, date_field(fields));
  const std::string reason = string_field(fields, "reason");
  return write_case(
      call, [&](ledger::CaseLedger& ledger, const std::string& case_id) -> Result<OrderedJson> {
        FMS_ASSIGN_OR_RETURN(auto after, ledger.sign_amendment(case_id, number, date, reason,
                                                               call.principal->scope));
        return OrderedJson{{"case_id", after.case_id},
                           {"version", number},
                           {"document", document_label(DocumentKind::amendment, number)},
                           {"acceptance_date", date.to_string()}};
      });
}

Reply notification(Call& call) {
  if (auto refused = check_query(call.request, {"version"})) return *refused;
  std::optional<int> version;
  if (const auto text = call.request.query_param("version")) {
    FMS_ASSIGN_OR_RETURN(auto parsed, read_version(*text, "query parameter \"version\""));
    version = parsed;
  }
  return call.api.with_query([&](query::Reader& reader) -> Reply {
    FMS_ASSIGN_OR_RETURN(auto checked, query::case_notification(reader, call.principal->scope,
                                                                call.param("case_id"), version));
    return json_response(
        200, report::notification_json(checked.case_id, checked.document, checked.check));
  });
}

Reply history(Call& call) {
  return events_page(call, [&] {
    return call.api.with_query([&](query::Reader& reader) {
      return query::case_history(reader, call.principal->scope, call.param("case_id"));
    });
  });
}

}  // namespace

Reply events_page(Call& call,
                  const std::function<Result<std::vector<ledger::EventRecord>>()>& load) {
  if (auto refused = check_query(call.request, {"limit", "cursor"})) return *refused;
  FMS_ASSIGN_OR_RETURN(auto page, read_page(call.request, call.api.options().page_size_default,
                                            call.api.options().page_size_max));
  FMS_ASSIGN_OR_RETURN(auto events, load());
  const auto [items, next] = page_of(
      events, page, [](const ledger::EventRecord& event) { return numeric_key(event.sequence); });
  OrderedJson body = report::history_json(copies(items));
  body["next_cursor"] = cursor_json(next);
  return json_response(200, body);
}

void add_case_routes(Router& router) {
  router.add({"GET", "/api/cases", Permission::read, Scope::portfolio, list_cases});
  router.add({"POST", "/api/cases", Permission::manage_case, Scope::portfolio, import_loa});
  router.add({"GET", "/api/cases/{case_id}", Permission::read, Scope::case_id, show_case});
  router.add(
      {"GET", "/api/cases/{case_id}/versions", Permission::read, Scope::case_id, list_versions});
  router.add({"GET", "/api/cases/{case_id}/diff", Permission::read, Scope::case_id, diff_versions});
  router.add({"POST", "/api/cases/{case_id}/transitions", Permission::manage_case, Scope::case_id,
              transition});
  router.add({"POST", "/api/cases/{case_id}/signatures", Permission::manage_case, Scope::case_id,
              sign_amendment});
  router.add(
      {"GET", "/api/cases/{case_id}/notification", Permission::read, Scope::case_id, notification});
  router.add(
      {"GET", "/api/cases/{case_id}/history", Permission::read_history, Scope::case_id, history});
}

}  // namespace fms::http
