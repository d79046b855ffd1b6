// The system clock, the fixed clock of tests, and reading UTC timestamps.
#include "ledger/log/clock.h"

#include <date/date.h>

#include <cctype>
#include <chrono>
#include <memory>
#include <sstream>

namespace fms::ledger {
namespace {

using Micros = std::chrono::sys_time<std::chrono::microseconds>;

std::string format_timestamp(Micros t) {
  return date::format("%FT%TZ", t);
}

CivilDate civil_date_of(Micros t) {
  const date::year_month_day ymd{std::chrono::floor<date::days>(t)};
  return CivilDate::from_ymd(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                             static_cast<unsigned>(ymd.day()));
}

// Reads the whole of `text` as "%FT%TZ"; false when it is not that or something is left over.
bool parse_timestamp(const std::string& text, Micros& out) {
  std::istringstream in(text);
  in >> date::parse("%FT%TZ", out);
  return !in.fail() && in.peek() == std::char_traits<char>::eof();
}

}  // namespace

Clock Clock::system() {
  return Clock{[] {
                 return format_timestamp(std::chrono::floor<std::chrono::microseconds>(
                     std::chrono::system_clock::now()));
               },
               [] {
                 return civil_date_of(std::chrono::floor<std::chrono::microseconds>(
                     std::chrono::system_clock::now()));
               }};
}

Result<Clock> Clock::fixed(const std::string& iso_timestamp) {
  Micros base{};
  if (!parse_timestamp(iso_timestamp, base)) {
    std::istringstream date_only(iso_timestamp);
    date::sys_days day{};
    date_only >> date::parse("%F", day);
    if (date_only.fail() || date_only.peek() != std::char_traits<char>::eof()) {
      return Error::invalid("\"" + iso_timestamp +
                            "\" is not a UTC time such as 2026-11-25T12:00:00Z or a date");
    }
    base = Micros(day);
  }
  auto counter = std::make_shared<std::int64_t>(0);
  return Clock{
      [base, counter] { return format_timestamp(base + std::chrono::microseconds(++*counter)); },
      [base] { return civil_date_of(base); }};
}

Result<std::int64_t> utc_microseconds(std::string_view text) {
  // date::parse alone would also skip white space and take one-digit fields; the shape is
  // checked first so that only the two forms the ledger writes pass.
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
  bool shaped = text.size() >= kShape.size() + 1 && text.back() == 'Z';
  for (std::size_t i = 0; shaped && i < kShape.size(); ++i) {
    shaped = kShape[i] == 'd' ? std::isdigit(static_cast<unsigned char>(text[i])) != 0
                              : text[i] == kShape[i];
  }
  if (shaped && text.size() > kShape.size() + 1) {
    const std::string_view fraction = text.substr(kShape.size(), text.size() - kShape.size() - 1);
    shaped = fraction.size() >= 2 && fraction.size() <= 7 && fraction.front() == '.' &&
             fraction.find_first_not_of("0123456789", 1) == std::string_view::npos;
  }
  Micros instant{};
  if (!shaped || !parse_timestamp(std::string(text), instant)) {
    return Error::invalid("\"" + std::string(text) +
                          "\" is not a UTC time such as 2026-11-25T12:00:00Z");
  }
  return static_cast<std::int64_t>(instant.time_since_epoch().count());
}

}  // namespace fms::ledger
