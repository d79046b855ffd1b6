// Shared pieces of the execution CSV importer tests: one valid file of each kind, written out
// here so the tests depend neither on examples/ nor on the shipped refdata/ tables, and a
// helper that returns the error message of a failed parse.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "base/result.h"
#include "support/test_reference.h"

namespace fms::io::testing_csv {

inline const ReferenceData& reference() {
  return test_support::test_reference();
}

inline constexpr const char* kDeliveryHeader =
    "document_number,case_id,line,ship_date,quantity,value_usd,delivery_term_code,tcn,"
    "reporting_quarter_end\n";

// Three shipments on two lines of JA-P-AMA, one without a TCN.
inline std::string valid_delivery_listing() {
  return std::string(kDeliveryHeader) +
         "N3902A5123F001,JA-P-AMA,001,2025-07-14,4,20000.00,4,FB2570314200XAX,2025-09-30\n"
         "N3902A5123F002,JA-P-AMA,002,2025-08-02,1,1500.50,9,,2025-09-30\n"
         "N3902A5123F003,JA-P-AMA,001,2025-09-30,0,125.00,4,FB2570314200XAY,2025-09-30\n";
}

inline constexpr const char* kReceiptsHeader =
    "receipt_id,document_number,case_id,line,received_date,quantity_received,quantity_accepted,"
    "quantity_rejected,condition,inspector\n";

inline std::string valid_receipts() {
  return std::string(kReceiptsHeader) +
         "JKR-2025-0001,N3902A5123F001,JA-P-AMA,001,2025-08-20,4,4,0,,Sato Kenji\n"
         "JKR-2025-0002,N3902A5123F002,JA-P-AMA,002,2025-09-01,1,0,1,\"crate damaged, seal "
         "broken\",Suzuki Aiko\n"
         "JKR-2025-0003,,JA-P-AMA,001,2025-09-15,2,2,0,no document number on the label,Sato "
         "Kenji\n";
}

inline constexpr const char* kBillHeader =
    "statement_date,case_id,line,cumulative_delivered_usd,cumulative_payments_usd,"
    "amount_due_usd,due_date\n";

inline std::string valid_bill() {
  return std::string(kBillHeader) +
         "2025-09-30,JA-P-AMA,,21625.50,500000.00,-1200.00,2025-12-15\n"
         "2025-09-30,JA-P-AMA,001,20125.00,,,\n"
         "2025-09-30,JA-P-AMA,002,1500.50,,,\n"
         "2025-09-30,JA-P-TWK,,0,42000000.00,132477000.00,2025-12-15\n";
}

inline constexpr const char* kPaymentsHeader =
    "payment_id,date,case_id,amount,currency,rate_jpy_per_usd\n";

inline std::string valid_payments() {
  return std::string(kPaymentsHeader) +
         "MOD-2025-001,2025-06-13,JA-P-TWK,132477000.00,USD,\n"
         "MOD-2025-002,2025-09-12,JA-P-TWK,19871550000,JPY,150.0000\n"
         "MOD-2025-003,2025-10-01,JA-P-TWK,-1250.75,USD,\n";
}

// The message of a failed parse; fails the test if the parse succeeded.
template <class T>
std::string error_of(const Result<T>& result) {
  EXPECT_FALSE(result.ok());
  return result.ok() ? std::string() : result.error().message;
}

}  // namespace fms::io::testing_csv
