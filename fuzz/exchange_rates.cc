// The exchange-rate importer (io/exchange_rates_csv.h) on any bytes. Checked on every input:
//  - a refusal is invalid input;
//  - the file read the documented other ways (CRLF line ends, a byte order mark) reads alike;
//  - both entry points agree;
//  - a file read holds, per pair, points in increasing date order with rates above zero and a
//    source of 1 to 200 bytes, each with the line it came from; written back as CSV (one row per
//    point, source quoted) it reads back as the same series.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/rate_series.h"
#include "fuzz_support.h"
#include "io/exchange_rates_csv.h"

namespace {

using fms::RatePoint;
using fms::RateSeries;
using fms::fuzz::check;
using Series = std::map<std::string, RateSeries>;

const std::string kSource = "fuzz-rates.csv";

bool same_points(const RateSeries& a, const RateSeries& b) {
  if (!(a.base() == b.base()) || !(a.quote() == b.quote())) return false;
  if (a.points().size() != b.points().size()) return false;
  for (std::size_t i = 0; i < a.points().size(); ++i) {
    const RatePoint& p = a.points()[i];
    const RatePoint& q = b.points()[i];
    if (!(p.date == q.date) || !(p.rate == q.rate) || p.source != q.source) return false;
  }
  return true;
}

bool same_series(const Series& a, const Series& b) {
  if (a.size() != b.size()) return false;
  for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
    if (i->first != j->first || !same_points(i->second, j->second)) return false;
  }
  return true;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string written_back(const Series& series) {
  std::string csv = "date,pair,rate,source\n";
  for (const auto& [pair, points] : series) {
    for (const RatePoint& point : points.points()) {
      csv += point.date.to_string() + "," + pair + "," +
             point.rate.to_string(fms::kExchangeRatePlaces) + "," + quoted(point.source) + "\n";
    }
  }
  return csv;
}

void check_file(const fms::io::ExchangeRatesFile& file) {
  check(file.series.size() == file.lines.size(), "every pair read has its lines");
  for (const auto& [pair, series] : file.series) {
    check(std::string(series.base().code()) + "/" + std::string(series.quote().code()) == pair,
          "a series is filed under its pair", pair);
    const auto lines = file.lines.find(pair);
    check(lines != file.lines.end() && lines->second.size() == series.points().size(),
          "every point read has its line", pair);
    check(!series.points().empty(), "a pair read has points", pair);
    for (std::size_t i = 0; i < series.points().size(); ++i) {
      const RatePoint& point = series.points()[i];
      check(i == 0 || series.points()[i - 1].date < point.date,
            "a series' points are in increasing date order", pair);
      check(point.rate.scaled() > 0, "a rate read is above zero", point.rate.to_string());
      check(!point.source.empty() && point.source.size() <= fms::kMaxRateSourceBytes,
            "a source read is 1 to 200 bytes");
      check(file.line_of(pair, point.date) >= 2, "a point comes from a line after the header");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fms::fuzz::as_text(data, size);
  const auto file = fms::io::parse_exchange_rates_file(text, kSource);
  const auto series = fms::io::parse_exchange_rates(text, kSource);
  fms::fuzz::check_same_reading(
      file, series, "both entry points read a file alike",
      [](const auto& f, const Series& s) { return same_series(f.series, s); });
  if (fms::fuzz::crlf_rewrite_applies(text)) {
    fms::fuzz::check_same_reading(
        series, fms::io::parse_exchange_rates(fms::fuzz::with_crlf(text), kSource),
        "a file with CRLF line ends reads as with LF", same_series);
  }
  if (fms::fuzz::bom_rewrite_applies(text)) {
    fms::fuzz::check_same_reading(series,
                                  fms::io::parse_exchange_rates(fms::fuzz::with_bom(text), kSource),
                                  "a file with a byte order mark reads as without", same_series);
  }
  if (!file.ok()) {
    fms::fuzz::check_refusal(file.error());
    return 0;
  }
  check_file(*file);
  const std::string csv = written_back(file->series);
  const auto again = fms::io::parse_exchange_rates(csv, kSource);
  check(again.ok(), "the series read, written back, read back",
        again.ok() ? csv : again.error().message);
  check(same_series(*again, file->series), "the series read, written back, read back the same",
        csv);
  return 0;
}
