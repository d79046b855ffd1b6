// The events of Supply Discrepancy Reports. An SDR may concern any case, but its serial is
// drawn from one sequence per originating office, so all SDR events are portfolio-level
// (stored with an empty case id, after the same optimistic check as execution documents) and
// carry their case id in the payload. Every type is at type_version 1. Amounts are plain
// decimal USD strings ("1234.56"), dates ISO; "number" is always the SDR's base number (no
// R/C suffix), which identifies it for life.
//
//   sdr.created
//     {"number", "office", "serial", "case_id", "line",
//      "discrepancy": {"type", "case_id", "line", "document"},   the discrepancy's key
//      "documents": [...], "codes": ["S1", ...], "claimed_usd", "arose", "deadline",
//      "minimum_usd", "review": "compensation"|"information", "date", "reason"}
//   sdr.submitted                {"number", "case_id", "date", "late_reason": text|null}
//   sdr.answered                 {"number", "case_id", "date", "resolution",
//                                 "credit_usd": amount|null, "reply_code": text|null, "note"}
//   sdr.reconsideration_requested {"number", "case_id", "date", "reason"}
//   sdr.contested                {"number", "case_id", "date", "reason"}
//   sdr.closed                   {"number", "case_id", "date", "reason",
//                                 "outcome": "closed"|"withdrawn"}
// "review" says whether the claim is below the minimum the USG reviews for compensation;
// "withdrawn" closes a draft that was never sent. Both are stated for the reader of the log and
// checked against the amounts and the SDR's status when the log is folded.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.h"
#include "core/sdr.h"
#include "recon/recon.h"
#include "store/store.h"

namespace fms::ledger {

inline constexpr std::string_view kSdrEventPrefix = "sdr.";
inline constexpr std::string_view kSdrCreated = "sdr.created";
inline constexpr std::string_view kSdrSubmitted = "sdr.submitted";
inline constexpr std::string_view kSdrAnswered = "sdr.answered";
inline constexpr std::string_view kSdrReconsiderationRequested = "sdr.reconsideration_requested";
inline constexpr std::string_view kSdrContested = "sdr.contested";
inline constexpr std::string_view kSdrClosed = "sdr.closed";

// What identifies a discrepancy across reconciliation runs: its type, case, line (empty for
// the case as a whole) and first document ("delivery JAP5123A0002", "receipt RCV-0001").
struct DiscrepancyKey {
  recon::DiscrepancyType type = recon::DiscrepancyType::shipped_not_received;
  std::string case_id;
  std::string line;
  std::string document;

  static DiscrepancyKey of(const recon::Discrepancy& discrepancy);
  // "quantity-short JA-P-TWK line 001, delivery JAP5123A0002"
  [[nodiscard]] std::string describe() const;
  friend auto operator<=>(const DiscrepancyKey&, const DiscrepancyKey&) = default;
};

struct SdrCreated {
  SdrNumber number;  // at stage original
  std::string case_id;
  std::string line;  // empty: the case as a whole
  DiscrepancyKey discrepancy;
  std::vector<std::string> documents;  // every document the discrepancy names
  std::vector<std::string> codes;      // SF 364 discrepancy codes, 1 to kMaxSdrCodes
  std::int64_t claimed_usd_cents = 0;
  CivilDate arose;                     // when the discrepancy began
  CivilDate deadline;                  // last day to submit
  std::int64_t minimum_usd_cents = 0;  // the review minimum in force on `date`
  bool below_minimum = false;          // filed for information only
  CivilDate date;                      // created on (the discrepancy was found as of this day)
  std::string reason;
  friend bool operator==(const SdrCreated&, const SdrCreated&) = default;
};

struct SdrSubmitted {
  std::string number;
  std::string case_id;
  CivilDate date;
  std::optional<std::string> late_reason;  // present exactly when submitted after the deadline
};

struct SdrAnswered {
  std::string number;
  std::string case_id;
  CivilDate date;
  SdrResolution resolution = SdrResolution::rejected;
  std::int64_t credit_usd_cents = 0;  // > 0 exactly when the resolution is a credit
  std::optional<std::string> reply_code;
  std::string note;
};

// A request for reconsideration or a contest: the SDR goes back to the implementing agency.
struct SdrReopened {
  std::string number;
  std::string case_id;
  CivilDate date;
  std::string reason;
};

struct SdrClosed {
  std::string number;
  std::string case_id;
  CivilDate date;
  std::string reason;
  bool withdrawn = false;  // closed as a draft, never sent
};

std::string encode(const SdrCreated& payload);
std::string encode(const SdrSubmitted& payload);
std::string encode(const SdrAnswered& payload);
std::string encode(const SdrReopened& payload);
std::string encode(const SdrClosed& payload);

Result<SdrCreated> decode_sdr_created(const store::EventRecord& event);
Result<SdrSubmitted> decode_sdr_submitted(const store::EventRecord& event);
Result<SdrAnswered> decode_sdr_answered(const store::EventRecord& event);
Result<SdrReopened> decode_sdr_reopened(const store::EventRecord& event);  // either type
Result<SdrClosed> decode_sdr_closed(const store::EventRecord& event);

}  // namespace fms::ledger
