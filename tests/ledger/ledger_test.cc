// The ledger on a real SQLite store: commands produce events whose replay reproduces the
// projections, as-of folds see only what was in force, and refused commands write nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "demo/demo.h"
#include "ledger/access/access_ledger.h"
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

class LedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("fms-ledger-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    auto reference = refdata::load_builtin();
    ASSERT_TRUE(reference.ok()) << reference.error().message;
    reference_ = std::move(reference).value();
    auto store = store::open_sqlite_store((dir_ / "l.db").string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
    ledger_ = std::make_unique<Database>(
        *store_, reference_, Clock::fixed("2026-11-25T12:00:00Z").value(), PasswordCost::minimum());
  }
  void TearDown() override {
    ledger_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
  ReferenceData reference_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Database> ledger_;
};

TEST_F(LedgerTest, ImportsABasicLoaAsAnOfferedCase) {
  auto outcome = ledger_->cases().import_document(example("cases/tomahawk/00-basic.json"),
                                                  "basic.json", fms::testing::host_scope("alice"));
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_TRUE(outcome->recorded);
  EXPECT_EQ(outcome->case_id, "JA-P-TWK");
  auto state = ledger_->cases().load_case(
      "ja-p-twk", fms::testing::host_scope());  // identifiers are case-insensitive on input
  ASSERT_TRUE(state.ok()) << state.error().message;
  // Offered on 2023-12-08 with OED 2024-03-02: today (2026-11-25) the offer has lapsed.
  EXPECT_EQ(state->status, CaseStatus::expired);
  AsOf before_oed;
  before_oed.business_date = CivilDate::parse("2024-03-02").value();
  EXPECT_EQ(ledger_->cases().load_case("JA-P-TWK", fms::testing::host_scope(), before_oed)->status,
            CaseStatus::offered);
  EXPECT_EQ(state->documents.size(), 1u);
  EXPECT_EQ(state->documents[0].actor, "alice");
  EXPECT_EQ(state->documents[0].recorded_at, "2026-11-25T12:00:00.000001Z");
}

TEST_F(LedgerTest, ReplayOfTheDemoMatchesTheProjections) {
  auto demo = fms::demo::load_demo(*ledger_, "demo");
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  EXPECT_GE(demo->documents, 7);
  auto report = ledger_->verifier().verify(fms::testing::host_scope());
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->cases, 8u);
  EXPECT_EQ(report->events, demo->documents + demo->transitions + demo->execution_documents +
                                demo->reconciliations + demo->rate_documents +
                                demo->budget_documents + demo->organisations + demo->users +
                                demo->grants);
  EXPECT_EQ(report->access_events,
            static_cast<std::size_t>(demo->organisations + demo->users + demo->grants));
  EXPECT_EQ(report->audit_events, 0u);
  EXPECT_EQ(demo->rate_documents, 1);
  EXPECT_EQ(demo->budget_documents, 1);
  // The demo's execution history: every embedded CSV recorded, then one reconciliation run.
  EXPECT_EQ(report->documents, static_cast<std::size_t>(demo->execution_documents));
  EXPECT_GE(demo->execution_documents, 4);
  EXPECT_EQ(demo->reconciliations, 1);

  // Replaying each case's events by hand gives exactly the stored projection.
  auto stored = store_->read_projections();
  ASSERT_TRUE(stored.ok());
  for (const auto& projection : *stored) {
    auto state = ledger_->cases().load_case(projection.summary.case_id, fms::testing::host_scope());
    ASSERT_TRUE(state.ok());
    EXPECT_EQ(project(*state), projection) << projection.summary.case_id;
  }
}

