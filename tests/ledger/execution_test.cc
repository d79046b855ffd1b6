// Execution documents and reconciliation runs through the ledger, on a real SQLite store:
// imports are all-or-nothing and idempotent, supersession is explicit, identities are not
// recorded twice, runs record their matches and what changed since the last run, and verify
// notices a damaged segment.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "ledger/sdr_test_fixture.h"
#include "store/segment_files.h"
#include "support/host_scope.h"

namespace fms::ledger::testing {
namespace {

using ::testing::HasSubstr;

class ExecutionTest : public SdrLedgerTest {
 protected:
  Result<ExecutionImportOutcome> import(ExecutionKind kind, const std::string& text,
                                        const std::string& source,
                                        ExecutionImportOptions options = {}) {
    return ledger_->execution().import_execution(kind, text, source, options,
                                                 fms::testing::host_scope("bob"));
  }
};

TEST_F(ExecutionTest, TheSameContentAgainChangesNothingAndSaysSo) {
  const std::size_t before = event_count();
  // CRLF line endings and a BOM do not make different content.
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : std::string(kDeliveries)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  auto again = import(ExecutionKind::delivery_listing, crlf, "copy.csv");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->recorded);
  EXPECT_THAT(again->message, HasSubstr("already recorded as document"));
  EXPECT_THAT(again->message, HasSubstr("nothing changed"));
  EXPECT_EQ(event_count(), before);
}

TEST_F(ExecutionTest, ARowNamingAnUnknownCaseOrLineImportsNothing) {
  const std::size_t before = event_count();
  const std::string text =
      "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,tcn,"
      "reporting_quarter_end\n"
      "JAPTWK70100001,JA-P-TWK,001,2026-04-10,1,2120000.00,9,,2026-06-30\n"
      "JAPTWK70100002,JA-P-TWK,077,2026-04-10,1,2120000.00,9,,2026-06-30\n"
      "JAPZZZ70100003,JA-P-ZZZ,001,2026-04-10,1,2120000.00,9,,2026-06-30\n";
  auto outcome = import(ExecutionKind::delivery_listing, text, "q2.csv");
  ASSERT_FALSE(outcome.ok());
  EXPECT_THAT(outcome.error().message,
              HasSubstr("q2.csv:3: field \"line\": case JA-P-TWK has no line 077"));
  EXPECT_THAT(outcome.error().message,
              HasSubstr("q2.csv:4: field \"case_id\": case JA-P-ZZZ is not recorded"));
  EXPECT_EQ(event_count(), before);
}

TEST_F(ExecutionTest, DeliveriesOnACaseNotYetImplementedAreRefused) {
  auto basic = ledger_->cases().import_document(example("cases/amraam/00-basic.json"), "b.json",
                                                fms::testing::host_scope("t"));
  ASSERT_TRUE(basic.ok()) << basic.error().message;
  const std::string text =
      "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,tcn,"
      "reporting_quarter_end\n"
      "JADAMX70100001,JA-D-AMX,001,2026-04-10,1,100.00,2,,2026-06-30\n";
  auto outcome = import(ExecutionKind::delivery_listing, text, "amx.csv");
  ASSERT_FALSE(outcome.ok());
  EXPECT_THAT(outcome.error().message,
              HasSubstr("amx.csv:2: field \"case_id\": case JA-D-AMX is offered"));
}

TEST_F(ExecutionTest, AReceiptRecordedInAnotherDocumentIsRefusedUnlessSuperseding) {
  const std::string again =
      "receipt_id,document_number,case_id,line,received_date,quantity_received,"
      "quantity_accepted,quantity_rejected,condition,inspector\n"
      "RCV-0009,,JA-P-TWK,002,2026-01-05,5,5,0,,Sato\n"
      "RCV-0002,JAPTWK60600004,JA-P-TWK,001,2026-03-20,4,4,0,,Sato\n";
  auto refused = import(ExecutionKind::receipts, again, "receipts-2.csv");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message,
              HasSubstr("receipts-2.csv:3: field \"receipt_id\": receipt RCV-0002 is already "
                        "recorded in document"));

  auto portfolio = ledger_->execution().load();
  ASSERT_TRUE(portfolio.ok());
  const auto receipts = portfolio->active(ExecutionKind::receipts);
  ASSERT_EQ(receipts.size(), 1u);
  const std::string old_id = receipts[0]->record.content_hash;

  ExecutionImportOptions supersede;
  supersede.supersedes = old_id.substr(0, 10);
  auto without_reason = import(ExecutionKind::receipts, again, "receipts-2.csv", supersede);
  ASSERT_FALSE(without_reason.ok());
  EXPECT_THAT(without_reason.error().text(Spelling::option), HasSubstr("--reason"));

  supersede.reason = "inspection record corrected";
  auto replaced = import(ExecutionKind::receipts, again, "receipts-2.csv", supersede);
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  EXPECT_TRUE(replaced->recorded);
  EXPECT_EQ(replaced->superseded, old_id);
  portfolio = ledger_->execution().load();
  ASSERT_EQ(portfolio->active(ExecutionKind::receipts).size(), 1u);
  EXPECT_EQ(portfolio->find(old_id)->superseded_by, replaced->content_hash);

