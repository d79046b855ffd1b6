// Tests of the benchmark generator: its randomness, date texts, identifiers, option limits, and
// the invariants the ground truth rests on (quantity bands, duplicates after originals, values,
// valid LOAs), checked on a small portfolio planned in memory.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bench_portfolio.h"
#include "calendar_table.h"
#include "case_documents.h"
#include "case_planner.h"
#include "csv_files.h"
#include "execution_planner.h"
#include "generator_options.h"
#include "ground_truth.h"
#include "refdata/loader.h"
#include "seeded_random.h"

namespace fms::bench {
namespace {

CivilDate day(const char* text) {
  return CivilDate::parse(text).value();
}

TEST(SeededRandom, IsTheStandardMersenneTwister) {
  // The C++ standard fixes the 10000th output of a default-seeded mt19937_64.
  SeededRandom random(5489);
  for (int i = 0; i < 9999; ++i) random.next();
  EXPECT_EQ(random.next(), 9981545732273789042ULL);
}

TEST(SeededRandom, BetweenStaysInsideAndReachesBothEnds) {
  SeededRandom random(7);
  std::set<std::int64_t> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::int64_t value = random.between(-1, 2);
    ASSERT_GE(value, -1);
    ASSERT_LE(value, 2);
    seen.insert(value);
  }
  EXPECT_EQ(seen, (std::set<std::int64_t>{-1, 0, 1, 2}));
}

TEST(SeededRandom, SameSeedSameSequenceOtherSeedOtherSequence) {
  SeededRandom a(42);
  SeededRandom b(42);
  SeededRandom c(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const std::uint64_t value = a.below(1000);
    EXPECT_EQ(value, b.below(1000));
    differs = differs || value != c.below(1000);
  }
  EXPECT_TRUE(differs);
}

TEST(CalendarTable, QuarterEndIsOnOrAfterTheDate) {
  EXPECT_EQ(quarter_end_on_or_after(day("2025-01-01")), day("2025-03-31"));
  EXPECT_EQ(quarter_end_on_or_after(day("2025-03-31")), day("2025-03-31"));
  EXPECT_EQ(quarter_end_on_or_after(day("2025-04-01")), day("2025-06-30"));
  EXPECT_EQ(quarter_end_on_or_after(day("2024-08-15")), day("2024-09-30"));
  EXPECT_EQ(quarter_end_on_or_after(day("2025-12-31")), day("2025-12-31"));
}

TEST(CalendarTable, JulianDateIsYearDigitAndDayOfYear) {
  const auto march = julian_date(day("2025-03-14"));
  EXPECT_EQ(std::string(march.data(), march.size()), "5073");
  const auto leap = julian_date(day("2024-12-31"));
  EXPECT_EQ(std::string(leap.data(), leap.size()), "4366");
  const auto first = julian_date(day("2030-01-01"));
  EXPECT_EQ(std::string(first.data(), first.size()), "0001");
}

TEST(CalendarTable, LooksUpEveryDayOfItsRange) {
  const CalendarTable table(day("2024-12-30"), day("2025-01-02"));
  const std::int32_t first = day("2024-12-30").serial();
  EXPECT_FALSE(table.covers(first - 1));
  EXPECT_TRUE(table.covers(first));
  EXPECT_TRUE(table.covers(first + 3));
  EXPECT_FALSE(table.covers(first + 4));
  EXPECT_EQ(table.iso(first + 2), "2025-01-01");
  EXPECT_EQ(table.julian(first + 2), "5001");
  EXPECT_EQ(table.quarter_end(first), day("2024-12-31").serial());
  EXPECT_EQ(table.quarter_end(first + 2), day("2025-03-31").serial());
}

TEST(Identifiers, DocumentNumberIsFourteenCharactersOfMilstrip) {
  BenchCase bench_case;
  bench_case.document_prefix = "JAPK0A";
  const auto number = document_number(bench_case, "5073", 36 * 36 + 35, false);
  EXPECT_EQ(std::string(number.data(), number.size()), "JAPK0A5073010Z");
  const auto unknown = document_number(bench_case, "5073", 0, true);
  EXPECT_EQ(std::string(unknown.data(), unknown.size()), "JAPX0A50730000");
  const auto last = document_number(bench_case, "5073", kMaxSerialsPerCase - 1, false);
  EXPECT_EQ(std::string(last.data(), last.size()), "JAPK0A5073ZZZZ");
}

TEST(Identifiers, ReceiptIdWidensOnlyPastTenMillionRows) {
  EXPECT_EQ(receipt_id(42, 100), "R0000042");
  EXPECT_EQ(receipt_id(9'999'999, 10'000'000), "R9999999");
  EXPECT_EQ(receipt_id(0, 10'000'001), "R00000000");
}

TEST(Options, ParsesAllOptions) {
  auto options = parse_generator_options({"--out", "/tmp/x", "--deliveries", "5000", "--seed",
                                          "18446744073709551615", "--as-of", "2025-12-31"});
  ASSERT_TRUE(options.ok()) << options.error().message;
  EXPECT_EQ(options->out_dir, "/tmp/x");
  EXPECT_EQ(options->deliveries, 5000);
  EXPECT_EQ(options->seed, 18446744073709551615ULL);
  EXPECT_EQ(options->as_of, day("2025-12-31"));
  auto defaults = parse_generator_options({"--out", "d", "--deliveries", "1000", "--seed", "1"});
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->as_of, day(kDefaultAsOf));
}

