// The SDR register: every Supply Discrepancy Report the purchaser has raised, folded from the
// sdr.* events, each with where it stands now and every step it went through.
//
// For the rest of the system:
//   - covering(key): the SDR that covers a discrepancy (its open SDR, else the latest closed
//     one), with number, status, resolution and credit — reports show it next to the
//     discrepancy;
//   - credits_by_case() / credits_by_line(): the USD credits the implementing agency has granted
//     in answers to SDRs — the financial status subtracts them from what the purchaser owes.
// A credit is counted once granted, whatever happens to the SDR afterwards. Each answer grants
// its own credit (a reconsideration may add to the first), and the credits of one SDR never
// exceed the amount it claims.
//
// The register folded from the log holds every SDR as recorded: the commands check against it,
// because the log must stay foldable. Reports as of a date read `as_of(date)` instead: each SDR
// as it stood at the end of that business date (ledger/sdr/sdr_as_of.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/sdr.h"
#include "ledger/sdr/sdr_events.h"
#include "store/store.h"

namespace fms::ledger {

enum class SdrStepKind : std::uint8_t {
  created,
  submitted,
  answered,
  reconsideration_requested,
  contested,
  closed,
};
// "created", "submitted", "answered", "reconsideration requested", "contested", "closed"
std::string_view to_string(SdrStepKind kind);

// One recorded step of an SDR.
struct SdrStep {
  SdrStepKind kind = SdrStepKind::created;
  CivilDate date;
  std::string number;                       // the SDR's number after the step (with its suffix)
  std::string text;                         // the reason, the late reason or the answer's note
  std::optional<SdrResolution> resolution;  // answers
  std::int64_t credit_usd_cents = 0;        // answers granting a credit
  std::optional<std::string> reply_code;    // answers
  bool late = false;                        // a submission after the deadline
  bool withdrawn = false;                   // a draft closed without being sent
  std::int64_t sequence = 0;
  std::string recorded_at;
  std::string actor;
  friend bool operator==(const SdrStep&, const SdrStep&) = default;
};

struct Sdr {
  SdrCreated created;  // as recorded: number, case, discrepancy, codes, amount, deadline
  SdrNumber number;    // current: carries the suffix of the open round
  SdrStatus status = SdrStatus::draft;
  std::optional<SdrResolution> resolution;  // of the latest answer
  std::int64_t credited_usd_cents = 0;      // every answer's credit
  std::optional<CivilDate> submitted_on;    // the first submission
  bool submitted_late = false;
  bool withdrawn = false;
  std::vector<SdrStep> history;  // in the order recorded; starts with `created`

  [[nodiscard]] bool open() const { return status != SdrStatus::closed; }
  [[nodiscard]] const CivilDate& last_date() const { return history.back().date; }
  [[nodiscard]] SdrPosition position() const;
  friend bool operator==(const Sdr&, const Sdr&) = default;
};

// Moves an SDR on by one step that has already been checked: sets its number, status,
// resolution, credit and submission from the step and appends the step (with the number after
// it) to the history. The only place these change, so that folding the log and looking back to
// an earlier date cannot disagree on what a step does. `step.kind` is never `created`.
void advance(Sdr& sdr, SdrStep step);

// What the rest of the system needs to know of the SDR covering a discrepancy.
struct SdrCoverage {
  std::string number;
  SdrStatus status = SdrStatus::draft;
  std::optional<SdrResolution> resolution;
  std::int64_t credited_usd_cents = 0;
};

class SdrRegister {
 public:
  [[nodiscard]] const std::vector<Sdr>& all() const { return sdrs_; }  // in the order created
  // By number, with or without its suffix.
  [[nodiscard]] const Sdr* find(const SdrNumber& number) const;
  [[nodiscard]] const Sdr* open_for(const DiscrepancyKey& key) const;
  [[nodiscard]] std::optional<SdrCoverage> covering(const DiscrepancyKey& key) const;
  // The next serial of an office in a country; refused once kMaxSdrSerial is used.
  [[nodiscard]] Result<int> next_serial(char office, const std::string& country) const;
  // USD cents credited, per case id and per (case id, line); line "" is the case as a whole.
  [[nodiscard]] std::map<std::string, std::int64_t> credits_by_case() const;
  [[nodiscard]] std::map<std::pair<std::string, std::string>, std::int64_t> credits_by_line() const;

  // The register as it stood at the end of `date`, by the business dates the steps carry (not
  // when they were recorded): only SDRs created on or before it, each with the status, number
  // and credits its steps up to that date gave it. For reports; commands use the register as
  // recorded.
  [[nodiscard]] SdrRegister as_of(const CivilDate& date) const;

 private:
  friend Status apply_sdr_event(SdrRegister& sdrs, const store::EventRecord& event);
  // Appends an SDR (already checked) and files it under its number, key and serial.
  void add(Sdr sdr);

  std::vector<Sdr> sdrs_;
  std::map<std::string, std::size_t> by_number_;               // base number -> index
  std::map<DiscrepancyKey, std::vector<std::size_t>> by_key_;  // every SDR of a key
  std::map<std::pair<char, std::string>, int> last_serial_;    // (office, country)
};

// Applies one sdr.* event, checking it against the register exactly as the commands do (the
// transition table, dates in order, credits within the claim); a violation is corruption.
Status apply_sdr_event(SdrRegister& sdrs, const store::EventRecord& event);

// The SDRs of the portfolio-level stream (log/portfolio_stream.h), with the stream's last
// sequence, which every SDR command appends against.
struct SdrStream {
  SdrRegister sdrs;
  std::int64_t last_sequence = 0;
};

// Folds the sdr.* events of the portfolio-level stream, in sequence order; every other event
// is passed over, save for its sequence.
Result<SdrStream> fold_sdrs(const std::vector<store::EventRecord>& events);

}  // namespace fms::ledger