  // Superseding the same document twice is refused: supersede the replacement instead.
  auto twice = import(ExecutionKind::receipts,
                      std::string(kReceipts) +
                          "RCV-0010,,JA-P-TWK,003,"
                          "2026-04-01,1,1,0,,Sato\n",
                      "receipts-3.csv", supersede);
  ASSERT_FALSE(twice.ok());
  EXPECT_THAT(twice.error().message, HasSubstr("already superseded"));
}

TEST_F(ExecutionTest, ADocumentSupersedesOnlyOneOfItsKind) {
  auto portfolio = ledger_->execution().load();
  const std::string receipts_id =
      portfolio->active(ExecutionKind::receipts)[0]->record.content_hash;
  ExecutionImportOptions supersede;
  supersede.supersedes = receipts_id;
  supersede.reason = "wrong kind";
  const std::string text =
      "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,tcn,"
      "reporting_quarter_end\n"
      "JAPTWK70100001,JA-P-TWK,001,2026-04-10,1,2120000.00,9,,2026-06-30\n";
  auto outcome = import(ExecutionKind::delivery_listing, text, "d.csv", supersede);
  ASSERT_FALSE(outcome.ok());
  EXPECT_THAT(outcome.error().message, HasSubstr("is a receipts, not a delivery-listing"));
}

// The fixture's listing, re-issued with one value changed and no --supersedes: recorded as a
// second active listing, each of its five shipments would be counted twice.
TEST_F(ExecutionTest, ACorrectedListingWithoutSupersedesIsRefusedNamingTheOne) {
  std::string corrected(kDeliveries);
  corrected.replace(corrected.find("150.00"), 6, "175.00");
  const std::size_t before = event_count();
  auto refused = import(ExecutionKind::delivery_listing, corrected, "deliveries-rev.csv");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::conflict);
  const std::string recorded =
      ledger_->execution().load()->active(ExecutionKind::delivery_listing)[0]->record.content_hash;
  const std::string id = recorded.substr(0, 12);
  EXPECT_THAT(refused.error().message,
              HasSubstr("deliveries-rev.csv: 5 of the 5 document numbers of this listing are "
                        "already recorded in delivery listing " +
                        id + " (deliveries.csv, recorded "));
  EXPECT_THAT(refused.error().message, HasSubstr("import with " + mention("supersedes") + " " + id +
                                                 " " + mention("reason") +
                                                 " \"...\". A listing that adds to it is imported "
                                                 "with " +
                                                 mention("additional") + "."));
  EXPECT_EQ(event_count(), before);

  // Superseding it replaces it; stating it is additional records it beside it.
  ExecutionImportOptions supersede;
  supersede.supersedes = id;
  supersede.reason = "value of JAPTWK51520003 corrected";
  auto replaced =
      import(ExecutionKind::delivery_listing, corrected, "deliveries-rev.csv", supersede);
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  EXPECT_TRUE(replaced->recorded);
  std::string again(kDeliveries);
  again.replace(again.find("150.00"), 6, "160.00");
  ExecutionImportOptions additional;
  additional.additional = true;
  auto added = import(ExecutionKind::delivery_listing, again, "deliveries-more.csv", additional);
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_TRUE(added->recorded);
}

TEST_F(ExecutionTest, AListingRepeatingHalfOrFewerOfItsNumbersIsRecorded) {
  // Two rows: one repeats a recorded shipment (a duplicate report), one is new.
  const std::string text =
      "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,tcn,"
      "reporting_quarter_end\n"
      "JAPTWK60100001,JA-P-TWK,001,2026-01-10,10,21200000.00,9,,2026-03-31\n"
      "JAPTWK70100009,JA-P-TWK,001,2026-04-10,1,2120000.00,9,,2026-06-30\n";
  auto outcome = import(ExecutionKind::delivery_listing, text, "q2.csv");
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_TRUE(outcome->recorded);
}

TEST_F(ExecutionTest, ABillForTheSameCaseAndQuarterIsRecordedOnce) {
  const std::string bill =
      "statement_date,case_id,line,cumulative_delivered_usd,cumulative_payments_usd,"
      "amount_due_usd,due_date\n"
      "2026-03-31,JA-P-TWK,,66730150.00,500000000.00,25000000.00,2026-06-15\n";
  auto first = import(ExecutionKind::bill, bill, "dd645-q2.csv");
  ASSERT_TRUE(first.ok()) << first.error().message;
  const std::string revised =
      "statement_date,case_id,line,cumulative_delivered_usd,cumulative_payments_usd,"
      "amount_due_usd,due_date\n"
      "2026-03-31,JA-P-TWK,,66730150.00,500000000.00,26000000.00,2026-06-15\n";
  auto second = import(ExecutionKind::bill, revised, "dd645-q2-rev.csv");
  ASSERT_FALSE(second.ok());
  EXPECT_THAT(second.error().message,
              HasSubstr("DD 645 of JA-P-TWK as of 2026-03-31 is already recorded"));
}