std::string options_error(std::vector<std::string> arguments) {
  auto options = parse_generator_options(arguments);
  return options.ok() ? "" : options.error().message;
}

TEST(Options, DeliveriesLimitsAtAndJustPast) {
  const std::string min = std::to_string(kMinDeliveries);
  const std::string max = std::to_string(kMaxDeliveries);
  EXPECT_EQ(options_error({"--out", "d", "--seed", "1", "--deliveries", min}), "");
  EXPECT_EQ(options_error({"--out", "d", "--seed", "1", "--deliveries", max}), "");
  EXPECT_NE(options_error(
                {"--out", "d", "--seed", "1", "--deliveries", std::to_string(kMinDeliveries - 1)})
                .find("outside"),
            std::string::npos);
  EXPECT_NE(options_error(
                {"--out", "d", "--seed", "1", "--deliveries", std::to_string(kMaxDeliveries + 1)})
                .find("outside"),
            std::string::npos);
}

TEST(Options, AsOfLimitsAtAndJustPast) {
  const std::vector<std::string> base{"--out", "d", "--seed", "1", "--deliveries", "1000"};
  auto with = [&base](const std::string& as_of) {
    std::vector<std::string> arguments = base;
    arguments.push_back("--as-of");
    arguments.push_back(as_of);
    return options_error(arguments);
  };
  EXPECT_EQ(with(kEarliestAsOf), "");
  EXPECT_EQ(with(kLatestAsOf), "");
  EXPECT_NE(with("2009-12-31").find("outside"), std::string::npos);
  EXPECT_NE(with("2101-01-01").find("outside"), std::string::npos);
}

TEST(Options, RefusesWhatItDoesNotUnderstand) {
  EXPECT_NE(
      options_error({"--out", "d", "--seed", "1", "--deliveries", "12x"}).find("whole number"),
      std::string::npos);
  EXPECT_NE(options_error({"--out", "d", "--seed", "-1", "--deliveries", "1000"}).find("--seed"),
            std::string::npos);
  EXPECT_NE(options_error({"--out", "d", "--deliveries", "1000"}).find("--seed"),
            std::string::npos);
  EXPECT_NE(options_error({"--out", "d", "--seed", "1", "--deliveries", "1000", "--rows", "5"})
                .find("unknown option"),
            std::string::npos);
  EXPECT_NE(options_error({"--out", "d", "--seed"}).find("a value is required"), std::string::npos);
}

TEST(CasePlanner, CaseCountFollowsRowsWithinItsLimits) {
  EXPECT_EQ(case_count_for(1), kMinCases);
  EXPECT_EQ(case_count_for(2 * kDeliveriesPerCase), 2U);
  EXPECT_EQ(case_count_for(2 * kDeliveriesPerCase + 1), 3U);
  EXPECT_EQ(case_count_for(kMaxCases * kDeliveriesPerCase), kMaxCases);
  EXPECT_EQ(case_count_for(kMaxCases * kDeliveriesPerCase + 1), kMaxCases);
}

// A small portfolio planned exactly as the generator does, for the invariant tests.
struct Planned {
  Portfolio portfolio;
  CalendarTable calendar;
  InjectionRules rules;
};

Planned plan(std::int64_t rows, std::uint64_t seed) {
  const ReferenceData reference = refdata::load_builtin().value();
  const CivilDate as_of = day(kDefaultAsOf);
  const ReconciliationRules rules = reference.reconciliation_rules_on(as_of).value();
  Portfolio portfolio;
  portfolio.as_of = as_of;
  portfolio.seed = seed;
  SeededRandom random(seed);
  plan_cases(portfolio, random, case_count_for(rows));
  CivilDate first = as_of;
  for (const BenchCase& c : portfolio.cases) first = std::min(first, c.first_shipment);
  Planned planned{std::move(portfolio), CalendarTable(first, as_of),
                  InjectionRules{rules.shipped_not_received_days, rules.receipt_window_days,
                                 rules.value_tolerance_basis_points}};
  plan_executions(planned.portfolio, random, rows, planned.rules, planned.calendar);
  return planned;
}

