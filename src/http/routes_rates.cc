// Exchange rates: importing a published rate file (CSV body, all or nothing), listing the
// recorded rates, and the rate of a pair on a date. A finance officer records their
// organisation's own series; its people read it (or the shared reference series, until their
// organisation has one of its own); no other organisation sees or changes it.
#include "http/api.h"
#include "http/problem.h"
#include "http/responses.h"
#include "io/exchange_rates_csv.h"
#include "query/finance.h"
#include "report/rate_list.h"

namespace fms::http {
namespace {

Reply import_rates(Call& call) {
  if (auto refused = check_import(call.request, {"source", "organisation"}, kCsv,
                                  io::kMaxExchangeRateFileBytes, "an exchange-rate file")) {
    return *refused;
  }
  const std::string source = call.request.query_param("source").value_or("request body");
  auto outcome = call.api.with_ledger([&](ledger::Database& database) {
    return database.money().import_rates(call.request.body, source,
                                         call.request.query_param("organisation"),
                                         call.principal->scope);
  });
  return import_answer(call, "rates", outcome, [](const ledger::RatesImportOutcome& done) {
    return OrderedJson{{"recorded", done.recorded},
                       {"document_id", done.content_hash},
                       {"points", done.points},
                       {"new_points", done.new_points},
                       {"message", done.message}};
  });
}

// ?pair= (upper-cased: "usd/jpy" is USD/JPY) and a date parameter, each checked; nullopt when
// absent.
struct RateQuery {
  std::optional<std::string> pair;
  std::optional<CivilDate> date;
};

Answer<RateQuery> read_rate_query(const Request& request, const std::string& date_name) {
  if (auto refused = check_query(request, {"pair", date_name, "organisation"})) return *refused;
  RateQuery query;
  if (auto text = request.query_param("pair")) {
    for (char& c : *text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto parsed = ledger::parse_rate_pair(*text);
    if (!parsed.ok())
      return problem(400, "query parameter \"pair\": " + parsed.error().text(Spelling::pointer));
    query.pair = *text;
  }
  FMS_ASSIGN_OR_RETURN(auto date, date_query(request, date_name));
  query.date = date;
  return query;
}

Result<ledger::RatesInScope> rates_read(Call& call) {
  return call.api.with_query([&](query::Reader& reader) {
    return query::rates(reader, call.principal->scope, call.request.query_param("organisation"));
  });
}

Reply list_rates(Call& call) {
  FMS_ASSIGN_OR_RETURN(const auto q, read_rate_query(call.request, "as_of"));
  FMS_ASSIGN_OR_RETURN(auto read, rates_read(call));
  return json_response(200,
                       OrderedJson{{"rates", report::rate_list_json(read.book(), q.pair, q.date)}});
}

// The rate of a pair on a date: the latest recorded on or before it (`rates show`).
Reply rate_on(Call& call) {
  FMS_ASSIGN_OR_RETURN(const auto q, read_rate_query(call.request, "date"));
  if (!q.pair) return problem(400, "query parameter \"pair\" is required, e.g. USD/JPY");
  if (!q.date) return problem(400, "query parameter \"date\" is required (YYYY-MM-DD)");
  FMS_ASSIGN_OR_RETURN(auto read, rates_read(call));
  FMS_ASSIGN_OR_RETURN(auto shown, report::rate_on_json(read.book(), *q.pair, *q.date));
  return json_response(200, shown);
}

}  // namespace

void add_rate_routes(Router& router) {
  router.add({"POST", "/api/rates", Permission::manage_finance, Scope::portfolio, import_rates});
  router.add({"GET", "/api/rates", Permission::read, Scope::portfolio, list_rates});
  router.add({"GET", "/api/rates/on", Permission::read, Scope::portfolio, rate_on});
}

}  // namespace fms::http
