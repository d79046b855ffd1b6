// Exchange rates: importing a published rate file (CSV body, all or nothing) and listing the
// recorded rates. Rates belong to no case and no organisation: every reader may list them.
#include "http/api.h"
#include "http/problem.h"
#include "http/responses.h"
#include "io/exchange_rates_csv.h"
#include "report/rate_list.h"

namespace fms::http {
namespace {

Response import_rates(Call& call) {
  if (auto refused = check_query(call.request, {"source"})) return *refused;
  if (auto refused = check_content_type(call.request, kCsv)) return *refused;
  if (call.request.body.size() > io::kMaxExchangeRateFileBytes) {
    return problem(413, "an exchange-rate file is at most " +
                            std::to_string(io::kMaxExchangeRateFileBytes) + " bytes");
  }
  const std::string source = call.request.query_param("source").value_or("request body");
  auto outcome = call.api.with_ledger([&](ledger::Ledger& ledger, store::Store&) {
    return ledger.import_rates(call.request.body, source, call.actor());
  });
  if (!outcome.ok()) {
    call.api.metrics().import("rates", "refused");
    return problem_for(outcome.error());
  }
  call.api.metrics().import("rates", outcome->recorded ? "recorded" : "unchanged");
  return json_response(outcome->recorded ? 201 : 200,
                       OrderedJson{{"recorded", outcome->recorded},
                                   {"document_id", outcome->content_hash},
                                   {"points", outcome->points},
                                   {"new_points", outcome->new_points},
                                   {"message", outcome->message}});
}

Response list_rates(Call& call) {
  if (auto refused = check_query(call.request, {"pair", "as_of"})) return *refused;
  std::optional<std::string> pair;
  if (auto text = call.request.query_param("pair")) {
    for (char& c : *text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto parsed = ledger::parse_rate_pair(*text);
    if (!parsed.ok()) return problem(400, "query parameter \"pair\": " + parsed.error().message);
    pair = *text;
  }
  std::optional<CivilDate> as_of;
  if (const auto text = call.request.query_param("as_of")) {
    auto parsed = CivilDate::parse(*text);
    if (!parsed.ok()) return problem(400, "query parameter \"as_of\": " + parsed.error().message);
    as_of = *parsed;
  }
  auto portfolio = call.api.with_ledger(
      [](ledger::Ledger& ledger, store::Store&) { return ledger.load_portfolio(); });
  if (!portfolio.ok()) return problem_for(portfolio.error());
  return json_response(
      200, OrderedJson{{"rates", report::rate_list_json(portfolio->rates, pair, as_of)}});
}

}  // namespace

void add_rate_routes(Router& router) {
  router.add({"POST", "/api/rates", Permission::manage_finance, Scope::portfolio, import_rates});
  router.add({"GET", "/api/rates", Permission::read, Scope::portfolio, list_rates});
}

}  // namespace fms::http
