// Precomputed date texts for the benchmark generator.
//
// Millions of rows carry a few thousand distinct dates, so each date's ISO text, Julian
// document-number date and reporting quarter end are computed once for the whole range and
// looked up by serial (days since 1970-01-01) while writing.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/civil_date.h"

namespace fms::bench {

// The end of the calendar quarter containing `date` (31 Mar, 30 Jun, 30 Sep or 31 Dec): the
// delivery listing a shipment on `date` is first reported in.
CivilDate quarter_end_on_or_after(const CivilDate& date);

// The MILSTRIP Julian date of a document number: last digit of the year and the day of the
// year, "5073" for 14 March 2025.
std::array<char, 4> julian_date(const CivilDate& date);

class CalendarTable {
 public:
  // Covers every date from `first` to `last` inclusive (first <= last).
  CalendarTable(const CivilDate& first, const CivilDate& last);

  [[nodiscard]] bool covers(std::int32_t serial) const {
    return serial >= first_serial_ && serial < first_serial_ + static_cast<std::int32_t>(count_);
  }
  // "2025-03-14"; `serial` must be covered.
  [[nodiscard]] std::string_view iso(std::int32_t serial) const {
    return {iso_.data() + offset(serial) * kIsoBytes, kIsoBytes};
  }
  [[nodiscard]] std::string_view julian(std::int32_t serial) const {
    return {julian_.data() + offset(serial) * kJulianBytes, kJulianBytes};
  }
  [[nodiscard]] std::int32_t quarter_end(std::int32_t serial) const {
    return quarter_end_[offset(serial)];
  }

 private:
  static constexpr std::size_t kIsoBytes = 10;
  static constexpr std::size_t kJulianBytes = 4;
  [[nodiscard]] std::size_t offset(std::int32_t serial) const {
    return static_cast<std::size_t>(serial - first_serial_);
  }

  std::int32_t first_serial_ = 0;
  std::size_t count_ = 0;
  std::vector<char> iso_;
  std::vector<char> julian_;
  std::vector<std::int32_t> quarter_end_;
};

}  // namespace fms::bench
