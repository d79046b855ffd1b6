// Money commands for exchange rates: importing a rate file (money_ledger.h).
//
// Like every import it is one transaction: the file is parsed completely, every pair is checked
// against the supported ones and every point against the rates already recorded, and only a
// file with no problem at all is stored, as one portfolio-level rates.series_recorded event.
#include <algorithm>

#include "base/short_hash.h"
#include "core/execution.h"
#include "core/text.h"
#include "io/exchange_rates_csv.h"
#include "ledger/log/portfolio_stream.h"
#include "ledger/money/money_ledger.h"
#include "store/event_hash.h"

namespace fms::ledger {
namespace {

std::string points_text(std::size_t points) {
  return std::to_string(points) + (points == 1 ? " point" : " points");
}

// "USD/JPY 2025-01-31..2025-12-31, USD/EUR 2025-03-31"
std::string spans_text(const std::map<std::string, RateSeries>& series) {
  std::string text;
  for (const auto& [pair, points] : series) {
    const CivilDate first = points.points().front().date;
    const CivilDate last = points.points().back().date;
    text += (text.empty() ? "" : ", ") + pair + " " + first.to_string() +
            (first == last ? std::string() : ".." + last.to_string());
  }
  return text;
}

Status problems_error(const std::string& source, std::vector<RowProblem> problems) {
  if (problems.empty()) return Status::Ok();
  std::stable_sort(problems.begin(), problems.end(),
                   [](const RowProblem& a, const RowProblem& b) { return a.line < b.line; });
  return Error::invalid(describe_problems(source, problems, problems.size()));
}

}  // namespace

Result<MoneyBook> MoneyLedger::load() {
  FMS_ASSIGN_OR_RETURN(auto events, read_portfolio_stream(store_));
  return fold_money(events);
}

Result<RatesInScope> MoneyLedger::rates(const Scope& scope,
                                        const std::optional<std::string>& organisation) {
  RatesInScope read;
  FMS_ASSIGN_OR_RETURN(read.organisation,
                       finance_organisation(scope, organisation, Permission::read));
  FMS_ASSIGN_OR_RETURN(read.money, load());
  return read;
}

namespace {

// The file's rates as one record: only supported pairs, hashed over its canonical points.
Result<RatesRecorded> rates_record(const io::ExchangeRatesFile& file, const std::string& source,
                                   const std::optional<std::string>& owner) {
  if (file.series.empty()) {
    return Error::invalid(source + ": the file has no rates; nothing imported");
  }
  std::vector<RowProblem> problems;
  for (const auto& [pair, series] : file.series) {
    const Status supported = check_supported_pair(pair);
    if (!supported.ok()) {
      problems.push_back(RowProblem{file.first_line_of(pair), "pair", supported.error().message});
    }
  }
  FMS_TRY(problems_error(source, problems));
  RatesRecorded record;
  record.organisation = owner.value_or("");
  record.source = source;
  for (const auto& [pair, series] : file.series) {
    record.points.insert(record.points.end(), series.points().begin(), series.points().end());
  }
  record.content_hash = store::blake2b_hex(canonical_points(record.points));
  return record;
}

// Files may overlap, but a rate once recorded is not silently replaced by another: counts the
// points `book` does not have, or refuses the file naming each point it has otherwise.
Result<std::size_t> new_points(const RatesRecorded& record, const RateBook& book,
                               const io::ExchangeRatesFile& file, const std::string& source) {
  std::size_t added = 0;
  std::vector<RowProblem> problems;
  for (const RatePoint& point : record.points) {
    const std::string pair = point.rate.pair();
    const RecordedRate* earlier = book.recorded(pair, point.date);
    if (earlier == nullptr) {
      ++added;
    } else if (!(earlier->point.rate == point.rate)) {
      problems.push_back(
          RowProblem{file.line_of(pair, point.date), "rate",
                     pair + " on " + point.date.to_string() + " is already recorded as " +
                         earlier->point.rate.to_string() + " (from " +
                         book.documents()[earlier->document].source + "); nothing imported"});
    }
  }
  FMS_TRY(problems_error(source, problems));
  return added;
}

}  // namespace

Result<RatesImportOutcome> MoneyLedger::import_rates(std::string_view text, const std::string& source,
                                                const std::optional<std::string>& organisation,
                                                const Scope& scope) {
  FMS_TRY(check_text("source", source, {1, kMaxSourceBytes, false}));
  FMS_ASSIGN_OR_RETURN(const std::optional<std::string> owner,
                       finance_organisation(scope, organisation, Permission::manage_finance));
  if (!owner && !scope.is_host() && !scope.may_everywhere(Permission::administer)) {
    return Error::forbidden(
        "the shared reference rate series is written by administrators only; name your "
        "organisation (organisation) to record its own series");
  }
  FMS_ASSIGN_OR_RETURN(io::ExchangeRatesFile file, io::parse_exchange_rates_file(text, source));
  FMS_ASSIGN_OR_RETURN(RatesRecorded record, rates_record(file, source, owner));

  FMS_ASSIGN_OR_RETURN(MoneyBook money, load());
  // Rates are checked against the series they join only: another organisation's rates are not
  // this one's business, and may differ.
  static const RateBook kNoRates;
  const RateBook& book = !owner ? money.rates
                                : (money.organisation_rates.count(*owner) != 0
                                       ? money.organisation_rates.at(*owner)
                                       : kNoRates);
  RatesImportOutcome outcome;
  outcome.content_hash = record.content_hash;
  outcome.points = record.points.size();
  if (const RatesDocument* existing = book.find(record.content_hash)) {
    outcome.message = source + ": these rates are already recorded as rates document " +
                      base::short_hash(record.content_hash) + " (" + existing->source +
                      ", recorded " + existing->recorded_at + " by " + existing->actor +
                      "); nothing changed";
    return outcome;
  }
  FMS_ASSIGN_OR_RETURN(outcome.new_points, new_points(record, book, file, source));

  store::NewEvent event{clock_.timestamp(),   scope.actor(), "", std::string(kRatesSeriesRecorded),
                        type_version(record), encode(record)};
  // The book after the event, exactly as replay will fold it; a refusal here is a bug in the
  // checks above, never something the user can cause.
  RateBook next = book;
  const store::EventRecord provisional{
      money.last_sequence + 1, event.recorded_at, event.actor, "", event.type,
      event.type_version,          event.payload,     {},          {}};
  const Status folded = next.apply(provisional);
  if (!folded.ok()) {
    return Error::internal("rates event refused by its own fold: " + folded.error().message);
  }
  store::AppendRequest request;
  request.expected_last_sequence[""] = money.last_sequence;
  request.events.push_back(std::move(event));
  FMS_TRY(store_.append(request));

  outcome.recorded = true;
  const std::size_t known = outcome.points - outcome.new_points;
  outcome.message =
      "Recorded rates document " + base::short_hash(record.content_hash) + " (" + source +
      (owner ? ", " + *owner + "'s own series" : std::string(", shared series")) +
      "): " + points_text(outcome.points) + ", " + spans_text(file.series) +
      (known == 0 ? std::string() : " (" + std::to_string(known) + " already recorded)");
  return outcome;
}

}  // namespace fms::ledger
