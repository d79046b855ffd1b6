// SDR rules: the transition table, report numbers, discrepancy codes, deadline and credit bounds.
#include "core/sdr.h"

#include <algorithm>
#include <utility>

#include "core/loa_rules.h"
#include "core/money.h"

namespace fms {
namespace {

constexpr std::array<std::pair<SdrStatus, std::string_view>, 4> kStatusNames{{
    {SdrStatus::draft, "draft"},
    {SdrStatus::submitted, "submitted"},
    {SdrStatus::answered, "answered"},
    {SdrStatus::closed, "closed"},
}};

constexpr std::array<std::pair<SdrResolution, std::string_view>, 3> kResolutionNames{{
    {SdrResolution::credit, "credit"},
    {SdrResolution::replacement, "replacement"},
    {SdrResolution::rejected, "rejected"},
}};

// Section 7.1 of the domain reference. T3 is named there without its meaning, so it is left out.
constexpr std::array<SdrCodeEntry, 14> kCodes{{
    {"C1", "condition of materiel",
     "condition differs from the supply document or test certificate"},
    {"C2", "condition of materiel", "shelf life expired"},
    {"C3", "condition of materiel", "damaged shipment"},
    {"C4", "condition of materiel", "received stripped of parts"},
    {"S1", "shortage / non-receipt", "quantity received is less than on the receipt document"},
    {"S2", "shortage / non-receipt",
     "quantity received is less than requested (not unit-pack rounding)"},
    {"S3", "shortage / non-receipt", "shipment not received"},
    {"D1", "documentation", "documentation not received"},
    {"D2", "documentation", "documentation illegible or mutilated"},
    {"D3", "documentation", "documentation incomplete, improper or unauthorised"},
    {"T1", "technical data / markings", "technical data or markings missing"},
    {"T2", "technical data / markings", "technical data or markings illegible"},
    {"M1", "misdirected", "addressed to the wrong activity"},
    {"Q1", "product quality", "deficient materiel"},
}};

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = upper(c);
  return out;
}

// An answer the purchaser may ask to have reconsidered or may contest.
bool unfavourable(const SdrPosition& position) {
  if (!position.last_resolution) return false;
  return *position.last_resolution == SdrResolution::rejected ||
         (*position.last_resolution == SdrResolution::credit && !position.fully_credited);
}

std::string answer_text(const SdrPosition& position) {
  if (!position.last_resolution) return "not yet answered";
  if (*position.last_resolution == SdrResolution::credit) {
    return position.fully_credited ? "a credit of the full amount claimed" : "a partial credit";
  }
  return *position.last_resolution == SdrResolution::replacement ? "a replacement" : "a rejection";
}

Status refuse(const SdrPosition& from, std::string rule) {
  return Error::invalid("it is " + std::string(to_string(from.status)) + "; " + std::move(rule));
}

Status check_reopen(const SdrPosition& from, SdrAction action) {
  const bool reconsider = action == SdrAction::reconsider;
  const char* what =
      reconsider ? "reconsideration can be requested" : "a decision can be contested";
  if (from.status != SdrStatus::answered) {
    return refuse(from, std::string(what) + " only once the SDR is answered");
  }
  if (from.stage == SdrStage::contest) {
    return Error::invalid("it was already contested; the contest decision is final (close it)");
  }
  if (reconsider && from.stage == SdrStage::reconsideration) {
    return Error::invalid("reconsideration was already requested; contest the decision instead");
  }
  if (!reconsider && from.stage == SdrStage::original) {
    return Error::invalid(
        "only a reconsideration decision can be contested; request reconsideration first");
  }
  if (!unfavourable(from)) {
    return Error::invalid("the answer was " + answer_text(from) + "; " + what +
                          " only against a rejection or a partial credit");
  }
  return Status::Ok();
}

}  // namespace

std::string_view to_string(SdrStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "unknown";
}

Result<SdrStatus> sdr_status_from_string(std::string_view text) {
  for (const auto& [s, name] : kStatusNames) {
    if (name == text) return s;
  }
  return Error::invalid("unknown SDR status \"" + std::string(text) +
                        "\" (known: draft, submitted, answered, closed)");
}

std::string_view to_string(SdrResolution resolution) {
  for (const auto& [r, name] : kResolutionNames) {
    if (r == resolution) return name;
  }
  return "unknown";
}

