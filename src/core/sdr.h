// Supply Discrepancy Reports (SDRs): the purchaser's formal claim, on SF 364 "Report of
// Discrepancy", that what arrived differs from what the seller shipped or billed — a shortage,
// a non-receipt, a damaged or non-conforming item. The implementing agency answers with a
// credit, a replacement or a rejection; the purchaser may ask once for reconsideration (the
// report number gains the suffix R) and then contest that decision (suffix C).
//
// This file holds the pure rules: the statuses and the actions allowed in each, the report
// number format, the SF 364 discrepancy codes, the submission deadline and the credit bounds.
// The ledger (ledger/sdr/sdr_book.h) applies them to recorded SDRs.
//
// Life of an SDR:
//   draft --submit--> submitted --answer--> answered --close--> closed
//   draft --close--> closed (withdrawn: never sent)
//   answered --reconsider--> submitted (suffix R)   when the answer was a rejection or a
//   answered --contest-->    submitted (suffix C)   partial credit; contest only after an
//                                                   answered reconsideration
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "core/civil_date.h"

namespace fms {

// Serials the purchaser's offices assign. x9000-x9999 are reserved: the International Logistics
// Control Office gives them to reports that arrive without a number.
inline constexpr int kMinSdrSerial = 1;
inline constexpr int kMaxSdrSerial = 8999;
inline constexpr int kMaxAnySdrSerial = 9999;  // what a number may carry when parsed
// One SDR names one to three discrepancy codes (SF 364 face, DLMS Appendix 7.28).
inline constexpr std::size_t kMaxSdrCodes = 3;
// An implementing agency's reply (disposition) code, e.g. "1B": short, letters and digits.
inline constexpr std::size_t kMaxSdrReplyCodeBytes = 8;
// The line part of the number of an SDR about the case as a whole; "000" is never a line.
inline constexpr std::string_view kSdrCaseLevelLine = "000";

enum class SdrStatus : std::uint8_t { draft, submitted, answered, closed };
inline constexpr std::array<SdrStatus, 4> kAllSdrStatuses{SdrStatus::draft, SdrStatus::submitted,
                                                          SdrStatus::answered, SdrStatus::closed};
std::string_view to_string(SdrStatus status);  // "draft", "submitted", "answered", "closed"
Result<SdrStatus> sdr_status_from_string(std::string_view text);

// How the implementing agency answered.
enum class SdrResolution : std::uint8_t { credit, replacement, rejected };
std::string_view to_string(SdrResolution resolution);  // "credit", "replacement", "rejected"
Result<SdrResolution> sdr_resolution_from_string(std::string_view text);

// Which round of the claim is open: the original report, the purchaser's request for
// reconsideration (suffix R), or the purchaser contesting the reconsideration decision (C).
enum class SdrStage : std::uint8_t { original, reconsideration, contest };
std::string_view sdr_suffix(SdrStage stage);  // "", "R", "C"

// What may be done to an SDR once it exists (creating it is not an action on a status).
enum class SdrAction : std::uint8_t { submit, answer, reconsider, contest, close };
inline constexpr std::array<SdrAction, 5> kAllSdrActions{SdrAction::submit, SdrAction::answer,
                                                         SdrAction::reconsider, SdrAction::contest,
                                                         SdrAction::close};
std::string_view to_string(SdrAction action);  // "submit", "answer", "reconsider", ...

// Where an SDR stands, as far as the transition rules care.
struct SdrPosition {
  SdrStatus status = SdrStatus::draft;
  SdrStage stage = SdrStage::original;
  std::optional<SdrResolution> last_resolution;  // of the latest answer
  bool fully_credited = false;  // the credits granted so far reach the amount claimed
};

// Whether `action` is allowed from `from`; the error says why not and what is allowed instead
// ("it is draft; only a submitted SDR can be answered").
Status check_sdr_action(const SdrPosition& from, SdrAction action);
// The status an allowed action leads to, and the stage (unchanged except by reconsider/contest).
SdrStatus sdr_status_after(SdrAction action);
SdrStage sdr_stage_after(SdrStage stage, SdrAction action);

// The SDR report number: 1 letter for the originating office in the purchaser's country,
// 4 digits of serial, the 2-letter customer code, the case designator and the line, and the
// stage suffix: "A0010-JA-KBD/001", reconsideration "A0010-JA-KBD/001R". An SDR about a case
// as a whole carries line "000".
struct SdrNumber {
  char office = 'A';
  int serial = 0;
  std::string country;     // "JA"
  std::string designator;  // "KBD"
  std::string line;        // "001", "001a", or kSdrCaseLevelLine
  SdrStage stage = SdrStage::original;

  [[nodiscard]] std::string to_string() const;  // with the suffix of its stage
  [[nodiscard]] std::string base() const;       // without a suffix: the SDR's identity
  [[nodiscard]] SdrNumber at_stage(SdrStage next) const;
  // Strict: upper-case office, country and designator; serial 0001-9999; a well-formed line.
  static Result<SdrNumber> parse(std::string_view text);
  friend bool operator==(const SdrNumber&, const SdrNumber&) = default;
};

// The office letter a user gives ("a" is taken as "A"); one letter A-Z.
Result<char> parse_sdr_office(std::string_view text);

// One SF 364 discrepancy code. Only the codes confirmed in the domain reference (section 7.1)
// are listed; the overage, wrong-item, packaging and hazardous groups of DLMS AP7.28 are not,
// because their exact codes are not confirmed.
struct SdrCodeEntry {
  std::string_view code;     // "S1"
  std::string_view group;    // "shortage / non-receipt"
  std::string_view meaning;  // "quantity received is less than on the receipt document"
};
std::span<const SdrCodeEntry> sdr_code_list();
// Validates codes a user gives: 1 to kMaxSdrCodes known codes, no repeats; lower case is
// taken as upper case. Returns them upper case, in the order given.
Result<std::vector<std::string>> validate_sdr_codes(const std::vector<std::string>& codes);

// The submission deadline as seen on one date.
struct SdrDeadlineState {
  std::int64_t days_to_deadline = 0;  // negative: the deadline has passed
  std::string warning;                // "due in 3 days", "due today", "deadline passed" or ""
};
// A warning is given from `warning_days` before the deadline onwards.
SdrDeadlineState sdr_deadline_state(const CivilDate& on, const CivilDate& deadline,
                                    int warning_days);

// Claims below the minimum are reviewed for information only, not compensated (LOA standard
// terms; the reconciliation report applies the same comparison).
bool sdr_below_minimum(std::int64_t claimed_usd_cents, std::int64_t minimum_usd_cents);

// A credit the implementing agency grants in one answer: more than zero, and together with the
// credits of earlier answers no more than the amount claimed.
Status check_sdr_credit(std::int64_t credit_usd_cents, std::int64_t claimed_usd_cents,
                        std::int64_t already_credited_usd_cents);

// A reply code as the implementing agency prints it: 1 to kMaxSdrReplyCodeBytes letters or
// digits (lower case taken as upper case).
Result<std::string> validate_sdr_reply_code(std::string_view text);

}  // namespace fms
