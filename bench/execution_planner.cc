// Delivery and receipt planning for the benchmark. One random draw per delivery picks its
// injection from a fixed table of rates; the injection decides its ship date range, its
// quantity band and the receipts made for it. Receipts meant to stay unmatched are added at
// the end. See execution_planner.h for why no two injections can interact.
#include "execution_planner.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>

namespace fms::bench {
namespace {

struct InjectionRate {
  Injection injection;
  std::uint64_t per_ten_thousand;
};

// About 2% of rows carry a discrepancy and another 1.2% one of the benign situations.
constexpr std::array<InjectionRate, 10> kInjectionRates{{
    {Injection::shipped_not_received, 30},
    {Injection::recent_unreceived, 30},
    {Injection::quantity_short, 25},
    {Injection::quantity_over, 25},
    {Injection::rejected_on_inspection, 30},
    {Injection::line_mismatch, 20},
    {Injection::value_mismatch, 25},
    {Injection::duplicate_document, 20},
    {Injection::matched_by_quantity, 40},
    {Injection::received_in_parts, 50},
}};
constexpr std::uint64_t kUnreportedReceiptsPerTenThousand = 25;
constexpr std::uint64_t kTcnPerMille = 20;
constexpr std::uint64_t kUnknownNumberPerMille = 500;  // of unreported receipts; others carry none

// Ordinary shipments are mostly a few units; one in ten is larger.
constexpr std::uint64_t kLargeShipmentPerMille = 100;
constexpr std::int64_t kSmallShipmentMax = 8;
constexpr std::int64_t kLargeShipmentMax = 60;
constexpr std::int64_t kReceiptDelayMinDays = 3;
constexpr std::int64_t kReceiptDelayMaxDays = 60;
constexpr std::int64_t kPartDelayMinDays = 5;
constexpr std::int64_t kPartDelayMaxDays = 30;
// Injected value mismatches lie at least this many percentage points beyond the tolerance.
constexpr std::int64_t kValueMismatchMarginPercent = 20;
constexpr std::int64_t kValueMismatchSpreadPercent = 130;
constexpr std::int64_t kLowestValuePercent = 10;

class Planner {
 public:
  Planner(Portfolio& portfolio, SeededRandom& random, const InjectionRules& rules,
          const CalendarTable& calendar)
      : portfolio_(portfolio),
        random_(random),
        rules_(rules),
        calendar_(calendar),
        as_of_(portfolio.as_of.serial()) {}

