// Encoding and decoding of rates.series_recorded (see rate_events.h).
#include "ledger/money/rate_events.h"

#include <nlohmann/json.hpp>

#include "ledger/log/payload_reader.h"

namespace fms::ledger {
namespace {

using nlohmann::ordered_json;

ordered_json points_json(const std::vector<RatePoint>& points) {
  ordered_json rows = ordered_json::array();
  for (const RatePoint& point : points) {
    ordered_json r;
    r["date"] = point.date.to_string();
    r["pair"] = point.rate.pair();
    r["rate"] = point.rate.to_string();
    r["source"] = point.source;
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace

Result<std::pair<Currency, Currency>> parse_rate_pair(std::string_view pair) {
  const std::size_t slash = pair.find('/');
  if (slash == std::string_view::npos) {
    return Error::invalid("\"" + std::string(pair) + "\" is not a currency pair: write it as " +
                          "BASE/QUOTE, e.g. USD/JPY");
  }
  auto base = Currency::from_code(pair.substr(0, slash));
  if (!base.ok()) return base.error();
  auto quote = Currency::from_code(pair.substr(slash + 1));
  if (!quote.ok()) return quote.error();
  if (*base == *quote) {
    return Error::invalid("\"" + std::string(pair) +
                          "\" is not a currency pair: a rate converts between two different "
                          "currencies");
  }
  return std::make_pair(*base, *quote);
}

std::string canonical_points(const std::vector<RatePoint>& points) {
  return points_json(points).dump();
}

int type_version(const RatesRecorded& payload) {
  return payload.organisation.empty() ? 1 : 2;
}

std::string encode(const RatesRecorded& payload) {
  ordered_json j;
  if (!payload.organisation.empty()) j["organisation"] = payload.organisation;
  j["source"] = payload.source;
  j["content_hash"] = payload.content_hash;
  j["points"] = points_json(payload.points);
  return j.dump();
}

Result<RatesRecorded> decode_rates_recorded(const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(PayloadReader payload, PayloadReader::open(event, 1, 2));
  RatesRecorded decoded;
  if (event.type_version == 2) {
    FMS_ASSIGN_OR_RETURN(decoded.organisation, payload.text("organisation"));
    if (decoded.organisation.empty()) return payload.corrupt("an organisation's series names none");
  }
  FMS_ASSIGN_OR_RETURN(decoded.source, payload.text("source"));
  FMS_ASSIGN_OR_RETURN(decoded.content_hash, payload.text("content_hash"));
  FMS_ASSIGN_OR_RETURN(std::vector<PayloadReader> rows, payload.objects("points"));
  decoded.points.reserve(rows.size());
  for (const PayloadReader& r : rows) {
    FMS_ASSIGN_OR_RETURN(CivilDate date, r.date("date"));
    FMS_ASSIGN_OR_RETURN(std::string pair_text, r.text("pair"));
    auto pair = parse_rate_pair(pair_text);
    if (!pair.ok()) return r.corrupt(pair.error().message);
    FMS_ASSIGN_OR_RETURN(std::string rate_text, r.text("rate"));
    auto rate = ExchangeRate::parse(rate_text, pair->first, pair->second);
    if (!rate.ok()) return r.corrupt(rate.error().message);
    FMS_ASSIGN_OR_RETURN(std::string source, r.text("source"));
    decoded.points.push_back(RatePoint{date, *rate, std::move(source)});
  }
  return decoded;
}

}  // namespace fms::ledger
