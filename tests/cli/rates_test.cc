// `fmsledger rates`: importing rate files (twice is a no-op; a bad file is a located error that
// leaves the database byte-for-byte unchanged), listing and showing the recorded rates.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"

namespace fms::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class RatesCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(cli_({"init"}).exit_code, 0);
    const CliRun imported = cli_({"rates", "import", example_rates_});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    ASSERT_THAT(imported.out, AllOf(StartsWith("Recorded rates document "),
                                    HasSubstr(" (" + example_rates_ +
                                              ", shared series): 6 points, USD/JPY "
                                              "2025-01-31..2025-12-31\n")));
  }

  // Writes `text` as a file in the test's directory; its path.
  std::string file(const std::string& name, const std::string& text) {
    const auto path = dir_.path() / name;
    write_all(path, text);
    return path.string();
  }

  TempDir dir_;
  Cli cli_{dir_.path() / "ledger.db"};
  const std::string example_rates_ = example_path("rates/usd-jpy-2025.csv");
};

TEST_F(RatesCliTest, ImportingTheSameFileTwiceChangesNothingAndVerifyPasses) {
  const std::string before = cli_.dump();
  const CliRun again = cli_({"rates", "import", example_rates_});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, AllOf(HasSubstr("already recorded as rates document "),
                               HasSubstr("recorded 2026-11-25T12:00:00"),
                               HasSubstr("by tester); nothing changed")));
  EXPECT_EQ(cli_.dump(), before);
  const CliRun verify = cli_({"verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_THAT(verify.out, HasSubstr("verify OK"));
}

TEST_F(RatesCliTest, ARateOfZeroIsALocatedErrorAndChangesNothing) {
  const std::string before = cli_.dump();
  const std::string bad = file("bad.csv",
                               "date,pair,rate,source\n"
                               "2026-01-30,USD/JPY,153.10,month end\n"
                               "2026-02-27,USD/JPY,0,month end\n");
  const CliRun run = cli_({"rates", "import", bad});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_EQ(run.err,
            "fmsledger: error: " + bad +
                ":3: field \"rate\": \"0\" is not a USD/JPY rate: it must be above zero\n");
  EXPECT_EQ(cli_.dump(), before) << "the database changed after a refused import";
}

TEST_F(RatesCliTest, AConflictingRateOrAnUnsupportedPairChangesNothing) {
  const std::string before = cli_.dump();
  const std::string conflict = file("conflict.csv",
                                    "date,pair,rate,source\n"
                                    "2025-03-31,USD/JPY,150.00,revised\n");
  const CliRun refused = cli_({"rates", "import", conflict});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err, "fmsledger: error: " + conflict +
                             ":2: field \"rate\": USD/JPY on 2025-03-31 is already recorded as "
                             "149.52 (from " +
                             example_rates_ + "); nothing imported\n");
  const std::string cross = file("cross.csv",
                                 "date,pair,rate,source\n"
                                 "2025-03-31,EUR/JPY,161.80,cross\n");
  const CliRun unsupported = cli_({"rates", "import", cross});
  EXPECT_EQ(unsupported.exit_code, 1);
  EXPECT_THAT(unsupported.err, HasSubstr(cross + ":2: field \"pair\": \"EUR/JPY\" is not a "
                                                 "supported pair (supported: USD/JPY, USD/EUR, "
                                                 "USD/GBP, USD/AUD)"));
  EXPECT_EQ(cli_.dump(), before);
}

TEST_F(RatesCliTest, AFileAboveTheSizeLimitIsRefusedBeforeReading) {
  // io::kMaxExchangeRateFileBytes: 8 MiB.
  const std::string big = file("big.csv", std::string((std::size_t{8} << 20) + 1, ' '));
  const std::string before = cli_.dump();
  const CliRun run = cli_({"rates", "import", big});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, AllOf(HasSubstr("big.csv"), HasSubstr("the limit is 8388608")));
  EXPECT_EQ(cli_.dump(), before);
}

TEST_F(RatesCliTest, ListAsJsonGivesEveryPointWithItsDocument) {
  const CliRun list = cli_({"--json", "rates", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const auto json = nlohmann::json::parse(list.out);
  ASSERT_EQ(json["rates"].size(), 6u);
  const auto& first = json["rates"][0];
  EXPECT_EQ(first["date"], "2025-01-31");
  EXPECT_EQ(first["pair"], "USD/JPY");
  EXPECT_EQ(first["rate"], "154.83");
  EXPECT_EQ(first["source"], "month-end rate (illustrative)");
  EXPECT_EQ(first["document"].get<std::string>().size(), 64u);
  EXPECT_EQ(first["document_source"], example_rates_);

  const CliRun as_of =
      cli_({"--json", "rates", "list", "--pair", "usd/jpy", "--as-of", "2025-06-29"});
  ASSERT_EQ(as_of.exit_code, 0) << as_of.err;
  EXPECT_EQ(nlohmann::json::parse(as_of.out)["rates"].size(), 3u);
  const CliRun none = cli_({"rates", "list", "--pair", "USD/EUR"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "No exchange rates recorded for USD/EUR.\n");
}

TEST_F(RatesCliTest, ShowNamesThePointItUsedOrWhereTheSeriesStarts) {
  const CliRun show = cli_({"rates", "show", "--pair", "USD/JPY", "--date", "2025-06-15"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, StartsWith("USD/JPY on 2025-06-15: 149.52 (point of 2025-03-31, source "
                                   "month-end rate (illustrative); document "));
  const CliRun early = cli_({"rates", "show", "--pair", "USD/JPY", "--date", "2024-12-31"});
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_EQ(early.err,
            "fmsledger: error: no USD/JPY rate on or before 2024-12-31; the series "
            "starts 2025-01-31\n");
  const CliRun bad_pair = cli_({"rates", "show", "--pair", "USDJPY", "--date", "2025-06-15"});
  EXPECT_EQ(bad_pair.exit_code, 1);
  EXPECT_THAT(bad_pair.err, HasSubstr("--pair: \"USDJPY\" is not a currency pair"));
}

// Rates sit in the same portfolio-level log as execution documents, reconciliation runs and SDRs:
// every fold of that log must accept them.
TEST(RatesWithThePortfolio, ReplayAndPortfolioReadsAcceptRateEvents) {
  TempDir dir;
  Cli cli(dir.path() / "ledger.db");
  ASSERT_EQ(cli({"demo"}).exit_code, 0);
  const CliRun imported = cli({"rates", "import", example_path("rates/usd-jpy-2025.csv")});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const CliRun verify = cli({"verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_THAT(verify.out, HasSubstr("verify OK"));
  for (const std::vector<std::string>& read : {std::vector<std::string>{"documents"},
                                               {"report", "discrepancies"},
                                               {"sdr", "list"},
                                               {"rates", "list"}}) {
    const CliRun run = cli(read);
    EXPECT_EQ(run.exit_code, 0) << read.front() << ": " << run.err;
  }
}

}  // namespace
}  // namespace fms::testing