// The demo's report is what the `demo` command prints, so it must say exactly what the log
// holds: the execution documents of each kind and the reconciliation run that reports use.
TEST_F(LedgerTest, DemoReportMatchesTheRecordedExecutionHistory) {
  auto demo = fms::demo::load_demo(*ledger_, "demo");
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  auto portfolio = ledger_->execution().load();
  ASSERT_TRUE(portfolio.ok()) << portfolio.error().message;

  std::map<ExecutionKind, int> recorded_by_kind;
  for (const auto& document : portfolio->documents) ++recorded_by_kind[document.record.kind];
  EXPECT_EQ(demo->execution_documents_by_kind, recorded_by_kind);
  // Every kind of execution document appears in the demo, so every report has input.
  for (const ExecutionKind kind : {ExecutionKind::delivery_listing, ExecutionKind::receipts,
                                   ExecutionKind::bill, ExecutionKind::payments}) {
    EXPECT_GT(demo->execution_documents_by_kind[kind], 0) << to_string(kind);
  }
  int by_kind_total = 0;
  for (const auto& [kind, count] : demo->execution_documents_by_kind) by_kind_total += count;
  EXPECT_EQ(by_kind_total, demo->execution_documents);

  ASSERT_TRUE(demo->last_reconciliation.has_value());
  ASSERT_TRUE(portfolio->last_run.has_value());
  const auto& reported = *demo->last_reconciliation;
  const auto& stored = portfolio->last_run->run;
  EXPECT_EQ(reported.as_of, CivilDate::parse("2026-10-31").value());  // examples/demo.json
  EXPECT_EQ(reported.as_of, stored.as_of);
  EXPECT_EQ(reported.matches, stored.matches);
  EXPECT_EQ(reported.discrepancies, stored.discrepancies);
  EXPECT_EQ(reported.by_type, stored.by_type);
  EXPECT_GT(reported.matches, 0);
  EXPECT_GT(reported.discrepancies, 0);
}

TEST_F(LedgerTest, AsOfFoldsOnlyWhatWasInForce) {
  ASSERT_TRUE(fms::demo::load_demo(*ledger_, "demo").ok());
  const auto on = [&](const char* date) {
    return ledger_->cases().load_case("JA-P-TWK", fms::testing::host_scope(),
                                      AsOf{CivilDate::parse(date).value(), std::nullopt});
  };
  auto offered = on("2023-12-20");
  ASSERT_TRUE(offered.ok());
  EXPECT_EQ(offered->status, CaseStatus::offered);
  auto implemented = on("2024-06-30");
  ASSERT_TRUE(implemented.ok());
  EXPECT_EQ(implemented->status, CaseStatus::implemented);
  EXPECT_EQ(implemented->current().version, 0);
  auto modified = on("2025-03-14");
  ASSERT_TRUE(modified.ok());
  EXPECT_EQ(modified->current().version, 1);
  auto before = on("2023-12-07");
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().kind, ErrorKind::not_found);
}

// Every command and query about one case takes the caller's scope: outside it a case reads
// exactly as one never recorded, and inside it a role short of the command is forbidden.
TEST_F(LedgerTest, ACaseOutsideTheScopeReadsAsOneNeverRecorded) {
  ASSERT_TRUE(fms::demo::load_demo(*ledger_, "demo").ok());
  AccessLedger access(*store_, ledger_->clock(), PasswordCost::minimum());
  auto book = access.load();
  ASSERT_TRUE(book.ok()) << book.error().message;
  const auto shared = std::make_shared<const AccessBook>(std::move(book).value());
  const Scope korean = Scope::of_user(shared, "dapa");    // case-manager of KRDAPA
  const Scope viewer = Scope::of_user(shared, "viewer");  // viewer of JMOD
  const auto events_before = store_->read_events({})->size();

  const auto never = ledger_->cases().load_case("JA-P-ZZZ", fms::testing::host_scope());
  ASSERT_FALSE(never.ok());
  const auto expect_never_recorded = [&](const Error& error, const std::string& case_id) {
    EXPECT_EQ(error.kind, never.error().kind);
    EXPECT_EQ(error.message, "case " + case_id + " not found");
  };
  expect_never_recorded(ledger_->cases().load_case("ja-p-twk", korean).error(), "JA-P-TWK");
  expect_never_recorded(ledger_->cases().history("JA-P-TWK", korean).error(), "JA-P-TWK");
  expect_never_recorded(ledger_->cases()
                            .transition("JA-D-AMX", CaseStatus::accepted,
                                        CivilDate::parse("2026-11-20").value(), "signed", korean)
                            .error(),
                        "JA-D-AMX");
  expect_never_recorded(
      ledger_->cases()
          .import_document(example("cases/tomahawk/01-modification.json"), "m.json", korean)
          .error(),
      "JA-P-TWK");
  const auto listed = ledger_->cases().list_cases({}, korean);
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->empty()) << listed->size() << " cases listed";

  // Japan's viewer reads the case but records nothing, and does not read its history.
  EXPECT_TRUE(ledger_->cases().load_case("JA-P-TWK", viewer).ok());
  EXPECT_EQ(ledger_->cases().list_cases({}, viewer)->size(),
            ledger_->cases().list_cases({}, fms::testing::host_scope())->size());
  EXPECT_EQ(ledger_->cases().history("JA-P-TWK", viewer).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(ledger_->cases()
                .transition("JA-D-AMX", CaseStatus::accepted,
                            CivilDate::parse("2026-11-20").value(), "signed", viewer)
                .error()
                .kind,
            ErrorKind::forbidden);
  EXPECT_EQ(store_->read_events({})->size(), events_before);
}

