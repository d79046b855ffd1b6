// The SDR commands. Each one loads the SDR register, checks the request against the SDR and the
// rules, builds one event, folds it into a copy of the register exactly as replay will, and
// only then appends it — with the stream's last sequence, so a concurrent writer makes the
// append fail as a conflict instead of interleaving.
#include "ledger/sdr/sdr_book.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/case_id.h"
#include "core/money.h"
#include "ledger/log/portfolio_stream.h"

namespace fms::ledger {
namespace {

std::string usd(std::int64_t cents) {
  return Money(cents, Currency::usd()).format_with_code();
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

Status check_text(const std::string& text, const char* field, bool required) {
  if ((required && text.empty()) || text.size() > kMaxReasonBytes) {
    return Error(ErrorKind::invalid_input,
                 mention(field) + " must be " + (required ? "1" : "0") + " to " +
                     std::to_string(kMaxReasonBytes) + " bytes; " + std::to_string(text.size()) +
                     " given",
                 field);
  }
  return Status::Ok();
}

Status check_not_future(const CivilDate& date, const CivilDate& today, const char* field) {
  if (date > today) {
    return Error(ErrorKind::invalid_input,
                 mention(field) + " " + date.to_string() + " is in the future (today is " +
                     today.to_string() + ")",
                 field);
  }
  return Status::Ok();
}

std::string sdr_prefix(const Sdr& sdr) {
  return "SDR " + sdr.number.to_string() + ": ";
}

// The discrepancies of the case whose first document is the one named, for "did you mean".
std::string other_keys(const std::vector<recon::Discrepancy>& all, const std::string& case_id,
                       const std::string& document) {
  constexpr std::size_t kMaxListed = 5;
  std::vector<std::string> found;
  for (const recon::Discrepancy& d : all) {
    if (d.case_id != case_id || d.documents.empty() || d.documents[0] != document) continue;
    if (found.size() == kMaxListed) break;
    found.push_back(std::string(recon::to_string(d.type)) +
                    (d.line.empty() ? std::string() : " on line " + d.line));
  }
  if (found.empty()) return {};
  std::string out = "; that document has: ";
  for (std::size_t i = 0; i < found.size(); ++i) out += (i == 0 ? "" : ", ") + found[i];
  return out;
}

// The one discrepancy the request names, as of the view's date.
Result<recon::Discrepancy> find_discrepancy(const std::vector<recon::Discrepancy>& all,
                                            const std::string& case_id,
                                            const SdrCreateRequest& request,
                                            const CivilDate& as_of) {
  std::vector<const recon::Discrepancy*> candidates;
  std::set<std::string> lines;
  for (const recon::Discrepancy& d : all) {
    const DiscrepancyKey key = DiscrepancyKey::of(d);
    if (key.type != request.type || key.case_id != case_id || key.document != request.document) {
      continue;
    }
    if (request.line && d.line != *request.line) continue;
    candidates.push_back(&d);
    lines.insert(d.line);
  }
  if (candidates.empty()) {
    return Error::not_found("no " + std::string(recon::to_string(request.type)) +
                            " discrepancy of " + case_id +
                            (request.line ? " line " + *request.line : std::string()) +
                            " with first document \"" + request.document + "\" as of " +
                            as_of.to_string() + other_keys(all, case_id, request.document) +
                            " (see `fmsledger report discrepancies --case " + case_id +
                            " --as-of " + as_of.to_string() + "`)");
  }
  if (lines.size() > 1) {
    std::string listed;
    for (const std::string& line : lines) listed += (listed.empty() ? "" : ", ") + line;
    return Error::invalid("\"" + request.document + "\" has " +
                          std::string(recon::to_string(request.type)) + " discrepancies on lines " +
                          listed + " of " + case_id + "; give " + mention("line"))
        .concerning("line");
  }
  return *candidates.front();
}

std::vector<std::string> creation_warnings(const SdrCreated& created, const CivilDate& today,
                                           int warning_days) {
  std::vector<std::string> warnings;
  const std::string prefix = "SDR " + created.number.to_string() + ": ";
  if (created.below_minimum) {
    warnings.push_back(prefix + "the claim of " + usd(created.claimed_usd_cents) +
                       " is below the " + usd(created.minimum_usd_cents) +
                       " minimum; it is filed for information, not reviewed for compensation");
  }
  const SdrDeadlineState state = sdr_deadline_state(today, created.deadline, warning_days);
  if (state.days_to_deadline < 0) {
    warnings.push_back(prefix + "the submission deadline " + created.deadline.to_string() +
                       " has passed; submitting it needs " + mention("late_reason"));
  } else if (!state.warning.empty()) {
    warnings.push_back(prefix + "submission deadline " + created.deadline.to_string() + ", " +
                       state.warning);
  }
  return warnings;
}

}  // namespace

Result<std::vector<std::string>> default_sdr_codes(recon::DiscrepancyType type) {
  switch (type) {
    case recon::DiscrepancyType::shipped_not_received:
      return std::vector<std::string>{"S3"};
    case recon::DiscrepancyType::quantity_short:
      return std::vector<std::string>{"S1"};
    case recon::DiscrepancyType::rejected_on_inspection:
      return std::vector<std::string>{"C1"};
    default:
      break;
  }
  return Error::invalid(
             "there is no default SF 364 code for a " + std::string(recon::to_string(type)) +
             " discrepancy (the overage codes of DLMS AP7.28 are not confirmed); give " +
             mention("codes") + ", e.g. D3 when the shipping document understates the quantity")
      .concerning("codes");
}

Result<SdrOutcome> SdrBook::create(const SdrCreateRequest& request, const std::string& actor) {
  FMS_TRY(check_text(request.reason, "reason", true));
  const CivilDate today = clock_.today();
  const CivilDate as_of = request.as_of.value_or(today);
  FMS_TRY(check_not_future(as_of, today, "as_of"));
  const std::string case_text = upper(request.case_id);
  auto case_id = CaseId::parse(case_text, reference_);
  if (!case_id.ok()) return case_id.error().at_field("case");
  FMS_ASSIGN_OR_RETURN(const char office, parse_sdr_office(std::string(1, request.office)));
  if (!request.codes.empty()) FMS_TRY(validate_sdr_codes(request.codes));

  // The register first: a step recorded after it makes the append below a conflict.
  FMS_ASSIGN_OR_RETURN(const SdrStream stream, load());
  FMS_ASSIGN_OR_RETURN(ReconciliationView view, execution_.reconciliation_view(as_of));
  if (view.cases.count(case_text) == 0 ||
      (request.case_visible && !request.case_visible(case_text))) {
    return Error::not_found("case " + case_text + " is not recorded");
  }
  const std::vector<recon::Discrepancy> discrepancies =
      recon::classify(view.recon_input, view.matches, to_recon_rules(view.rules), as_of);
  FMS_ASSIGN_OR_RETURN(recon::Discrepancy discrepancy,
                       find_discrepancy(discrepancies, case_text, request, as_of));
  const DiscrepancyKey key = DiscrepancyKey::of(discrepancy);
  if (!discrepancy.action_due) {
    return Error::invalid(
        "a " + std::string(recon::to_string(discrepancy.type)) +
        " discrepancy is not raised by SDR; its next action is: " + discrepancy.next_action);
  }
  if (const Sdr* open = stream.sdrs.open_for(key)) {
    return Error::conflict("SDR " + open->number.to_string() + " (" +
                           std::string(to_string(open->status)) + ") is already open for " +
                           key.describe());
  }

  SdrCreated created;
  if (request.codes.empty()) {
    FMS_ASSIGN_OR_RETURN(created.codes, default_sdr_codes(discrepancy.type));
  } else {
    FMS_ASSIGN_OR_RETURN(created.codes, validate_sdr_codes(request.codes));
  }
  created.number.office = office;
  created.number.country = case_id->customer();
  created.number.designator = case_id->designator();
  created.number.line =
      discrepancy.line.empty() ? std::string(kSdrCaseLevelLine) : discrepancy.line;
  FMS_ASSIGN_OR_RETURN(created.number.serial,
                       stream.sdrs.next_serial(office, created.number.country));
  created.case_id = case_text;
  created.line = discrepancy.line;
  created.discrepancy = key;
  created.documents = discrepancy.documents;
  created.claimed_usd_cents = discrepancy.usd_cents;
  created.arose = discrepancy.arose;
  created.deadline = *discrepancy.action_due;
  created.minimum_usd_cents = view.rules.sdr_minimum_cents;
  created.below_minimum = sdr_below_minimum(created.claimed_usd_cents, created.minimum_usd_cents);
  created.date = as_of;
  created.reason = request.reason;

  const std::string base = created.number.base();
  const std::vector<std::string> warnings =
      creation_warnings(created, today, view.rules.sdr_deadline_warning_days);
  FMS_ASSIGN_OR_RETURN(SdrOutcome outcome,
                       commit(stream, base, kSdrCreated, encode(created), actor));
  outcome.warnings = warnings;
  outcome.message = "SDR " + base + " created (draft) for " + key.describe() + ": claim " +
                    usd(created.claimed_usd_cents) + ", submit by " + created.deadline.to_string();
  return outcome;
}

Result<SdrOutcome> SdrBook::submit(const std::string& number, const CivilDate& date,
                                   const std::optional<std::string>& late_reason,
                                   const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(Located located, locate(number));
  const Sdr& sdr = *located.sdr;
  FMS_TRY(check_step(sdr, SdrAction::submit, date, late_reason.value_or(""), "late_reason", false));
  const CivilDate& deadline = sdr.created.deadline;
  const bool late = date > deadline;
  if (late && (!late_reason || late_reason->empty())) {
    return Error::invalid(sdr_prefix(sdr) + "the submission deadline " + deadline.to_string() +
                          " passed " + std::to_string(deadline.days_until(date)) +
                          " day(s) before " + date.to_string() + "; give " +
                          mention("late_reason") +
                          " TEXT to submit it anyway (the implementing agency may refuse a late "
                          "SDR)")
        .concerning("late_reason");
  }
  if (!late && late_reason) {
    return Error::invalid(sdr_prefix(sdr) + mention("late_reason") +
                          " is for a submission after the deadline " + deadline.to_string() +
                          "; this one is on time")
        .concerning("late_reason");
  }
  std::vector<std::string> warnings;
  if (late) {
    warnings.push_back(sdr_prefix(sdr) + "submitted " + std::to_string(deadline.days_until(date)) +
                       " day(s) after the deadline " + deadline.to_string() +
                       "; the implementing agency may refuse it as late");
  } else {
    FMS_ASSIGN_OR_RETURN(ReconciliationRules rules,
                         reference_.reconciliation_rules_on(date));
    const SdrDeadlineState state =
        sdr_deadline_state(date, deadline, rules.sdr_deadline_warning_days);
    if (!state.warning.empty()) {
      warnings.push_back(sdr_prefix(sdr) + "submitted close to the deadline " +
                         deadline.to_string() + " (" + state.warning + ")");
    }
  }
  SdrSubmitted submitted{sdr.number.base(), sdr.created.case_id, date,
                         late ? late_reason : std::nullopt};
  FMS_ASSIGN_OR_RETURN(SdrOutcome outcome, commit(located.stream, sdr.number.base(),
                                                  kSdrSubmitted, encode(submitted), actor));
  outcome.warnings = std::move(warnings);
  outcome.message = "SDR " + outcome.sdr.number.to_string() + " submitted on " + date.to_string() +
                    (late ? " (late)" : "");
  return outcome;
}

Result<SdrOutcome> SdrBook::answer(const std::string& number, const SdrAnswer& answer,
                                   const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(Located located, locate(number));
  const Sdr& sdr = *located.sdr;
  FMS_TRY(check_step(sdr, SdrAction::answer, answer.date, answer.note, "note", false));
  SdrAnswered answered;
  answered.number = sdr.number.base();
  answered.case_id = sdr.created.case_id;
  answered.date = answer.date;
  answered.resolution = answer.resolution;
  answered.note = answer.note;
  if (answer.resolution == SdrResolution::credit) {
    if (!answer.credit_usd_cents) {
      return Error::invalid(sdr_prefix(sdr) + "a credit answer needs " + mention("credit") +
                            " USD (at most " +
                            usd(sdr.created.claimed_usd_cents - sdr.credited_usd_cents) + ")")
          .concerning("credit");
    }
    const Status bounded = check_sdr_credit(*answer.credit_usd_cents, sdr.created.claimed_usd_cents,
                                            sdr.credited_usd_cents);
    if (!bounded.ok()) return Error::invalid(sdr_prefix(sdr) + bounded.error().message);
    answered.credit_usd_cents = *answer.credit_usd_cents;
  } else if (answer.credit_usd_cents) {
    return Error::invalid(sdr_prefix(sdr) + mention("credit") + " goes only with " +
                          mention("resolution") + " credit")
        .concerning("credit");
  }
  if (answer.reply_code) {
    auto code = validate_sdr_reply_code(*answer.reply_code);
    if (!code.ok()) return code.error().at_field("reply_code");
    answered.reply_code = *code;
  }
  FMS_ASSIGN_OR_RETURN(SdrOutcome outcome, commit(located.stream, sdr.number.base(),
                                                  kSdrAnswered, encode(answered), actor));
  outcome.message =
      "SDR " + outcome.sdr.number.to_string() + " answered on " + answer.date.to_string() + ": " +
      std::string(to_string(answer.resolution)) +
      (answer.resolution == SdrResolution::credit
           ? " of " + usd(answered.credit_usd_cents) + " (" + usd(outcome.sdr.credited_usd_cents) +
                 " of " + usd(sdr.created.claimed_usd_cents) + " credited in all)"
           : std::string());
  return outcome;
}

Result<SdrOutcome> SdrBook::reconsider(const std::string& number, const CivilDate& date,
                                       const std::string& reason, const std::string& actor) {
  return reopen(number, date, reason, SdrAction::reconsider, actor);
}

Result<SdrOutcome> SdrBook::contest(const std::string& number, const CivilDate& date,
                                    const std::string& reason, const std::string& actor) {
  return reopen(number, date, reason, SdrAction::contest, actor);
}

Result<SdrOutcome> SdrBook::reopen(const std::string& number, const CivilDate& date,
                                   const std::string& reason, SdrAction action,
                                   const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(Located located, locate(number));
  const Sdr& sdr = *located.sdr;
  FMS_TRY(check_step(sdr, action, date, reason, "reason", true));
  const SdrReopened reopened{sdr.number.base(), sdr.created.case_id, date, reason};
  const bool contest = action == SdrAction::contest;
  FMS_ASSIGN_OR_RETURN(
      SdrOutcome outcome,
      commit(located.stream, sdr.number.base(),
             contest ? kSdrContested : kSdrReconsiderationRequested, encode(reopened), actor));
  outcome.message = "SDR " + outcome.sdr.number.to_string() +
                    (contest ? " contested on " : " reconsideration requested on ") +
                    date.to_string() + "; it is submitted again";
  return outcome;
}

Result<SdrOutcome> SdrBook::close(const std::string& number, const CivilDate& date,
                                  const std::string& reason, const std::string& actor) {
  FMS_ASSIGN_OR_RETURN(Located located, locate(number));
  const Sdr& sdr = *located.sdr;
  FMS_TRY(check_step(sdr, SdrAction::close, date, reason, "reason", true));
  const bool withdrawn = sdr.status == SdrStatus::draft;
  const SdrClosed closed{sdr.number.base(), sdr.created.case_id, date, reason, withdrawn};
  FMS_ASSIGN_OR_RETURN(SdrOutcome outcome, commit(located.stream, sdr.number.base(), kSdrClosed,
                                                  encode(closed), actor));
  outcome.message = "SDR " + outcome.sdr.number.to_string() +
                    (withdrawn ? " withdrawn (closed as a draft) on " : " closed on ") +
                    date.to_string();
  return outcome;
}

Error sdr_not_recorded(const SdrNumber& number) {
  return Error::not_found("no SDR " + number.base() + " is recorded");
}

Result<SdrStream> SdrBook::load() {
  FMS_ASSIGN_OR_RETURN(auto events, read_portfolio_stream(store_));
  return fold_sdrs(events);
}

Result<SdrRegister> SdrBook::sdrs() {
  FMS_ASSIGN_OR_RETURN(SdrStream stream, load());
  return std::move(stream.sdrs);
}

Result<Sdr> SdrBook::find(const std::string& number) {
  FMS_ASSIGN_OR_RETURN(Located located, locate(number));
  return *located.sdr;
}

Result<SdrBook::Located> SdrBook::locate(const std::string& number) {
  FMS_ASSIGN_OR_RETURN(SdrNumber parsed, SdrNumber::parse(number));
  Located located;
  FMS_ASSIGN_OR_RETURN(located.stream, load());
  located.sdr = located.stream.sdrs.find(parsed);
  if (located.sdr == nullptr) {
    return sdr_not_recorded(parsed);
  }
  if (parsed.stage != SdrStage::original && parsed.stage != located.sdr->number.stage) {
    return Error::invalid("SDR " + parsed.base() + " is " + located.sdr->number.to_string() +
                          " now, not " + parsed.to_string());
  }
  return located;
}

Status SdrBook::check_step(const Sdr& sdr, SdrAction action, const CivilDate& date,
                           const std::string& text, const char* text_field,
                           bool text_required) const {
  FMS_TRY(check_text(text, text_field, text_required));
  const Status allowed = check_sdr_action(sdr.position(), action);
  if (!allowed.ok()) {
    return Error::invalid("cannot " + std::string(to_string(action)) + " SDR " +
                          sdr.number.to_string() + ": " + allowed.error().message);
  }
  FMS_TRY(check_not_future(date, clock_.today(), "date"));
  if (date < sdr.last_date()) {
    return Error::invalid(sdr_prefix(sdr) + mention("date") + " " + date.to_string() +
                          " is before its previous step (" +
                          std::string(to_string(sdr.history.back().kind)) + " on " +
                          sdr.last_date().to_string() + ")")
        .concerning("date");
  }
  return Status::Ok();
}

Result<SdrOutcome> SdrBook::commit(const SdrStream& stream, const std::string& base_number,
                                   std::string_view type, std::string payload,
                                   const std::string& actor) {
  store::NewEvent event{clock_.timestamp(), actor, "",
                        std::string(type),           1,     std::move(payload)};
  // The register after the event, exactly as replay will fold it; a refusal here is a bug in
  // the checks above, never something the user can cause.
  SdrRegister next = stream.sdrs;
  store::EventRecord provisional{
      stream.last_sequence + 1, event.recorded_at, event.actor, "", event.type,
      event.type_version,          event.payload,     {},          {}};
  const Status folded = apply_sdr_event(next, provisional);
  if (!folded.ok())
    return Error::internal("SDR event refused by its own fold: " + folded.error().message);

  store::AppendRequest request;
  request.expected_last_sequence[""] = stream.last_sequence;
  request.events.push_back(std::move(event));
  FMS_ASSIGN_OR_RETURN(std::vector<store::EventRecord> stored, store_.append(request));

  SdrOutcome outcome;
  outcome.sdr = *next.find(SdrNumber::parse(base_number).value());
  if (!stored.empty()) outcome.sdr.history.back().sequence = stored.front().sequence;
  return outcome;
}

}  // namespace fms::ledger
