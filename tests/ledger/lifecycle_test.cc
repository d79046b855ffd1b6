// The lifecycle on a real store: steps that need evidence are refused with what is missing or
// taken with a recorded override, an offer lapses at its OED, and an amendment is in force only
// once its signature is recorded. Refused commands write nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "ledger/database.h"
#include "refdata/loader.h"
#include "store/sqlite/sqlite_store.h"
#include "support/host_scope.h"

namespace fms::ledger {
namespace {

using ::testing::HasSubstr;

std::string example(const std::string& relative) {
  std::ifstream in(std::string(FMSLEDGER_SOURCE_DIR) + "/examples/" + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

CivilDate date(const char* text) {
  return CivilDate::parse(text).value();
}

class LifecycleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("fms-lifecycle-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    auto reference = refdata::load_builtin();
    ASSERT_TRUE(reference.ok()) << reference.error().message;
    reference_ = std::move(reference).value();
    auto store = store::open_sqlite_store((dir_ / "l.db").string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
    db_ = std::make_unique<Database>(
        *store_, reference_, Clock::fixed("2026-11-25T12:00:00Z").value(), PasswordCost::minimum());
    ASSERT_TRUE(
        cases().import_document(example("cases/tomahawk/00-basic.json"), "basic.json", host_).ok());
  }
  void TearDown() override {
    db_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  CaseLedger& cases() { return db_->cases(); }
  std::size_t events() { return store_->read_events({})->size(); }
  void accept() {
    ASSERT_TRUE(
        cases()
            .transition("JA-P-TWK", CaseStatus::accepted, date("2024-01-18"), "signed", host_)
            .ok());
  }
  void pay_deposit(const char* on) {
    const std::string csv = std::string("payment_id,date,case_id,usd_amount,jpy_amount,") +
                            "rate_jpy_per_usd\nDEP-1," + on + ",JA-P-TWK,42000000.00,,\n";
    auto paid =
        db_->execution().import_execution(ExecutionKind::payments, csv, "deposit.csv", {}, host_);
    ASSERT_TRUE(paid.ok()) << paid.error().message;
  }

  // Accepted, the deposit paid and implemented on the Tomahawk dates.
  void implement() {
    accept();
    pay_deposit("2024-01-25");
    ASSERT_TRUE(
        cases()
            .transition("JA-P-TWK", CaseStatus::implemented, date("2024-02-09"), "go", host_)
            .ok());
  }
  void import_listing(const std::string& csv) {
    auto imported =
        db_->execution().import_execution(ExecutionKind::delivery_listing, csv, "d.csv", {}, host_);
    ASSERT_TRUE(imported.ok()) << imported.error().message;
  }

  Scope host_ = fms::testing::host_scope("officer");
  std::filesystem::path dir_;
  ReferenceData reference_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Database> db_;
};

TEST_F(LifecycleTest, ImplementationWaitsForTheDepositUnlessAnOverrideIsRecorded) {
  accept();
  const std::size_t before = events();
  auto refused =
      cases().transition("JA-P-TWK", CaseStatus::implemented, date("2024-02-09"), "go", host_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::conflict);
  EXPECT_THAT(refused.error().message,
              HasSubstr("the initial deposit of USD 42,000,000.00 is not paid (USD 0.00 recorded "
                        "by 2024-02-09)"));
  EXPECT_EQ(events(), before);

  auto taken = cases().transition("JA-P-TWK", CaseStatus::implemented, date("2024-02-09"),
                                  "emergency implementation", host_, "DSCA approval 24-017");
  ASSERT_TRUE(taken.ok()) << taken.error().message;
  ASSERT_TRUE(taken->override_taken.has_value());
  EXPECT_EQ(taken->override_taken->reason, "DSCA approval 24-017");
  ASSERT_EQ(taken->override_taken->missing.size(), 1u);
  EXPECT_THAT(taken->override_taken->missing[0], HasSubstr("initial deposit"));

  // The override is in the log: a fresh fold reads it back, and the replay check agrees.
  auto state = cases().load_case("JA-P-TWK", host_);
  ASSERT_TRUE(state.ok());
  ASSERT_TRUE(state->history.back().override_taken.has_value());
  EXPECT_EQ(state->history.back().override_taken->reason, "DSCA approval 24-017");
  auto verified = db_->verifier().verify(host_);
  ASSERT_TRUE(verified.ok()) << verified.error().message;
}

TEST_F(LifecycleTest, APaidDepositLetsTheStepThroughAndAnOverrideOfNothingIsRefused) {
  accept();
  pay_deposit("2024-02-12");
  // Paid after the step's date: not yet evidence on that date.
  EXPECT_FALSE(cases()
                   .transition("JA-P-TWK", CaseStatus::implemented, date("2024-02-09"), "go", host_)
                   .ok());
  const std::size_t before = events();
  auto needless = cases().transition("JA-P-TWK", CaseStatus::implemented, date("2024-02-12"), "go",
                                     host_, "just in case");
  ASSERT_FALSE(needless.ok());
  EXPECT_THAT(needless.error().message, HasSubstr("nothing to override"));
  EXPECT_EQ(events(), before);
  auto taken =
      cases().transition("JA-P-TWK", CaseStatus::implemented, date("2024-02-12"), "go", host_);
  ASSERT_TRUE(taken.ok()) << taken.error().message;
  EXPECT_FALSE(taken->override_taken.has_value());
}

TEST_F(LifecycleTest, SupplyCompleteNamesEveryLineNotDelivered) {
  implement();
  import_listing(
      "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,tcn,"
      "reporting_quarter_end\nPJAZTWK5183001,JA-P-TWK,001,2025-07-02,12,25440000.00,9,,2025-09-"
      "30\n");
  auto refused = cases().transition("JA-P-TWK", CaseStatus::supply_services_complete,
                                    date("2025-12-31"), "done", host_);
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("line 001 12 of 200 delivered"));
  EXPECT_THAT(refused.error().message, HasSubstr("line 002 0 of 200 delivered"));
  EXPECT_THAT(refused.error().message,
              HasSubstr("line 006 USD 0.00 of USD 58,750,000.00 performed"));
}

TEST_F(LifecycleTest, ListingCreditsComeOffWhatALineDeliveredAndChargesDeliverNothing) {
  implement();
  const std::string header =
      "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,"
      "reporting_quarter_end,transaction_type,sdr\n";
  const std::string listing = header +
                              "PJAZTWK5183001,JA-P-TWK,001,2025-07-02,12,25440000.00,9,2025-09-30,,"
                              "\n"
                              "PJAZTWK5183001,JA-P-TWK,001,2025-08-02,2,4240000.00,9,2025-09-30,"
                              "shipment-credit,\n"
                              "PJAZTWK5183002,JA-P-TWK,002,2025-08-02,0,9000.00,9,2025-09-30,"
                              "accessorial,\n";
  import_listing(listing);
  auto refused = cases().transition("JA-P-TWK", CaseStatus::supply_services_complete,
                                    date("2025-12-31"), "done", host_);
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("line 001 10 of 200 delivered"));
  EXPECT_THAT(refused.error().message, HasSubstr("line 002 0 of 200 delivered"));
}

TEST_F(LifecycleTest, AnOfferLapsesAfterItsOedAndTheLapseIsRecordedWithTheNextStep) {
  // OED 2024-03-02; today 2026-11-25.
  auto now = cases().load_case("JA-P-TWK", host_);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->status, CaseStatus::expired);
  EXPECT_EQ(now->status_date, date("2024-03-03"));
  EXPECT_EQ(now->history.back().sequence, 0);  // derived, not recorded
  AsOf before_oed;
  before_oed.business_date = date("2024-03-02");
  EXPECT_EQ(cases().load_case("JA-P-TWK", host_, before_oed)->status, CaseStatus::offered);

  CaseFilter lapsed;
  lapsed.status = "offer-expired";
  EXPECT_EQ(cases().list_cases(lapsed, host_)->size(), 1u);
  CaseFilter offered;
  offered.status = "offered";
  EXPECT_TRUE(cases().list_cases(offered, host_)->empty());

  auto late = cases().transition("JA-P-TWK", CaseStatus::accepted, date("2024-03-05"), "s", host_);
  ASSERT_FALSE(late.ok());
  EXPECT_THAT(late.error().message, HasSubstr("after the offer expiration date 2024-03-02"));
  auto lapsed_then_complete = cases().transition("JA-P-TWK", CaseStatus::supply_services_complete,
                                                 date("2024-03-05"), "s", host_);
  EXPECT_THAT(lapsed_then_complete.error().message,
              HasSubstr("cannot go from offer-expired to supply-services-complete"));

  const std::size_t before = events();
  ASSERT_TRUE(
      cases()
          .transition("JA-P-TWK", CaseStatus::offered, date("2024-04-01"), "reactivated", host_)
          .ok());
  EXPECT_EQ(events(), before + 2);  // the lapse, then the reactivation
  auto after = cases().load_case("JA-P-TWK", host_);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->status, CaseStatus::offered);
  ASSERT_GE(after->history.size(), 3u);
  EXPECT_EQ(after->history[after->history.size() - 2].to, CaseStatus::expired);
  EXPECT_NE(after->history[after->history.size() - 2].sequence, 0);
  ASSERT_TRUE(db_->verifier().verify(host_).ok());
}

TEST_F(LifecycleTest, AnAmendmentIsInForceOnlyOnceItsSignatureIsRecorded) {
  implement();
  ASSERT_TRUE(cases()
                  .import_document(example("cases/tomahawk/01-modification.json"), "m.json", host_)
                  .ok());
  std::string amendment = example("cases/tomahawk/02-amendment.json");
  const std::string signature = "\"acceptance\": \"2025-08-29\",";
  ASSERT_NE(amendment.find(signature), std::string::npos);
  amendment.erase(amendment.find(signature), signature.size());
  auto imported = cases().import_document(amendment, "a.json", host_);
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_THAT(imported->message, HasSubstr("not in force until"));

  auto unsigned_state = cases().load_case("JA-P-TWK", host_);
  EXPECT_EQ(unsigned_state->current().version, 1);
  EXPECT_EQ(unsigned_state->latest().version, 2);

  EXPECT_FALSE(cases().sign_amendment("JA-P-TWK", 2, date("2025-10-05"), "late", host_).ok());
  EXPECT_FALSE(cases().sign_amendment("JA-P-TWK", 1, date("2025-08-29"), "mod", host_).ok());
  auto signed_state = cases().sign_amendment("JA-P-TWK", 2, date("2025-08-29"), "signed", host_);
  ASSERT_TRUE(signed_state.ok()) << signed_state.error().message;
  EXPECT_EQ(signed_state->current().version, 2);
  auto again = cases().sign_amendment("JA-P-TWK", 2, date("2025-08-30"), "again", host_);
  ASSERT_FALSE(again.ok());
  EXPECT_THAT(again.error().message, HasSubstr("already signed, on 2025-08-29"));

  AsOf day_before;
  day_before.business_date = date("2025-08-28");
  EXPECT_EQ(cases().load_case("JA-P-TWK", host_, day_before)->current().version, 1);
  ASSERT_TRUE(db_->verifier().verify(host_).ok());
}

}  // namespace
}  // namespace fms::ledger