Result<SdrResolution> sdr_resolution_from_string(std::string_view text) {
  for (const auto& [r, name] : kResolutionNames) {
    if (name == text) return r;
  }
  return Error::invalid("unknown SDR resolution \"" + std::string(text) +
                        "\" (known: credit, replacement, rejected)");
}

std::string_view sdr_suffix(SdrStage stage) {
  switch (stage) {
    case SdrStage::original:
      return "";
    case SdrStage::reconsideration:
      return "R";
    case SdrStage::contest:
      return "C";
  }
  return "";
}

std::string_view to_string(SdrAction action) {
  switch (action) {
    case SdrAction::submit:
      return "submit";
    case SdrAction::answer:
      return "answer";
    case SdrAction::reconsider:
      return "reconsider";
    case SdrAction::contest:
      return "contest";
    case SdrAction::close:
      return "close";
  }
  return "unknown";
}

Status check_sdr_action(const SdrPosition& from, SdrAction action) {
  switch (action) {
    case SdrAction::submit:
      if (from.status != SdrStatus::draft) {
        return refuse(from,
                      "only a draft SDR can be submitted (a reconsideration or contest "
                      "is sent by its own command)");
      }
      return Status::Ok();
    case SdrAction::answer:
      if (from.status != SdrStatus::submitted) {
        return refuse(from, "only a submitted SDR can be answered");
      }
      return Status::Ok();
    case SdrAction::reconsider:
    case SdrAction::contest:
      return check_reopen(from, action);
    case SdrAction::close:
      if (from.status == SdrStatus::submitted) {
        return refuse(from,
                      "wait for the answer (only a draft, which is withdrawn, or an "
                      "answered SDR can be closed)");
      }
      if (from.status == SdrStatus::closed) return Error::invalid("it is already closed");
      return Status::Ok();
  }
  return Error::internal("unknown SDR action");
}

SdrStatus sdr_status_after(SdrAction action) {
  switch (action) {
    case SdrAction::submit:
    case SdrAction::reconsider:
    case SdrAction::contest:
      return SdrStatus::submitted;
    case SdrAction::answer:
      return SdrStatus::answered;
    case SdrAction::close:
      return SdrStatus::closed;
  }
  return SdrStatus::closed;
}

SdrStage sdr_stage_after(SdrStage stage, SdrAction action) {
  if (action == SdrAction::reconsider) return SdrStage::reconsideration;
  if (action == SdrAction::contest) return SdrStage::contest;
  return stage;
}

std::string SdrNumber::base() const {
  std::string serial_text = std::to_string(serial);
  serial_text.insert(0, serial_text.size() < 4 ? 4 - serial_text.size() : 0, '0');
  return std::string(1, office) + serial_text + "-" + country + "-" + designator + "/" + line;
}

std::string SdrNumber::to_string() const {
  return base() + std::string(sdr_suffix(stage));
}

SdrNumber SdrNumber::at_stage(SdrStage next) const {
  SdrNumber out = *this;
  out.stage = next;
  return out;
}

Result<SdrNumber> SdrNumber::parse(std::string_view text) {
  const auto bad = [&text](const std::string& why) {
    return Error::invalid("SDR number \"" + std::string(text) + "\": " + why +
                          " (expected e.g. A0001-JA-TWK/001, A0001-JA-TWK/001R)");
  };
  // office(1) serial(4) '-' country(2) '-' designator(3) '/' line(3-4) [suffix]
  if (text.size() < 16) return bad("too short");
  if (text.size() > 18) return bad("too long");
  SdrNumber number;
  if (!is_upper(text[0])) return bad("the office must be one letter A-Z");
  number.office = text[0];
  int serial = 0;
  for (std::size_t i = 1; i <= 4; ++i) {
    if (!is_digit(text[i])) return bad("the serial must be 4 digits");
    serial = serial * 10 + (text[i] - '0');
  }
  if (serial < kMinSdrSerial || serial > kMaxAnySdrSerial) return bad("serial 0000 is not used");
  number.serial = serial;
  if (text[5] != '-' || text[8] != '-' || text[12] != '/') {
    return bad("the parts are separated by '-', '-' and '/'");
  }
  number.country = std::string(text.substr(6, 2));
  if (!is_upper(number.country[0]) || !is_upper(number.country[1])) {
    return bad("the country code must be 2 letters A-Z");
  }
  number.designator = std::string(text.substr(9, 3));
  for (char c : number.designator) {
    if (!is_upper(c) && !is_digit(c)) return bad("the case designator must be 3 of A-Z, 0-9");
  }
  std::string_view rest = text.substr(13);
  if (rest.ends_with('R')) {
    number.stage = SdrStage::reconsideration;
    rest.remove_suffix(1);
  } else if (rest.ends_with('C')) {
    number.stage = SdrStage::contest;
    rest.remove_suffix(1);
  }
  if (rest != kSdrCaseLevelLine && !is_well_formed_line_number(rest)) {
    return bad("the line must be 3 digits (000 for the case), with an optional sub-line letter");
  }
  number.line = std::string(rest);
  return number;
}