const Planned& small_portfolio() {
  static const Planned planned = plan(4000, 11);
  return planned;
}

TEST(ExecutionPlanner, WritesExactlyTheRowsAskedForInFileOrder) {
  const Portfolio& p = small_portfolio().portfolio;
  ASSERT_EQ(p.deliveries.size(), 4000U);
  EXPECT_GT(p.receipts.size(), 3900U);
  for (std::size_t i = 1; i < p.deliveries.size(); ++i) {
    EXPECT_LE(p.deliveries[i - 1].reporting_quarter_end, p.deliveries[i].reporting_quarter_end);
  }
  for (std::size_t i = 1; i < p.receipts.size(); ++i) {
    EXPECT_LE(p.receipts[i - 1].received_date, p.receipts[i].received_date);
  }
}

TEST(ExecutionPlanner, EveryInjectionOccurs) {
  const Portfolio& p = small_portfolio().portfolio;
  std::map<Injection, int> counts;
  for (const DeliveryRow& row : p.deliveries) ++counts[row.injection];
  for (Injection injection :
       {Injection::received_in_parts, Injection::matched_by_quantity, Injection::recent_unreceived,
        Injection::shipped_not_received, Injection::quantity_short, Injection::quantity_over,
        Injection::rejected_on_inspection, Injection::line_mismatch, Injection::value_mismatch,
        Injection::duplicate_document}) {
    EXPECT_GT(counts[injection], 0) << static_cast<int>(injection);
  }
  EXPECT_TRUE(std::any_of(p.receipts.begin(), p.receipts.end(),
                          [](const ReceiptRow& r) { return r.expected_unmatched; }));
}

TEST(ExecutionPlanner, RowsReachingPassTwoKeepToTheirQuantityBands) {
  const Planned& planned = small_portfolio();
  const Portfolio& p = planned.portfolio;
  const std::int32_t as_of = p.as_of.serial();
  std::set<std::pair<std::uint32_t, std::int32_t>> keys;  // (line, quantity)
  for (const DeliveryRow& row : p.deliveries) {
    if (row.injection == Injection::shipped_not_received ||
        row.injection == Injection::recent_unreceived) {
      EXPECT_GE(row.quantity, 1);
      EXPECT_LE(row.quantity, kUnreceivedQuantityMax);
      const std::int32_t age = as_of - row.ship_date;
      if (row.injection == Injection::shipped_not_received) {
        EXPECT_GT(age, planned.rules.shipped_not_received_days + kBoundaryMarginDays - 1);
      } else {
        EXPECT_LT(age, planned.rules.shipped_not_received_days - kBoundaryMarginDays + 1);
      }
    }
    if (row.injection == Injection::matched_by_quantity) {
      EXPECT_GE(row.quantity, kKeyQuantityMin);
      EXPECT_LE(row.quantity, kKeyQuantityMax);
      EXPECT_TRUE(keys.insert({row.line_index, row.quantity}).second)
          << "two quantity-matched shipments share a quantity on one line";
    }
  }
  for (const ReceiptRow& row : p.receipts) {
    if (row.expected_unmatched) {
      EXPECT_GE(row.quantity_received, kUnreportedQuantityMin);
      EXPECT_LE(row.quantity_received, kUnreportedQuantityMax);
      EXPECT_NE(row.marking, ReceiptMarking::delivery);
    }
  }
}