TEST_F(LedgerTest, RefusedCommandsWriteNothing) {
  ASSERT_TRUE(ledger_->cases()
                  .import_document(example("cases/tomahawk/00-basic.json"), "b.json",
                                   fms::testing::host_scope("a"))
                  .ok());
  const auto events_before = store_->read_events({})->size();

  auto skip = ledger_->cases().transition("JA-P-TWK", CaseStatus::implemented,
                                          CivilDate::parse("2024-02-01").value(), "skip",
                                          fms::testing::host_scope("a"));
  ASSERT_FALSE(skip.ok());
  EXPECT_THAT(skip.error().message, HasSubstr("cannot go from offered to implemented"));

  auto no_reason = ledger_->cases().transition("JA-P-TWK", CaseStatus::accepted,
                                               CivilDate::parse("2024-01-18").value(), "",
                                               fms::testing::host_scope("a"));
  ASSERT_FALSE(no_reason.ok());
  EXPECT_THAT(no_reason.error().text(Spelling::option), HasSubstr("--reason"));

  auto wrong_day = ledger_->cases().transition("JA-P-TWK", CaseStatus::accepted,
                                               CivilDate::parse("2024-01-19").value(), "signed",
                                               fms::testing::host_scope("a"));
  ASSERT_FALSE(wrong_day.ok());
  EXPECT_THAT(wrong_day.error().message, HasSubstr("records its acceptance on 2024-01-18"));

  auto early_expiry = ledger_->cases().transition("JA-P-TWK", CaseStatus::expired,
                                                  CivilDate::parse("2024-03-02").value(), "expired",
                                                  fms::testing::host_scope("a"));
  ASSERT_FALSE(early_expiry.ok());
  EXPECT_THAT(early_expiry.error().message, HasSubstr("offer expiration date is 2024-03-02"));

  auto amendment_first = ledger_->cases().import_document(
      example("cases/tomahawk/02-amendment.json"), "a.json", fms::testing::host_scope("a"));
  ASSERT_FALSE(amendment_first.ok());
  EXPECT_THAT(amendment_first.error().message, HasSubstr("a.json: /document/version"));

  EXPECT_EQ(store_->read_events({})->size(), events_before);
}

TEST_F(LedgerTest, FixedClockTimestampsIncrease) {
  Clock clock = Clock::fixed("2026-11-25T12:00:00Z").value();
  const std::string first = clock.timestamp();
  const std::string second = clock.timestamp();
  EXPECT_LT(first, second);
  EXPECT_EQ(clock.today(), CivilDate::from_ymd(2026, 11, 25));
  EXPECT_EQ(Clock::fixed("2026-11-25").value().today(), CivilDate::from_ymd(2026, 11, 25));
  for (const char* bad : {"", "yesterday", "2026-13-01", "2026-11-25T12:00:00Zjunk"}) {
    auto refused = Clock::fixed(bad);
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_THAT(refused.error().message, HasSubstr("is not a UTC time")) << bad;
  }
}

}  // namespace
}  // namespace fms::ledger
