// Case planning for the benchmark: identifiers "JA-<agency>-K<nn>", dates relative to the
// as-of date, and lines with a unit cost and a Delivery Term Code each.
#include "case_planner.h"

#include <algorithm>
#include <array>
#include <string>

namespace fms::bench {
namespace {

constexpr std::string_view kBase36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::array<char, 3> kAgencies{'B', 'D', 'P'};  // Army, Air Force, Navy
// Most lines ship at origin (DTC 4, the standard code); a few with USG transport.
constexpr std::array<std::string_view, 3> kOtherDeliveryTerms{"2", "3", "5"};
constexpr std::uint64_t kStandardTermPerMille = 850;

// Case dates, in days relative to the as-of date and to each other.
constexpr std::int64_t kAcceptanceDaysBeforeAsOfMin = 3 * 365;
constexpr std::int64_t kAcceptanceDaysBeforeAsOfMax = 4 * 365 + 180;
constexpr std::int64_t kOfferDaysBeforeAcceptanceMin = 14;
constexpr std::int64_t kOfferDaysBeforeAcceptanceMax = 70;  // under the 85-day offer period
constexpr std::int64_t kImplementationDaysMin = 14;
constexpr std::int64_t kImplementationDaysMax = 45;
constexpr std::int64_t kFirstShipmentDaysMin = 30;
constexpr std::int64_t kFirstShipmentDaysMax = 90;

std::string two_base36(std::uint32_t value) {
  return {kBase36[value / 36 % 36], kBase36[value % 36]};
}

std::string line_number(std::uint32_t index) {
  std::string number = std::to_string(index + 1);
  return std::string(3 - number.size(), '0') + number;
}

}  // namespace

std::uint32_t case_count_for(std::int64_t deliveries) {
  const std::int64_t wanted = (deliveries + kDeliveriesPerCase - 1) / kDeliveriesPerCase;
  return static_cast<std::uint32_t>(std::clamp<std::int64_t>(wanted, kMinCases, kMaxCases));
}

void plan_cases(Portfolio& portfolio, SeededRandom& random, std::uint32_t count) {
  for (std::uint32_t c = 0; c < count; ++c) {
    BenchCase bench_case;
    const char agency = kAgencies[random.below(kAgencies.size())];
    const std::string designator = "K" + two_base36(c);
    bench_case.case_id = std::string("JA-") + agency + "-" + designator;
    bench_case.document_prefix = std::string("JA") + agency + designator;
    bench_case.acceptance = portfolio.as_of.plus_days(
        -random.between(kAcceptanceDaysBeforeAsOfMin, kAcceptanceDaysBeforeAsOfMax));
    bench_case.offer = bench_case.acceptance.plus_days(
        -random.between(kOfferDaysBeforeAcceptanceMin, kOfferDaysBeforeAcceptanceMax));
    bench_case.implemented = bench_case.acceptance.plus_days(
        random.between(kImplementationDaysMin, kImplementationDaysMax));
    bench_case.first_shipment = bench_case.implemented.plus_days(
        random.between(kFirstShipmentDaysMin, kFirstShipmentDaysMax));
    bench_case.first_line = static_cast<std::uint32_t>(portfolio.lines.size());
    bench_case.line_count =
        static_cast<std::uint32_t>(random.between(kMinLinesPerCase, kMaxLinesPerCase));
    for (std::uint32_t l = 0; l < bench_case.line_count; ++l) {
      BenchLine line;
      line.case_index = c;
      line.number = line_number(l);
      line.unit_cost_cents = random.between(kMinUnitCostCents, kMaxUnitCostCents);
      line.delivery_term_code =
          random.chance_per_mille(kStandardTermPerMille)
              ? "4"
              : std::string(kOtherDeliveryTerms[random.below(kOtherDeliveryTerms.size())]);
      portfolio.lines.push_back(std::move(line));
    }
    portfolio.cases.push_back(std::move(bench_case));
  }
}

}  // namespace fms::bench