TEST(ExecutionPlanner, ValuesAreExactUnlessInjectedBeyondTheTolerance) {
  const Planned& planned = small_portfolio();
  const Portfolio& p = planned.portfolio;
  for (const DeliveryRow& row : p.deliveries) {
    const std::int64_t expected = row.quantity * p.lines[row.line_index].unit_cost_cents;
    if (row.injection == Injection::value_mismatch) {
      const std::int64_t difference =
          row.value_cents > expected ? row.value_cents - expected : expected - row.value_cents;
      EXPECT_GT(difference * 10'000, planned.rules.value_tolerance_basis_points * expected);
    } else {
      EXPECT_EQ(row.value_cents, expected);
    }
  }
}

TEST(ExecutionPlanner, DuplicatesFollowTheirOriginalAndNothingIsDatedAfterAsOf) {
  const Portfolio& p = small_portfolio().portfolio;
  const std::int32_t as_of = p.as_of.serial();
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;  // (case, serial) in file order
  int duplicates = 0;
  for (const DeliveryRow& row : p.deliveries) {
    EXPECT_LE(row.ship_date, as_of);
    EXPECT_LE(row.reporting_quarter_end,
              std::max(as_of, small_portfolio().calendar.quarter_end(as_of)));
    const std::pair<std::uint32_t, std::uint32_t> key{p.lines[row.line_index].case_index,
                                                      row.serial};
    const bool first = seen.insert(key).second;
    EXPECT_EQ(first, !row.duplicate);
    duplicates += row.duplicate ? 1 : 0;
  }
  EXPECT_GT(duplicates, 0);
  for (const ReceiptRow& row : p.receipts) EXPECT_LE(row.received_date, as_of);
}

TEST(ExecutionPlanner, ReceiptsAddUpExceptWhereShortOrOverIsInjected) {
  const Portfolio& p = small_portfolio().portfolio;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::int64_t> received;
  for (const ReceiptRow& row : p.receipts) {
    EXPECT_LE(row.quantity_rejected, row.quantity_received);
    if (row.marking == ReceiptMarking::unknown || row.expected_unmatched) continue;
    received[{row.document_case, row.document_serial}] += row.quantity_received;
  }
  for (const DeliveryRow& row : p.deliveries) {
    if (row.duplicate) continue;
    const std::int64_t got = received[{p.lines[row.line_index].case_index, row.serial}];
    switch (row.injection) {
      case Injection::shipped_not_received:
      case Injection::recent_unreceived:
        EXPECT_EQ(got, 0);
        break;
      case Injection::quantity_short:
        EXPECT_LT(got, row.quantity);
        EXPECT_GT(got, 0);
        break;
      case Injection::quantity_over:
        EXPECT_GT(got, row.quantity);
        break;
      default:
        EXPECT_EQ(got, row.quantity);
    }
  }
}

TEST(GroundTruth, OneDiscrepancyPerInjectionAndMatchesCountReceipts) {
  const Planned& planned = small_portfolio();
  const Portfolio& p = planned.portfolio;
  const GroundTruth truth = derive_ground_truth(p, planned.calendar);
  std::size_t expected = 0;
  std::size_t unreported = 0;
  for (const DeliveryRow& row : p.deliveries) {
    switch (row.injection) {
      case Injection::shipped_not_received:
      case Injection::quantity_short:
      case Injection::quantity_over:
      case Injection::line_mismatch:
      case Injection::value_mismatch:
        ++expected;
        break;
      case Injection::duplicate_document:
        expected += row.duplicate ? 1 : 0;
        break;
      default:
        break;
    }
  }
  for (const ReceiptRow& row : p.receipts) {
    expected += (row.expected_unmatched || row.quantity_rejected > 0) ? 1 : 0;
    unreported += row.expected_unmatched ? 1 : 0;
  }
  EXPECT_EQ(truth.discrepancies.size(), expected);
  EXPECT_EQ(truth.matches, p.receipts.size() - unreported);
  EXPECT_TRUE(std::is_sorted(truth.discrepancies.begin(), truth.discrepancies.end()));
  const std::string json = ground_truth_json(truth);
  EXPECT_NE(json.find("\"as_of\": \"2026-06-30\""), std::string::npos);
  EXPECT_NE(json.find("\"type\":\"duplicate-document\""), std::string::npos);
  EXPECT_NE(json.find("\"document\":\"receipt R"), std::string::npos);
}

TEST(CaseDocuments, EveryCaseIsAValidBasicLoaCoveringItsDeliveries) {
  const ReferenceData reference = refdata::load_builtin().value();
  const Portfolio& p = small_portfolio().portfolio;
  for (std::size_t c = 0; c < p.cases.size(); ++c) {
    auto version = basic_loa(p, c, reference);
    ASSERT_TRUE(version.ok()) << version.error().message;
    const BenchCase& bench_case = p.cases[c];
    ASSERT_EQ(version->lines.size(), bench_case.line_count);
    for (std::size_t l = 0; l < version->lines.size(); ++l) {
      const BenchLine& line = p.lines[bench_case.first_line + l];
      EXPECT_GT(version->lines[l].quantity, line.delivered_quantity);
      const CivilDate available =
          bench_case.acceptance.plus_months(*version->lines[l].availability_months_to);
      EXPECT_GT(available, p.as_of.plus_months(kAvailabilityMonthsAfterAsOf - 1));
    }
  }
}

TEST(CaseDocuments, SetupImportsThenAcceptsThenImplements) {
  const BenchCase& bench_case = small_portfolio().portfolio.cases.front();
  const std::vector<std::string> commands = setup_commands(bench_case);
  ASSERT_EQ(commands.size(), 3U);
  EXPECT_EQ(commands[0], "case import cases/" + bench_case.case_id + ".json");
  EXPECT_EQ(commands[1].rfind("case transition " + bench_case.case_id + " accepted --date " +
                                  bench_case.acceptance.to_string(),
                              0),
            0U);
  EXPECT_EQ(commands[2].rfind("case transition " + bench_case.case_id + " implemented --date " +
                                  bench_case.implemented.to_string(),
                              0),
            0U);
}

}  // namespace
}  // namespace fms::bench
