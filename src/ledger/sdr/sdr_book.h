// The SDR book: the commands that raise and follow Supply Discrepancy Reports.
//
// An SDR is raised against one discrepancy the reconciliation finds (recon::classify, as of a
// date), named by its key: type, case, line and first document. It starts as a draft with its
// number (next serial of the originating office), the SF 364 codes, the USD amount the
// discrepancy puts at stake and the submission deadline the discrepancy's next action gives.
// From there: submit, answer, reconsider, contest, close (core/sdr.h has the table).
//
// Every command appends exactly one portfolio-level event, after the same optimistic check as
// execution documents; a refused command writes nothing. Dates may not be in the future, nor
// before the SDR's previous step. Reasons and notes are limited to kMaxReasonBytes.
//
// Default SF 364 codes by discrepancy type (override with explicit codes):
//   shipped-not-received   S3  non-receipt
//   quantity-short         S1  less than on the receipt document
//   rejected-on-inspection C1  condition differs from the supply document
//   quantity-over          none: the overage codes of DLMS AP7.28 are not confirmed; give codes
// Only discrepancies for which reconciliation proposes an SDR (those with a submission
// deadline) can be raised; the others call for a different action (see their next action).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/sdr.h"
#include "core/reference_data.h"
#include "ledger/execution/execution_ledger.h"
#include "ledger/log/clock.h"
#include "ledger/log/limits.h"
#include "ledger/sdr/sdr_register.h"
#include "recon/recon.h"
#include "store/store.h"

namespace fms::ledger {

struct SdrCreateRequest {
  std::string case_id;  // case-insensitive
  recon::DiscrepancyType type = recon::DiscrepancyType::shipped_not_received;
  std::string document;             // the discrepancy's first document: "delivery JAP5123A0002"
  std::optional<std::string> line;  // needed only if the document has discrepancies on two lines
  char office = 'A';                // originating office letter
  std::vector<std::string> codes;   // empty: the default of the type
  std::optional<CivilDate> as_of;   // the discrepancies as of this date; default today
  std::string reason;
  // When set, a case it refuses is answered as one that is not recorded (a caller outside the
  // case's organisation learns nothing of it).
  std::function<bool(const std::string&)> case_visible;
};

struct SdrAnswer {
  CivilDate date;
  SdrResolution resolution = SdrResolution::rejected;
  std::optional<std::int64_t> credit_usd_cents;  // required with (only with) a credit
  std::optional<std::string> reply_code;
  std::string note;  // optional
};

struct SdrOutcome {
  Sdr sdr;                            // as it stands after the command
  std::vector<std::string> warnings;  // deadline close or passed, claim below the minimum
  std::string message;                // one line saying what was recorded
};

// The codes an SDR of this type gets when none are given; an error for types without one.
Result<std::vector<std::string>> default_sdr_codes(recon::DiscrepancyType type);

// What `find` and every step answer for a number no SDR has.
Error sdr_not_recorded(const SdrNumber& number);

class SdrBook {
 public:
  // The execution ledger supplies the reconciliation view an SDR is raised from; the store is
  // the one it reads.
  SdrBook(store::Store& store, const ReferenceData& reference, Clock clock,
          ExecutionLedger& execution)
      : store_(store), reference_(reference), clock_(std::move(clock)), execution_(execution) {}

  Result<SdrOutcome> create(const SdrCreateRequest& request, const std::string& actor);
  // After the deadline only with a late reason, which is recorded.
  Result<SdrOutcome> submit(const std::string& number, const CivilDate& date,
                            const std::optional<std::string>& late_reason,
                            const std::string& actor);
  Result<SdrOutcome> answer(const std::string& number, const SdrAnswer& answer,
                            const std::string& actor);
  Result<SdrOutcome> reconsider(const std::string& number, const CivilDate& date,
                                const std::string& reason, const std::string& actor);
  Result<SdrOutcome> contest(const std::string& number, const CivilDate& date,
                             const std::string& reason, const std::string& actor);
  // From answered, or from draft (recorded as withdrawn).
  Result<SdrOutcome> close(const std::string& number, const CivilDate& date,
                           const std::string& reason, const std::string& actor);

  Result<SdrRegister> sdrs();
  Result<Sdr> find(const std::string& number);

 private:
  struct Located {
    SdrStream stream;
    const Sdr* sdr = nullptr;
  };
  // Loads the register and finds the SDR; the number may omit the suffix, or carry the
  // current one.
  Result<Located> locate(const std::string& number);
  // Checks the action, its date and text against the SDR.
  Status check_step(const Sdr& sdr, SdrAction action, const CivilDate& date,
                    const std::string& text, const char* text_field, bool text_required) const;
  // Applies the event to a copy of the register (as replay will), then appends it.
  Result<SdrOutcome> commit(const SdrStream& stream, const std::string& base_number,
                            std::string_view type, std::string payload, const std::string& actor);
  Result<SdrOutcome> reopen(const std::string& number, const CivilDate& date,
                            const std::string& reason, SdrAction action, const std::string& actor);

  // The register as recorded now.
  Result<SdrStream> load();

  store::Store& store_;
  const ReferenceData& reference_;
  Clock clock_;
  ExecutionLedger& execution_;
};

}  // namespace fms::ledger