Result<char> parse_sdr_office(std::string_view text) {
  if (text.size() != 1 || !is_upper(upper(text[0]))) {
    return Error::invalid("office \"" + std::string(text) +
                          "\" must be one letter A-Z (the originating office in the country)");
  }
  return upper(text[0]);
}

std::span<const SdrCodeEntry> sdr_code_list() {
  return kCodes;
}

Result<std::vector<std::string>> validate_sdr_codes(const std::vector<std::string>& codes) {
  if (codes.empty() || codes.size() > kMaxSdrCodes) {
    return Error::invalid("an SDR names 1 to " + std::to_string(kMaxSdrCodes) +
                          " discrepancy codes; " + std::to_string(codes.size()) + " given");
  }
  std::vector<std::string> out;
  for (const std::string& given : codes) {
    const std::string code = upper(given);
    const auto list = sdr_code_list();
    const bool known = std::any_of(list.begin(), list.end(),
                                   [&code](const SdrCodeEntry& e) { return e.code == code; });
    if (!known) {
      std::string names;
      for (const SdrCodeEntry& entry : list) {
        if (!names.empty()) names += ", ";
        names += entry.code;
      }
      return Error::invalid("unknown SF 364 discrepancy code \"" + given + "\" (known: " + names +
                            ")");
    }
    if (std::find(out.begin(), out.end(), code) != out.end()) {
      return Error::invalid("discrepancy code " + code + " is given twice");
    }
    out.push_back(code);
  }
  return out;
}

SdrDeadlineState sdr_deadline_state(const CivilDate& on, const CivilDate& deadline,
                                    int warning_days) {
  SdrDeadlineState state;
  state.days_to_deadline = on.days_until(deadline);
  if (state.days_to_deadline < 0) {
    state.warning = "deadline passed";
  } else if (state.days_to_deadline == 0) {
    state.warning = "due today";
  } else if (state.days_to_deadline <= warning_days) {
    state.warning = "due in " + std::to_string(state.days_to_deadline) +
                    (state.days_to_deadline == 1 ? " day" : " days");
  }
  return state;
}

bool sdr_below_minimum(std::int64_t claimed_usd_cents, std::int64_t minimum_usd_cents) {
  return claimed_usd_cents < minimum_usd_cents;
}

Status check_sdr_credit(std::int64_t credit_usd_cents, std::int64_t claimed_usd_cents,
                        std::int64_t already_credited_usd_cents) {
  const auto usd = [](std::int64_t cents) {
    return Money(cents, Currency::usd()).format_with_code();
  };
  if (credit_usd_cents <= 0) {
    return Error::invalid("a credit must be more than zero; " + usd(credit_usd_cents) + " given");
  }
  const std::int64_t open = claimed_usd_cents - already_credited_usd_cents;
  if (credit_usd_cents > open) {
    return Error::invalid("credit " + usd(credit_usd_cents) + " is more than the " + usd(open) +
                          " still open of the " + usd(claimed_usd_cents) + " claimed" +
                          (already_credited_usd_cents > 0
                               ? " (" + usd(already_credited_usd_cents) + " already credited)"
                               : std::string()));
  }
  return Status::Ok();
}

Result<std::string> validate_sdr_reply_code(std::string_view text) {
  if (text.empty() || text.size() > kMaxSdrReplyCodeBytes) {
    return Error::invalid("reply code \"" + std::string(text) + "\" must be 1 to " +
                          std::to_string(kMaxSdrReplyCodeBytes) + " letters or digits");
  }
  std::string code = upper(text);
  for (char c : code) {
    if (!is_upper(c) && !is_digit(c)) {
      return Error::invalid("reply code \"" + std::string(text) +
                            "\" may hold only letters and digits");
    }
  }
  return code;
}

}  // namespace fms
