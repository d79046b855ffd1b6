// A tiny portfolio for the SDR tests, on a temporary SQLite database: the Tomahawk case
// (JA-P-TWK) implemented, a delivery listing and receipt inspections that give, as of
// 2026-11-25 (the fixed clock):
//   quantity-short          line 001, delivery JAPTWK60100001: 10 shipped 2026-01-10, 8 received;
//                           USD 4,240,000.00, deadline 2027-01-10 (46 days: no warning)
//   shipped-not-received    line 002, delivery JAPTWK53350002: shipped 2025-12-01, never received;
//                           USD 12,250,000.00, deadline 2026-12-01 (6 days: warning)
//   shipped-not-received    line 006, delivery JAPTWK51520003: shipped 2025-06-01, never received;
//                           USD 150.00 (below the USD 200 minimum), deadline 2026-06-01 (passed)
//   rejected-on-inspection  line 001, receipt RCV-0002 (delivery JAPTWK60600004): 1 of 4 rejected;
//                           USD 2,120,000.00, deadline 2027-03-01
//   quantity-over           line 003, delivery JAPTWK60700005: 1 shipped, 2 received
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>

#include "ledger/database.h"
#include "ledger/sdr/sdr_book.h"
#include "refdata/loader.h"
#include "store/sqlite/sqlite_store.h"
#include "support/host_scope.h"

namespace fms::ledger::testing {

inline constexpr const char* kNow = "2026-11-25T12:00:00Z";

inline constexpr const char* kDeliveries =
    "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,tcn,"
    "reporting_quarter_end\n"
    "JAPTWK60100001,JA-P-TWK,001,2026-01-10,10,21200000.00,9,,2026-03-31\n"
    "JAPTWK53350002,JA-P-TWK,002,2025-12-01,5,12250000.00,9,,2025-12-31\n"
    "JAPTWK51520003,JA-P-TWK,006,2025-06-01,1,150.00,2,,2025-06-30\n"
    "JAPTWK60600004,JA-P-TWK,001,2026-03-01,4,8480000.00,9,,2026-03-31\n"
    "JAPTWK60700005,JA-P-TWK,003,2026-03-10,1,24800000.00,4,,2026-03-31\n";

inline constexpr const char* kReceipts =
    "receipt_id,document_number,case_id,line,received_date,quantity_received,quantity_accepted,"
    "quantity_rejected,condition,inspector\n"
    "RCV-0001,JAPTWK60100001,JA-P-TWK,001,2026-02-01,8,8,0,,Sato\n"
    "RCV-0002,JAPTWK60600004,JA-P-TWK,001,2026-03-20,4,3,1,seeker damaged,Sato\n"
    "RCV-0003,JAPTWK60700005,JA-P-TWK,003,2026-03-25,2,2,0,,Tanaka\n";

inline std::string example(const std::string& relative) {
  std::ifstream in(std::string(FMSLEDGER_SOURCE_DIR) + "/examples/" + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline CivilDate day(const char* iso) {
  return CivilDate::parse(iso).value();
}

class SdrLedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("fms-sdr-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    auto reference = refdata::load_builtin();
    ASSERT_TRUE(reference.ok()) << reference.error().message;
    reference_ = std::move(reference).value();
    auto store = store::open_sqlite_store((dir_ / "sdr.db").string());
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
    ledger_ = std::make_unique<Database>(*store_, reference_, Clock::fixed(kNow).value(),
                                         PasswordCost::minimum());
    book_ = &ledger_->sdrs();

    auto basic = ledger_->cases().import_document(example("cases/tomahawk/00-basic.json"),
                                                  "basic.json", fms::testing::host_scope("t"));
    ASSERT_TRUE(basic.ok()) << basic.error().message;
    ASSERT_TRUE(ledger_->cases()
                    .transition("JA-P-TWK", CaseStatus::accepted, day("2024-01-18"), "signed",
                                fms::testing::host_scope("t"))
                    .ok());
    ASSERT_TRUE(ledger_->cases()
                    .transition("JA-P-TWK", CaseStatus::implemented, day("2024-02-09"), "deposit",
                                fms::testing::host_scope("t"), "the deposit is outside these tests")
                    .ok());
    auto deliveries =
        ledger_->execution().import_execution(ExecutionKind::delivery_listing, kDeliveries,
                                              "deliveries.csv", {}, fms::testing::host_scope("t"));
    ASSERT_TRUE(deliveries.ok()) << deliveries.error().message;
    auto receipts = ledger_->execution().import_execution(
        ExecutionKind::receipts, kReceipts, "receipts.csv", {}, fms::testing::host_scope("t"));
    ASSERT_TRUE(receipts.ok()) << receipts.error().message;
  }

  void TearDown() override {
    book_ = nullptr;
    ledger_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  static SdrCreateRequest request(recon::DiscrepancyType type, const std::string& document) {
    SdrCreateRequest r;
    r.case_id = "JA-P-TWK";
    r.type = type;
    r.document = document;
    r.reason = "claim for what the inspection found";
    return r;
  }

  Result<SdrOutcome> create_short() {
    return book_->create(request(recon::DiscrepancyType::quantity_short, "delivery JAPTWK60100001"),
                         "alice");
  }

  std::size_t event_count() { return store_->read_events({}).value().size(); }

  // A database on the same store whose clock reads `now` (for "today" in the future).
  std::unique_ptr<Database> ledger_at(const std::string& now) {
    return std::make_unique<Database>(*store_, reference_, Clock::fixed(now).value(),
                                      PasswordCost::minimum());
  }

  std::filesystem::path dir_;
  ReferenceData reference_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Database> ledger_;
  SdrBook* book_ = nullptr;
};

}  // namespace fms::ledger::testing
