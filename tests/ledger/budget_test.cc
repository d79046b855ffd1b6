// Budget documents in the ledger: the demo's book imports once, the book in force on a date is
// the latest effective by then (the later recorded of two with one date), a document naming an
// unrecorded case writes nothing, and verify decodes every book and re-checks its hash.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "io/budget_json.h"
#include "ledger/database.h"
#include "refdata/loader.h"
#include "store/sqlite/sqlite_store.h"
#include "support/host_scope.h"

namespace fms::ledger {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string example(const std::string& relative) {
  std::ifstream in(std::string(FMSLEDGER_SOURCE_DIR) + "/examples/" + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

CivilDate d(int y, unsigned m, unsigned day) {
  return CivilDate::from_ymd(y, m, day);
}

std::string book(const std::string& effective, const std::string& rate_2025,
                 const std::string& case_id = "JA-P-TWK", std::string title = "") {
  if (title.empty()) title = "book " + effective + " " + rate_2025;
  return R"({"format": "fmsledger.budget/1", "effective_date": ")" + effective +
         R"(", "title": ")" + title + R"(", "provenance": "illustrative",
    "budget_rates": [{"fiscal_year": "JFY2025", "pair": "USD/JPY", "rate": ")" +
         rate_2025 +
         R"(", "source": "s"}],
    "appropriations": [{"id": "SO", "fiscal_year": "JFY2025", "programme": "p", "category": "c",
      "amount": "JPY 1", "policy": "warn", "cases": [")" +
         case_id + R"("]}]})";
}

class BudgetLedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("fms-budget-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    reference_ = refdata::load_builtin().value();
    store_ = store::open_sqlite_store((dir_ / "l.db").string()).value();
    ledger_ = std::make_unique<Database>(
        *store_, reference_, Clock::fixed("2026-11-25T12:00:00Z").value(), PasswordCost::minimum());
    ASSERT_TRUE(ledger_->cases()
                    .import_document(example("cases/tomahawk/00-basic.json"), "b.json",
                                     fms::testing::host_scope("t"))
                    .ok());
  }
  void TearDown() override {
    ledger_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string title_in_force(const CivilDate& date) {
    auto in_force = ledger_->money().budget_in_force(date, fms::testing::host_scope());
    EXPECT_TRUE(in_force.ok()) << in_force.error().message;
    if (!in_force.ok() || !*in_force) return "none";
    return (*in_force)->document.title;
  }

  std::filesystem::path dir_;
  ReferenceData reference_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Database> ledger_;
};

TEST_F(BudgetLedgerTest, TheBookInForceIsTheLatestEffectiveOnOrBeforeTheDate) {
  ASSERT_TRUE(
      ledger_->money()
          .import_budget(book("2025-04-01", "150"), "a.json", {}, fms::testing::host_scope("t"))
          .ok());
  ASSERT_TRUE(
      ledger_->money()
          .import_budget(book("2024-04-01", "140"), "b.json", {}, fms::testing::host_scope("t"))
          .ok());
  ASSERT_TRUE(
      ledger_->money()
          .import_budget(book("2025-04-01", "152"), "c.json", {}, fms::testing::host_scope("t"))
          .ok());
  EXPECT_EQ(title_in_force(d(2024, 3, 31)), "none");
  EXPECT_EQ(title_in_force(d(2024, 4, 1)), "book 2024-04-01 140");
  EXPECT_EQ(title_in_force(d(2025, 3, 31)), "book 2024-04-01 140");
  // Two books effective the same day: the one recorded later (a supplementary budget) counts.
  EXPECT_EQ(title_in_force(d(2025, 4, 1)), "book 2025-04-01 152");
  auto verified = ledger_->verifier().verify(fms::testing::host_scope());
  ASSERT_TRUE(verified.ok()) << verified.error().message;
}

TEST_F(BudgetLedgerTest, TheSameContentTwiceIsRecordedOnce) {
  auto first = ledger_->money().import_budget(book("2025-04-01", "150", "JA-P-TWK", "t"), "a.json",
                                              {}, fms::testing::host_scope("t"));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->recorded);
  // Reformatted, the same content: the canonical form is what identifies it.
  auto again =
      ledger_->money().import_budget("\n\n" + book("2025-04-01", "150.000", "ja-p-twk", "t"),
                                     "a2.json", {}, fms::testing::host_scope("t"));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->recorded);
  EXPECT_EQ(again->content_hash, first->content_hash);
  EXPECT_THAT(again->message, HasSubstr("already recorded"));
  EXPECT_EQ(ledger_->money().load()->budgets.size(), 1u);
}

TEST_F(BudgetLedgerTest, ABookNamingAnUnrecordedCaseWritesNothing) {
  const auto before = store_->read_events({})->size();
  auto refused = ledger_->money().import_budget(book("2025-04-01", "150", "JA-P-AMA"), "x.json", {},
                                                fms::testing::host_scope("t"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "x.json: /appropriations/0/cases/0: no case JA-P-AMA is recorded");
  EXPECT_EQ(store_->read_events({})->size(), before);
}

TEST_F(BudgetLedgerTest, TheDemoBookNeedsItsCasesAndThenImports) {
  // Only Tomahawk is recorded: every other case the demo book names is reported.
  auto refused = ledger_->money().import_budget(example("budget/jmod-fms-budget.json"), "jmod.json",
                                                {}, fms::testing::host_scope("t"));
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("no case JA-D-JER is recorded"));
  EXPECT_THAT(refused.error().message, Not(HasSubstr("no case JA-P-TWK")));
  // Parsed on its own, the book is well formed and its canonical form round-trips.
  auto parsed =
      io::parse_budget_document(example("budget/jmod-fms-budget.json"), "jmod.json", reference_);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->budget_rates.front().rate.to_string(), "108.00");
  EXPECT_EQ(parsed->envelopes.front().total, Money(43'000'000'000'000, Currency::jpy()));
  auto again = io::parse_budget_document(io::serialize_budget_document(*parsed), "c", reference_);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(io::serialize_budget_document(*again), io::serialize_budget_document(*parsed));
}

}  // namespace
}  // namespace fms::ledger
