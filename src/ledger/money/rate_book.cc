// Folding recorded exchange rates (see rate_book.h).
#include "ledger/money/rate_book.h"

#include <set>

#include "store/event_hash.h"

namespace fms::ledger {
namespace {

// The currencies a US dollar amount may be shown in, in the order messages list them.
constexpr std::string_view kQuoteCurrencies[] = {"JPY", "EUR", "GBP", "AUD"};

std::string recorded_pairs_text(const std::vector<std::string>& pairs) {
  if (pairs.empty()) return "no rates are recorded";
  std::string text = "recorded: ";
  for (std::size_t i = 0; i < pairs.size(); ++i) text += (i == 0 ? "" : ", ") + pairs[i];
  return text;
}

}  // namespace

const std::vector<std::string>& supported_rate_pairs() {
  static const std::vector<std::string> pairs = [] {
    std::vector<std::string> out;
    for (std::string_view quote : kQuoteCurrencies) out.push_back("USD/" + std::string(quote));
    return out;
  }();
  return pairs;
}

Status check_supported_pair(const std::string& pair) {
  for (const std::string& supported : supported_rate_pairs()) {
    if (pair == supported) return Status::Ok();
  }
  std::string listed;
  for (const std::string& supported : supported_rate_pairs()) {
    listed += (listed.empty() ? "" : ", ") + supported;
  }
  return Error::invalid("\"" + pair + "\" is not a supported pair (supported: " + listed +
                        "); fmsledger converts US dollar amounts, so a rate's base is USD");
}

std::string describe(const RatePoint& point) {
  return point.rate.pair() + " " + point.rate.to_string() + " of " + point.date.to_string() + " (" +
         point.source + ")";
}

Status RateBook::apply(const store::EventRecord& event) {
  const auto corrupt = [&event](const std::string& what) {
    return Error::corruption(store::describe_event(event) + ": " + what);
  };
  if (event.type != kRatesSeriesRecorded) return corrupt("not a rates event");
  FMS_ASSIGN_OR_RETURN(RatesRecorded record, decode_rates_recorded(event));
  if (store::blake2b_hex(canonical_points(record.points)) != record.content_hash) {
    return corrupt("the points do not match the content hash " + record.content_hash);
  }
  if (by_hash_.count(record.content_hash) != 0) {
    return corrupt("rates document " + record.content_hash + " is recorded twice");
  }
  // Check every point before changing anything, so a refused event leaves the book as it was.
  std::set<std::pair<std::string, CivilDate>> seen;
  std::size_t new_points = 0;
  for (const RatePoint& point : record.points) {
    const std::string pair = point.rate.pair();
    if (!seen.emplace(pair, point.date).second) {
      return corrupt("two " + pair + " rates for " + point.date.to_string());
    }
    if (const RecordedRate* earlier = recorded(pair, point.date)) {
      if (!(earlier->point.rate == point.rate)) {
        return corrupt(pair + " on " + point.date.to_string() + " is " + point.rate.to_string() +
                       ", but is already recorded as " + earlier->point.rate.to_string() +
                       " (from " + documents_[earlier->document].source + ")");
      }
    } else {
      ++new_points;
    }
  }

  const std::size_t index = documents_.size();
  std::set<std::string> touched;
  for (RatePoint& point : record.points) {
    std::string pair = point.rate.pair();
    touched.insert(pair);
    auto& dates = by_pair_[pair];
    const CivilDate date = point.date;
    dates.try_emplace(date, RecordedRate{std::move(pair), std::move(point), index});
  }
  for (const std::string& pair : touched) {
    const auto& dates = by_pair_.at(pair);
    std::vector<RatePoint> merged;
    merged.reserve(dates.size());
    for (const auto& [date, rate] : dates) merged.push_back(rate.point);
    const Currency base = merged.front().rate.base();
    const Currency quote = merged.front().rate.quote();
    auto made = RateSeries::make(base, quote, std::move(merged));
    if (!made.ok()) return corrupt(made.error().message);
    series_.insert_or_assign(pair, std::move(made).value());
  }
  by_hash_.emplace(record.content_hash, index);
  documents_.push_back(RatesDocument{record.content_hash, record.source, event.sequence,
                                     event.recorded_at, event.actor, record.points.size(),
                                     new_points});
  return Status::Ok();
}

const RatesDocument* RateBook::find(const std::string& content_hash) const {
  const auto it = by_hash_.find(content_hash);
  return it == by_hash_.end() ? nullptr : &documents_[it->second];
}

std::vector<std::string> RateBook::pairs() const {
  std::vector<std::string> out;
  for (const auto& [pair, dates] : by_pair_) out.push_back(pair);
  return out;
}

const RateSeries* RateBook::series(const std::string& pair) const {
  const auto it = series_.find(pair);
  return it == series_.end() ? nullptr : &it->second;
}

const RecordedRate* RateBook::recorded(const std::string& pair, const CivilDate& date) const {
  const auto of_pair = by_pair_.find(pair);
  if (of_pair == by_pair_.end()) return nullptr;
  const auto it = of_pair->second.find(date);
  return it == of_pair->second.end() ? nullptr : &it->second;
}

Result<RatePoint> RateBook::on(const std::string& pair, const CivilDate& date,
                               const std::optional<std::string>& recorded_at_most) const {
  const RateSeries* all = series(pair);
  if (all == nullptr) {
    return Error::not_found("no " + pair + " rate is recorded (" + recorded_pairs_text(pairs()) +
                            ")");
  }
  if (!recorded_at_most) return all->on(date);
  // Only the documents recorded by then: a point counts from the document that first had it.
  std::vector<RatePoint> then;
  for (const auto& [point_date, rate] : by_pair_.at(pair)) {
    if (documents_[rate.document].recorded_at <= *recorded_at_most) then.push_back(rate.point);
  }
  if (then.empty()) {
    return Error::not_found("no " + pair + " rate was recorded by " + *recorded_at_most);
  }
  FMS_ASSIGN_OR_RETURN(RateSeries series_then,
                       RateSeries::make(all->base(), all->quote(), std::move(then)));
  return series_then.on(date);
}

Result<RatePoint> RateBook::on(Currency base, Currency quote, const CivilDate& date,
                               const std::optional<std::string>& recorded_at_most) const {
  return on(std::string(base.code()) + "/" + std::string(quote.code()), date, recorded_at_most);
}

std::vector<RecordedRate> RateBook::points(const std::optional<std::string>& pair,
                                           const std::optional<CivilDate>& dated_at_most) const {
  std::vector<RecordedRate> out;
  for (const auto& [name, dates] : by_pair_) {
    if (pair && name != *pair) continue;
    for (const auto& [date, rate] : dates) {
      if (dated_at_most && *dated_at_most < date) break;
      out.push_back(rate);
    }
  }
  return out;
}

}  // namespace fms::ledger
