// Portfolio-level events: execution documents and reconciliation runs. They belong to no single
// case (a delivery listing or a DD 645 covers many), so they are stored with an empty case id.
//
//   execution.document_recorded v1
//     {"kind", "source", "content_hash", "rows", "file_bytes", "cases": [...],
//      "supersedes": hash|null, "reason",
//      "segment": hash|null            (delivery listings and receipts: the columnar rows)
//      "bill": [...] | "payments": [...]  (bills and payments: the rows themselves)}
//   recon.run_recorded v1
//     {"as_of", "rules": {...}, "deliveries": [hash...], "receipts": [hash...],
//      "matches_segment": hash, "matches", "created", "voided", "discrepancies",
//      "by_type": {"shipped-not-received": n, ...}}
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/execution.h"
#include "core/reference_data.h"
#include "store/store.h"

namespace fms::ledger {

inline constexpr std::string_view kExecutionDocumentRecorded = "execution.document_recorded";
inline constexpr std::string_view kReconciliationRecorded = "recon.run_recorded";

struct ExecutionDocumentRecorded {
  ExecutionKind kind = ExecutionKind::delivery_listing;
  std::string source;        // file name as given
  std::string content_hash;  // identifies the content: the document id
  std::int64_t rows = 0;
  std::int64_t file_bytes = 0;
  std::vector<std::string> cases;  // every case the document touches, sorted
  std::optional<std::string> supersedes;
  std::string reason;                  // why it supersedes (empty otherwise)
  std::optional<std::string> segment;  // bulk kinds
  std::optional<Bill> bill;
  std::optional<Payments> payments;
};

struct ReconciliationRecorded {
  CivilDate as_of;
  ReconciliationRules rules;
  std::vector<std::string> deliveries;  // content hashes, in the order matches refer to them
  std::vector<std::string> receipts;
  std::string matches_segment;
  std::int64_t matches = 0;
  std::int64_t created = 0;  // matches not in the previous run
  std::int64_t voided = 0;   // matches of the previous run not carried forward
  std::int64_t discrepancies = 0;
  std::map<std::string, std::int64_t> by_type;
};

std::string encode(const ExecutionDocumentRecorded& payload);  // type_version 1
std::string encode(const ReconciliationRecorded& payload);     // type_version 1
// The canonical JSON text of small documents' rows: what their content hash is computed over.
std::string canonical_rows(const Bill& bill);
std::string canonical_rows(const Payments& payments);

Result<ExecutionDocumentRecorded> decode_execution_document(const store::EventRecord& event);
Result<ReconciliationRecorded> decode_reconciliation(const store::EventRecord& event);

}  // namespace fms::ledger