  void run(std::int64_t delivery_rows) {
    std::int64_t written = 0;
    while (written < delivery_rows) {
      const auto line_index = static_cast<std::uint32_t>(random_.below(portfolio_.lines.size()));
      Injection injection = feasible(draw_injection(), line_index);
      if (injection == Injection::duplicate_document && written + 2 > delivery_rows) {
        injection = Injection::none;
      }
      plan_delivery(line_index, injection);
      written += injection == Injection::duplicate_document ? 2 : 1;
    }
    const auto unreported = std::max<std::int64_t>(
        1, delivery_rows * static_cast<std::int64_t>(kUnreportedReceiptsPerTenThousand) / 10'000);
    for (std::int64_t i = 0; i < unreported; ++i) add_unreported_receipt();
  }

 private:
  Injection draw_injection() {
    std::uint64_t draw = random_.below(10'000);
    for (const InjectionRate& rate : kInjectionRates) {
      if (draw < rate.per_ten_thousand) return rate.injection;
      draw -= rate.per_ten_thousand;
    }
    return Injection::none;
  }

  // Injections whose conditions a line cannot meet fall back to an ordinary shipment.
  Injection feasible(Injection injection, std::uint32_t line_index) const {
    const BenchLine& line = portfolio_.lines[line_index];
    const BenchCase& bench_case = portfolio_.cases[line.case_index];
    switch (injection) {
      case Injection::shipped_not_received:
      case Injection::recent_unreceived:
        return ship_range(bench_case, injection) ? injection : Injection::none;
      case Injection::matched_by_quantity:
        return line.next_quantity_key <= kKeyQuantityMax - kKeyQuantityMin ? injection
                                                                           : Injection::none;
      default:
        return injection;
    }
  }

  struct DateRange {
    std::int32_t first;
    std::int32_t last;
  };

  // Unreceived shipments are dated clear of the shipped-not-received age on the right side.
  std::optional<DateRange> ship_range(const BenchCase& bench_case, Injection injection) const {
    const std::int32_t first = bench_case.first_shipment.serial();
    const auto age = static_cast<std::int32_t>(rules_.shipped_not_received_days);
    const auto margin = static_cast<std::int32_t>(kBoundaryMarginDays);
    DateRange range{first, as_of_};
    if (injection == Injection::shipped_not_received) {
      range.last = as_of_ - age - margin;
    } else if (injection == Injection::recent_unreceived) {
      range.first = std::max(first, as_of_ - age + margin);
    }
    if (range.first > range.last) return std::nullopt;
    return range;
  }

  std::int32_t quantity_for(Injection injection, BenchLine& line) {
    switch (injection) {
      case Injection::shipped_not_received:
      case Injection::recent_unreceived:
        return draw_int32(1, kUnreceivedQuantityMax);
      case Injection::matched_by_quantity:
        return kKeyQuantityMin + line.next_quantity_key++;
      case Injection::received_in_parts:
        return draw_int32(3, 12);  // room for three parts
      case Injection::quantity_short:
        return draw_int32(2, 12);  // room to receive fewer
      default:
        return static_cast<std::int32_t>(
            random_.chance_per_mille(kLargeShipmentPerMille)
                ? random_.between(kSmallShipmentMax + 1, kLargeShipmentMax)
                : random_.between(1, kSmallShipmentMax));
    }
  }

  std::int32_t draw_int32(std::int64_t low, std::int64_t high) {
    return static_cast<std::int32_t>(random_.between(low, high));
  }

  void plan_delivery(std::uint32_t line_index, Injection injection) {
    BenchLine& line = portfolio_.lines[line_index];
    BenchCase& bench_case = portfolio_.cases[line.case_index];
    const std::optional<DateRange> range = ship_range(bench_case, injection);
    if (!range) std::abort();  // feasible() guarantees a range
    DeliveryRow delivery;
    delivery.line_index = line_index;
    delivery.ship_date = draw_int32(range->first, range->last);
    delivery.reporting_quarter_end = calendar_.quarter_end(delivery.ship_date);
    delivery.quantity = quantity_for(injection, line);
    delivery.value_cents = delivery.quantity * line.unit_cost_cents;
    if (bench_case.next_serial == kMaxSerialsPerCase) std::abort();  // see kMaxDeliveries
    delivery.serial = bench_case.next_serial++;
    delivery.sequence = static_cast<std::uint32_t>(portfolio_.deliveries.size());
    if (random_.chance_per_mille(kTcnPerMille)) delivery.tcn_bits = random_.next() | 1U;
    delivery.injection = injection;
    if (injection == Injection::value_mismatch) delivery.value_cents = mismatched_value(delivery);
    line.delivered_quantity += delivery.quantity;
    portfolio_.deliveries.push_back(delivery);
    add_receipts_for(delivery, bench_case);
    if (injection == Injection::duplicate_document) add_duplicate_of(delivery);
  }

  std::int64_t mismatched_value(const DeliveryRow& delivery) {
    const std::int64_t expected = delivery.value_cents;
    const std::int64_t tolerance_percent = rules_.value_tolerance_basis_points / 100 + 1;
    const std::int64_t low_max = 100 - tolerance_percent - kValueMismatchMarginPercent;
    const std::int64_t high_min = 100 + tolerance_percent + kValueMismatchMarginPercent;
    const bool low = low_max >= kLowestValuePercent && random_.chance_per_mille(500);
    const std::int64_t percent =
        low ? random_.between(kLowestValuePercent, low_max)
            : random_.between(high_min, high_min + kValueMismatchSpreadPercent);
    const std::int64_t value = expected * percent / 100;
    // The engine's test: |value - expected| x 10000 > tolerance x expected.
    const std::int64_t difference = value > expected ? value - expected : expected - value;
    if (difference * 10'000 <= rules_.value_tolerance_basis_points * expected) std::abort();
    return value;
  }

  void add_receipts_for(const DeliveryRow& delivery, const BenchCase& bench_case) {
    const std::int32_t quantity = delivery.quantity;
    switch (delivery.injection) {
      case Injection::shipped_not_received:
      case Injection::recent_unreceived:
        return;
      case Injection::received_in_parts: {
        const std::int32_t parts = draw_int32(2, 3);
        std::int32_t left = quantity;
        std::int32_t date = delivery.ship_date;
        for (std::int32_t part = 0; part < parts; ++part) {
          const std::int32_t size =
              part + 1 == parts ? left : draw_int32(1, left - (parts - part - 1));
          left -= size;
          date = later(date, kPartDelayMinDays, kPartDelayMaxDays);
          add_receipt(delivery, delivery.line_index, date, size);
        }
        return;
      }
      case Injection::matched_by_quantity: {
        const std::int64_t window_inside =
            std::max<std::int64_t>(0, rules_.receipt_window_days - kBoundaryMarginDays);
        ReceiptRow& receipt = add_receipt(delivery, delivery.line_index,
                                          later(delivery.ship_date, 0, window_inside), quantity);
        receipt.marking = ReceiptMarking::none;
        return;
      }
      case Injection::quantity_short:
        add_receipt(delivery, delivery.line_index, ordinary_receipt_date(delivery),
                    draw_int32(1, quantity - 1));
        return;
      case Injection::quantity_over:
        add_receipt(delivery, delivery.line_index, ordinary_receipt_date(delivery),
                    draw_int32(quantity + 1, quantity + 3));
        return;
      case Injection::rejected_on_inspection: {
        ReceiptRow& receipt =
            add_receipt(delivery, delivery.line_index, ordinary_receipt_date(delivery), quantity);
        receipt.quantity_rejected = draw_int32(1, quantity);
        receipt.condition = static_cast<std::uint8_t>(1 + random_.below(kConditionRemarks.size()));
        return;
      }
      case Injection::line_mismatch: {
        const std::uint32_t local = delivery.line_index - bench_case.first_line;
        const auto offset =
            static_cast<std::uint32_t>(random_.between(1, bench_case.line_count - 1));
        const std::uint32_t other =
            bench_case.first_line + (local + offset) % bench_case.line_count;
        add_receipt(delivery, other, ordinary_receipt_date(delivery), quantity);
        return;
      }
      case Injection::none:
      case Injection::value_mismatch:
      case Injection::duplicate_document:
        add_receipt(delivery, delivery.line_index, ordinary_receipt_date(delivery), quantity);
        return;
    }
  }

  // `date` plus a delay drawn from [min_days, max_days], never after the as-of date.
  std::int32_t later(std::int32_t date, std::int64_t min_days, std::int64_t max_days) {
    return std::min(as_of_, date + draw_int32(min_days, max_days));
  }

  std::int32_t ordinary_receipt_date(const DeliveryRow& delivery) {
    return later(delivery.ship_date, kReceiptDelayMinDays, kReceiptDelayMaxDays);
  }

  ReceiptRow& add_receipt(const DeliveryRow& delivery, std::uint32_t line_index,
                          std::int32_t received_date, std::int32_t quantity) {
    ReceiptRow receipt;
    receipt.line_index = line_index;
    receipt.received_date = received_date;
    receipt.quantity_received = quantity;
    receipt.document_case = portfolio_.lines[delivery.line_index].case_index;
    receipt.document_date = delivery.ship_date;
    receipt.document_serial = delivery.serial;
    return push_receipt(receipt);
  }

  ReceiptRow& push_receipt(ReceiptRow receipt) {
    receipt.sequence = static_cast<std::uint32_t>(portfolio_.receipts.size());
    receipt.inspector = static_cast<std::uint8_t>(random_.below(kInspectors.size()));
    portfolio_.receipts.push_back(receipt);
    return portfolio_.receipts.back();
  }

  // The same shipment reported again: in the next quarter's listing when that is out by the
  // as-of date, otherwise later in the same listing.
  void add_duplicate_of(const DeliveryRow& original) {
    DeliveryRow duplicate = original;
    duplicate.duplicate = true;
    duplicate.sequence = static_cast<std::uint32_t>(portfolio_.deliveries.size());
    const std::int32_t next_quarter_start = original.reporting_quarter_end + 1;
    if (next_quarter_start <= as_of_ && calendar_.quarter_end(next_quarter_start) <= as_of_) {
      duplicate.reporting_quarter_end = calendar_.quarter_end(next_quarter_start);
    }
    portfolio_.deliveries.push_back(duplicate);
  }

  void add_unreported_receipt() {
    const auto line_index = static_cast<std::uint32_t>(random_.below(portfolio_.lines.size()));
    const BenchLine& line = portfolio_.lines[line_index];
    BenchCase& bench_case = portfolio_.cases[line.case_index];
    const std::int32_t first = bench_case.first_shipment.serial();
    ReceiptRow receipt;
    receipt.line_index = line_index;
    receipt.received_date = draw_int32(first, as_of_);
    receipt.quantity_received = draw_int32(kUnreportedQuantityMin, kUnreportedQuantityMax);
    receipt.expected_unmatched = true;
    receipt.document_case = line.case_index;
    if (random_.chance_per_mille(kUnknownNumberPerMille)) {
      receipt.marking = ReceiptMarking::unknown;
      receipt.document_date = draw_int32(first, receipt.received_date);
      if (bench_case.next_unknown_serial == kMaxSerialsPerCase) std::abort();
      receipt.document_serial = bench_case.next_unknown_serial++;
    } else {
      receipt.marking = ReceiptMarking::none;
    }
    push_receipt(receipt);
  }

  Portfolio& portfolio_;
  SeededRandom& random_;
  const InjectionRules& rules_;
  const CalendarTable& calendar_;
  const std::int32_t as_of_;
};

void sort_into_file_order(Portfolio& portfolio) {
  // The listing runs quarter by quarter, shipments in date order; a duplicate always follows
  // its original because it is created after it (higher sequence) in the same or a later quarter.
  std::sort(portfolio.deliveries.begin(), portfolio.deliveries.end(),
            [](const DeliveryRow& a, const DeliveryRow& b) {
              if (a.reporting_quarter_end != b.reporting_quarter_end) {
                return a.reporting_quarter_end < b.reporting_quarter_end;
              }
              if (a.ship_date != b.ship_date) return a.ship_date < b.ship_date;
              return a.sequence < b.sequence;
            });
  std::sort(portfolio.receipts.begin(), portfolio.receipts.end(),
            [](const ReceiptRow& a, const ReceiptRow& b) {
              if (a.received_date != b.received_date) return a.received_date < b.received_date;
              return a.sequence < b.sequence;
            });
}

}  // namespace

void plan_executions(Portfolio& portfolio, SeededRandom& random, std::int64_t delivery_rows,
                     const InjectionRules& rules, const CalendarTable& calendar) {
  portfolio.deliveries.reserve(static_cast<std::size_t>(delivery_rows));
  portfolio.receipts.reserve(static_cast<std::size_t>(delivery_rows + delivery_rows / 50));
  Planner(portfolio, random, rules, calendar).run(delivery_rows);
  sort_into_file_order(portfolio);
}

}  // namespace fms::bench
