// Exchange-rate series from CSV (see exchange_rates_csv.h).
#include "io/exchange_rates_csv.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "io/csv_import.h"

namespace fms::io {
namespace csv {
namespace {

enum RateColumn : std::size_t { kDate, kPair, kRate, kSource, kColumnCount };

constexpr std::array<Column, kColumnCount> kColumns{{{"date"}, {"pair"}, {"rate"}, {"source"}}};

constexpr Limits kRateLimits{kMaxExchangeRateFileBytes, kMaxExchangeRateRows};

struct PairEntry {
  Currency base;
  Currency quote;
  std::vector<RatePoint> points;
  std::map<std::int32_t, std::uint32_t> line_of_date;  // date serial -> first line
};

class RatesParser {
 public:
  explicit RatesParser(ProblemLog& log) : log_(log) {}

  void parse_row(std::span<const std::string_view> fields, std::uint32_t line, const Table& table) {
    const auto at = [&](RateColumn column) {
      return Field{log_, line, kColumns[column].name, fields[table.position[column]]};
    };
    DateValue date;
    bool ok = read_date(at(kDate), date);
    const Field pair_field = at(kPair);
    PairEntry* entry = read_pair(pair_field);
    ok = entry != nullptr && ok;
    const Field rate_field = at(kRate);
    std::optional<ExchangeRate> rate;
    if (entry != nullptr && check_present(rate_field) && check_not_padded(rate_field)) {
      auto parsed = ExchangeRate::parse(rate_field.text, entry->base, entry->quote);
      if (parsed.ok()) {
        rate = *parsed;
      } else {
        rate_field.fail([&] { return parsed.error().message; });
      }
    }
    ok = rate.has_value() && ok;
    const Field source_field = at(kSource);
    ok = read_text(source_field, 1, kMaxRateSourceBytes, false) && ok;
    if (!ok) return;
    const auto first = entry->line_of_date.try_emplace(date.serial, line);
    if (!first.second) {
      at(kDate).fail([&] {
        return "a second " + std::string(pair_field.text) + " rate for " +
               std::string(fields[table.position[kDate]]) + "; the first is on line " +
               std::to_string(first.first->second);
      });
      return;
    }
    entry->points.push_back(
        RatePoint{CivilDate::from_serial(date.serial), *rate, std::string(source_field.text)});
  }

  Result<ExchangeRatesFile> take() {
    ExchangeRatesFile file;
    for (auto& [pair, entry] : pairs_) {
      FMS_ASSIGN_OR_RETURN(RateSeries made,
                           RateSeries::make(entry.base, entry.quote, std::move(entry.points)));
      file.series.emplace(pair, std::move(made));
      auto& lines = file.lines[pair];
      for (const auto& [serial, line] : entry.line_of_date) {
        lines.emplace(CivilDate::from_serial(serial), line);
      }
    }
    return file;
  }

 private:
  PairEntry* read_pair(const Field& field) {
    if (!check_present(field) || !check_not_padded(field)) return nullptr;
    const auto known = pairs_.find(std::string(field.text));
    if (known != pairs_.end()) return &known->second;
    const std::size_t slash = field.text.find('/');
    const auto bad = [&](const std::string& why) {
      field.fail([&] { return in_quotes(field.text) + " is not a currency pair: " + why; });
      return nullptr;
    };
    if (slash == std::string_view::npos) return bad("write it as BASE/QUOTE, e.g. USD/JPY");
    const auto base = Currency::from_code(field.text.substr(0, slash));
    const auto quote = Currency::from_code(field.text.substr(slash + 1));
    if (!base.ok()) return bad(base.error().message);
    if (!quote.ok()) return bad(quote.error().message);
    if (*base == *quote) return bad("a rate converts between two different currencies");
    return &pairs_.emplace(std::string(field.text), PairEntry{*base, *quote, {}, {}}).first->second;
  }

  ProblemLog& log_;
  std::map<std::string, PairEntry> pairs_;
};

}  // namespace
}  // namespace csv

std::uint32_t ExchangeRatesFile::line_of(const std::string& pair, const CivilDate& date) const {
  const auto of_pair = lines.find(pair);
  if (of_pair == lines.end()) return 0;
  const auto it = of_pair->second.find(date);
  return it == of_pair->second.end() ? 0 : it->second;
}

std::uint32_t ExchangeRatesFile::first_line_of(const std::string& pair) const {
  const auto of_pair = lines.find(pair);
  if (of_pair == lines.end() || of_pair->second.empty()) return 0;
  std::uint32_t first = UINT32_MAX;
  for (const auto& [date, line] : of_pair->second) first = std::min(first, line);
  return first;
}

Result<std::map<std::string, RateSeries>> parse_exchange_rates(std::string_view text,
                                                               std::string_view source) {
  FMS_ASSIGN_OR_RETURN(ExchangeRatesFile file, parse_exchange_rates_file(text, source));
  return std::move(file.series);
}

Result<ExchangeRatesFile> parse_exchange_rates_file(std::string_view text,
                                                    std::string_view source) {
  using namespace csv;
  ProblemLog log;
  Table table;
  if (!open_table(text, kColumns, kRateLimits, log, table)) return log.to_error(source);
  RatesParser parser(log);
  const RowLoop loop =
      for_each_row(table.body, table.body_first_line, table.field_count, QuotedFields::allow, log,
                   [&](std::span<const std::string_view> fields, std::uint32_t line) {
                     parser.parse_row(fields, line, table);
                   });
  check_row_count(loop.rows, kRateLimits, log);
  if (!log.empty()) return log.to_error(source);
  return parser.take();
}

}  // namespace fms::io
