// Folding the sdr.* events into the register. The same rules the commands check before writing
// are checked again here, so a log that breaks them (edited, or written by a faulty program) is
// reported as corrupt rather than folded into a state no command could have produced.
#include "ledger/sdr/sdr_register.h"

#include <algorithm>

#include "ledger/log/portfolio_stream.h"
#include "ledger/sdr/sdr_as_of.h"
#include "store/event_hash.h"

namespace fms::ledger {
namespace {

Error corrupt(const store::EventRecord& event, const std::string& what) {
  return Error::corruption(store::describe_event(event) + ": " + what);
}

// The number must name the case (country and designator) and the line ("000" for none).
bool number_names(const SdrNumber& number, const std::string& case_id, const std::string& line) {
  if (case_id.size() != 8) return false;
  const std::string expected_case =
      number.country + "-" + case_id.substr(3, 1) + "-" + number.designator;
  const std::string expected_line = line.empty() ? std::string(kSdrCaseLevelLine) : line;
  return case_id == expected_case && number.line == expected_line;
}

SdrStep step_of(SdrStepKind kind, const CivilDate& date, const store::EventRecord& event) {
  SdrStep step;
  step.kind = kind;
  step.date = date;
  step.sequence = event.sequence;
  step.recorded_at = event.recorded_at;
  step.actor = event.actor;
  return step;
}

// Checks an sdr.created event against the SDRs recorded before it; the new draft.
Result<Sdr> created_sdr(const std::vector<Sdr>& all,
                        const std::map<std::string, std::size_t>& by_number,
                        const std::map<DiscrepancyKey, std::vector<std::size_t>>& by_key,
                        const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(SdrCreated created, decode_sdr_created(event));
  const std::string base = created.number.base();
  if (created.number.serial < kMinSdrSerial || created.number.serial > kMaxSdrSerial) {
    return corrupt(event, "serial of " + base + " is outside " + std::to_string(kMinSdrSerial) +
                              "-" + std::to_string(kMaxSdrSerial));
  }
  if (!number_names(created.number, created.case_id, created.line)) {
    return corrupt(event, "number " + base + " does not name case " + created.case_id +
                              (created.line.empty() ? "" : " line " + created.line));
  }
  if (by_number.count(base) != 0) return corrupt(event, "SDR " + base + " is created twice");
  if (auto of_key = by_key.find(created.discrepancy); of_key != by_key.end()) {
    for (std::size_t index : of_key->second) {
      if (all[index].open()) {
        return corrupt(event, "SDR " + all[index].number.to_string() + " is still open for " +
                                  created.discrepancy.describe());
      }
    }
  }

  Sdr sdr;
  sdr.number = created.number;
  SdrStep step = step_of(SdrStepKind::created, created.date, event);
  step.number = base;
  step.text = created.reason;
  sdr.history.push_back(std::move(step));
  sdr.created = std::move(created);
  return sdr;
}

// Finds the SDR an event names and checks the action is allowed on the event's date.
Result<Sdr*> target(std::vector<Sdr>& all, const std::map<std::string, std::size_t>& by_number,
                    const store::EventRecord& event, const std::string& number,
                    const std::string& case_id, const CivilDate& date, SdrAction action) {
  auto it = by_number.find(number);
  if (it == by_number.end()) return corrupt(event, "SDR " + number + " was never created");
  Sdr& sdr = all[it->second];
  if (sdr.created.case_id != case_id) {
    return corrupt(event,
                   "SDR " + number + " is about " + sdr.created.case_id + ", not " + case_id);
  }
  const Status allowed = check_sdr_action(sdr.position(), action);
  if (!allowed.ok()) {
    return corrupt(event, "cannot " + std::string(to_string(action)) + " SDR " +
                              sdr.number.to_string() + ": " + allowed.error().message);
  }
  if (date < sdr.last_date()) {
    return corrupt(event, "dated " + date.to_string() + ", before the SDR's previous step on " +
                              sdr.last_date().to_string());
  }
  return &sdr;
}

}  // namespace

std::string_view to_string(SdrStepKind kind) {
  switch (kind) {
    case SdrStepKind::created:
      return "created";
    case SdrStepKind::submitted:
      return "submitted";
    case SdrStepKind::answered:
      return "answered";
    case SdrStepKind::reconsideration_requested:
      return "reconsideration requested";
    case SdrStepKind::contested:
      return "contested";
    case SdrStepKind::closed:
      return "closed";
  }
  return "unknown";
}

SdrPosition Sdr::position() const {
  SdrPosition position;
  position.status = status;
  position.stage = number.stage;
  position.last_resolution = resolution;
  position.fully_credited = credited_usd_cents >= created.claimed_usd_cents;
  return position;
}

void advance(Sdr& sdr, SdrStep step) {
  switch (step.kind) {
    case SdrStepKind::created:
      break;  // a creation starts an SDR; it never moves one on
    case SdrStepKind::submitted:
      sdr.status = SdrStatus::submitted;
      sdr.submitted_on = step.date;
      sdr.submitted_late = step.late;
      break;
    case SdrStepKind::answered:
      sdr.status = SdrStatus::answered;
      sdr.resolution = step.resolution;
      sdr.credited_usd_cents += step.credit_usd_cents;
      break;
    case SdrStepKind::reconsideration_requested:
    case SdrStepKind::contested: {
      const SdrAction action =
          step.kind == SdrStepKind::contested ? SdrAction::contest : SdrAction::reconsider;
      sdr.number = sdr.number.at_stage(sdr_stage_after(sdr.number.stage, action));
      sdr.status = sdr_status_after(action);
      break;
    }
    case SdrStepKind::closed:
      sdr.status = SdrStatus::closed;
      sdr.withdrawn = step.withdrawn;
      break;
  }
  step.number = sdr.number.to_string();
  sdr.history.push_back(std::move(step));
}

void SdrRegister::add(Sdr sdr) {
  const std::size_t index = sdrs_.size();
  int& last = last_serial_[{sdr.number.office, sdr.number.country}];
  last = std::max(last, sdr.number.serial);
  by_key_[sdr.created.discrepancy].push_back(index);
  by_number_.emplace(sdr.number.base(), index);
  sdrs_.push_back(std::move(sdr));
}

SdrRegister SdrRegister::as_of(const CivilDate& date) const {
  SdrRegister out;
  for (const Sdr& sdr : sdrs_) {
    if (std::optional<Sdr> then = sdr_as_of(sdr, date)) out.add(std::move(*then));
  }
  return out;
}

const Sdr* SdrRegister::find(const SdrNumber& number) const {
  auto it = by_number_.find(number.base());
  return it == by_number_.end() ? nullptr : &sdrs_[it->second];
}

const Sdr* SdrRegister::open_for(const DiscrepancyKey& key) const {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return nullptr;
  for (std::size_t index : it->second) {
    if (sdrs_[index].open()) return &sdrs_[index];
  }
  return nullptr;
}

std::optional<SdrCoverage> SdrRegister::covering(const DiscrepancyKey& key) const {
  auto it = by_key_.find(key);
  if (it == by_key_.end() || it->second.empty()) return std::nullopt;
  const Sdr* chosen = open_for(key);
  if (chosen == nullptr) chosen = &sdrs_[it->second.back()];
  return SdrCoverage{chosen->number.to_string(), chosen->status, chosen->resolution,
                     chosen->credited_usd_cents};
}

Result<int> SdrRegister::next_serial(char office, const std::string& country) const {
  auto it = last_serial_.find({office, country});
  const int next = it == last_serial_.end() ? kMinSdrSerial : it->second + 1;
  if (next > kMaxSdrSerial) {
    return Error::invalid("office " + std::string(1, office) + " has used every serial " +
                          std::to_string(kMinSdrSerial) + "-" + std::to_string(kMaxSdrSerial) +
                          " for " + country + " (higher serials are the ILCO's); use another " +
                          mention("office") + " letter")
        .concerning("office");
  }
  return next;
}

std::map<std::string, std::int64_t> SdrRegister::credits_by_case() const {
  std::map<std::string, std::int64_t> out;
  for (const Sdr& sdr : sdrs_) {
    if (sdr.credited_usd_cents > 0) out[sdr.created.case_id] += sdr.credited_usd_cents;
  }
  return out;
}

std::map<std::pair<std::string, std::string>, std::int64_t> SdrRegister::credits_by_line() const {
  std::map<std::pair<std::string, std::string>, std::int64_t> out;
  for (const Sdr& sdr : sdrs_) {
    if (sdr.credited_usd_cents > 0) {
      out[{sdr.created.case_id, sdr.created.line}] += sdr.credited_usd_cents;
    }
  }
  return out;
}

Status apply_sdr_event(SdrRegister& sdrs, const store::EventRecord& event) {
  if (event.type == kSdrCreated) {
    FMS_ASSIGN_OR_RETURN(Sdr sdr, created_sdr(sdrs.sdrs_, sdrs.by_number_, sdrs.by_key_, event));
    sdrs.add(std::move(sdr));
    return Status::Ok();
  }
  if (event.type == kSdrSubmitted) {
    FMS_ASSIGN_OR_RETURN(SdrSubmitted submitted, decode_sdr_submitted(event));
    FMS_ASSIGN_OR_RETURN(Sdr * sdr, target(sdrs.sdrs_, sdrs.by_number_, event, submitted.number,
                                           submitted.case_id, submitted.date, SdrAction::submit));
    const bool late = submitted.date > sdr->created.deadline;
    if (late != submitted.late_reason.has_value()) {
      return corrupt(event, late ? "submitted after the deadline without a late reason"
                                 : "a late reason on a submission before the deadline");
    }
    SdrStep step = step_of(SdrStepKind::submitted, submitted.date, event);
    step.text = submitted.late_reason.value_or("");
    step.late = late;
    advance(*sdr, std::move(step));
    return Status::Ok();
  }
  if (event.type == kSdrAnswered) {
    FMS_ASSIGN_OR_RETURN(SdrAnswered answered, decode_sdr_answered(event));
    FMS_ASSIGN_OR_RETURN(Sdr * sdr, target(sdrs.sdrs_, sdrs.by_number_, event, answered.number,
                                           answered.case_id, answered.date, SdrAction::answer));
    if (answered.resolution == SdrResolution::credit) {
      const Status bounded = check_sdr_credit(
          answered.credit_usd_cents, sdr->created.claimed_usd_cents, sdr->credited_usd_cents);
      if (!bounded.ok()) return corrupt(event, bounded.error().message);
    }
    if (answered.reply_code) {
      auto code = validate_sdr_reply_code(*answered.reply_code);
      if (!code.ok() || *code != *answered.reply_code) {
        return corrupt(event, "reply code \"" + *answered.reply_code + "\" is malformed");
      }
    }
    SdrStep step = step_of(SdrStepKind::answered, answered.date, event);
    step.text = answered.note;
    step.resolution = answered.resolution;
    step.credit_usd_cents = answered.credit_usd_cents;
    step.reply_code = answered.reply_code;
    advance(*sdr, std::move(step));
    return Status::Ok();
  }
  if (event.type == kSdrReconsiderationRequested || event.type == kSdrContested) {
    const bool contest = event.type == kSdrContested;
    const SdrAction action = contest ? SdrAction::contest : SdrAction::reconsider;
    FMS_ASSIGN_OR_RETURN(SdrReopened reopened, decode_sdr_reopened(event));
    FMS_ASSIGN_OR_RETURN(Sdr * sdr, target(sdrs.sdrs_, sdrs.by_number_, event, reopened.number,
                                           reopened.case_id, reopened.date, action));
    SdrStep step =
        step_of(contest ? SdrStepKind::contested : SdrStepKind::reconsideration_requested,
                reopened.date, event);
    step.text = reopened.reason;
    advance(*sdr, std::move(step));
    return Status::Ok();
  }
  if (event.type == kSdrClosed) {
    FMS_ASSIGN_OR_RETURN(SdrClosed closed, decode_sdr_closed(event));
    FMS_ASSIGN_OR_RETURN(Sdr * sdr, target(sdrs.sdrs_, sdrs.by_number_, event, closed.number,
                                           closed.case_id, closed.date, SdrAction::close));
    if (closed.withdrawn != (sdr->status == SdrStatus::draft)) {
      return corrupt(event, closed.withdrawn ? "withdraws an SDR that was already submitted"
                                             : "closes a draft without saying it is withdrawn");
    }
    SdrStep step = step_of(SdrStepKind::closed, closed.date, event);
    step.text = closed.reason;
    step.withdrawn = closed.withdrawn;
    advance(*sdr, std::move(step));
    return Status::Ok();
  }
  return corrupt(event, "unknown SDR event type \"" + event.type + "\"");
}

Result<SdrStream> fold_sdrs(const std::vector<store::EventRecord>& events) {
  SdrStream stream;
  for (const store::EventRecord& event : events) {
    if (!in_portfolio_stream(event)) continue;
    stream.last_sequence = event.sequence;
    if (event.type.starts_with(kSdrEventPrefix)) {
      FMS_TRY(apply_sdr_event(stream.sdrs, event));
    } else {
      FMS_TRY(check_portfolio_event_type(event));
    }
  }
  return stream;
}

}  // namespace fms::ledger