TEST_F(ExecutionTest, AReconciliationRunRecordsMatchesAndCountsWhatChanged) {
  auto first = ledger_->execution().reconcile(day("2026-11-25"), fms::testing::host_scope("carol"));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->matches, 3);
  EXPECT_EQ(first->created, 3);
  EXPECT_EQ(first->voided, 0);
  EXPECT_GT(first->discrepancies, 0);

  auto view = ledger_->execution().reconciliation_view(day("2026-11-25"));
  ASSERT_TRUE(view.ok());
  EXPECT_FALSE(view->fresh);  // the recorded run is current
  EXPECT_EQ(view->matches.size(), 3u);

  // A corrected receipts document drops RCV-0003: its match is voided by the next run.
  auto portfolio = ledger_->execution().load();
  ExecutionImportOptions supersede;
  supersede.supersedes = portfolio->active(ExecutionKind::receipts)[0]->record.content_hash;
  supersede.reason = "RCV-0003 was entered against the wrong shipment";
  const std::string corrected =
      "receipt_id,document_number,case_id,line,received_date,quantity_received,"
      "quantity_accepted,quantity_rejected,condition,inspector\n"
      "RCV-0001,JAPTWK60100001,JA-P-TWK,001,2026-02-01,8,8,0,,Sato\n"
      "RCV-0002,JAPTWK60600004,JA-P-TWK,001,2026-03-20,4,3,1,seeker damaged,Sato\n";
  ASSERT_TRUE(import(ExecutionKind::receipts, corrected, "receipts-fixed.csv", supersede).ok());
  view = ledger_->execution().reconciliation_view(day("2026-11-25"));
  ASSERT_TRUE(view.ok());
  EXPECT_TRUE(view->fresh);
  EXPECT_EQ(view->unreconciled_documents, 1u);

  auto second =
      ledger_->execution().reconcile(day("2026-11-25"), fms::testing::host_scope("carol"));
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->matches, 2);
  // A match names its rows by document content hash: the corrected document's rows are new
  // records, so both of its matches are created and all three of the old document's voided.
  EXPECT_EQ(second->created, 2);
  EXPECT_EQ(second->voided, 3);
  // Reconciling again with nothing new carries every match over.
  auto third = ledger_->execution().reconcile(day("2026-11-25"), fms::testing::host_scope("carol"));
  ASSERT_TRUE(third.ok()) << third.error().message;
  EXPECT_EQ(third->created, 0);
  EXPECT_EQ(third->voided, 0);
  auto verified = ledger_->verifier().verify(fms::testing::host_scope());
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  EXPECT_EQ(verified->documents, 3u);
  EXPECT_EQ(verified->segments, 4u);  // two listings of receipts, one of deliveries, one match set
}

TEST_F(ExecutionTest, VerifyNoticesADamagedSegment) {
  ASSERT_TRUE(ledger_->verifier().verify(fms::testing::host_scope()).ok());
  auto portfolio = ledger_->execution().load();
  const std::string hash = *portfolio->active(ExecutionKind::delivery_listing)[0]->record.segment;
  const auto path = store::SegmentFiles::directory_for_database(dir_ / "sdr.db") / (hash + ".seg");
  std::filesystem::permissions(path, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  bytes[bytes.size() - 1] ^= 0x01;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  auto verified = ledger_->verifier().verify(fms::testing::host_scope());
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.error().kind, ErrorKind::corruption);
  EXPECT_THAT(verified.error().message, HasSubstr("segment " + hash));
}

TEST_F(ExecutionTest, PaymentsInYenCarryTheirRateAndUsdEquivalent) {
  const std::string payments =
      "payment_id,date,case_id,amount,currency,rate_jpy_per_usd\n"
      "PAY-2026-01,2026-03-10,JA-P-TWK,1500000000,JPY,150.0000\n"
      "PAY-2026-02,2026-06-10,JA-P-TWK,2500000.00,USD,\n";
  auto outcome = import(ExecutionKind::payments, payments, "payments.csv");
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  auto portfolio = ledger_->execution().load();
  const auto& rows = portfolio->active(ExecutionKind::payments)[0]->record.payments->rows;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].usd.minor_units(), 10'000'000'00);  // JPY 1.5 bn at 150 = USD 10 M
  EXPECT_EQ(rows[0].rate->to_string(), "150.00");
  // The stored payload keeps the rate's four-place form, as payment documents always had it.
  auto events = store_->read_events({});
  ASSERT_TRUE(events.ok());
  EXPECT_THAT(events->back().payload, HasSubstr("\"rate_jpy_per_usd\":\"150.0000\""));
  EXPECT_EQ(rows[1].usd.minor_units(), 2'500'000'00);
}

}  // namespace
}  // namespace fms::ledger::testing
