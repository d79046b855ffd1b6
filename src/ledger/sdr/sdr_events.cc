// Encoding and decoding of the SDR event payloads. Decoding checks every field a later fold
// relies on (number, codes, amounts, the review and outcome words), so a damaged payload is
// reported as corruption of the event that holds it.
#include "ledger/sdr/sdr_events.h"

#include <nlohmann/json.hpp>

#include "core/money.h"
#include "ledger/log/payload_reader.h"

namespace fms::ledger {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kReviewCompensation = "compensation";
constexpr std::string_view kReviewInformation = "information";
constexpr std::string_view kOutcomeClosed = "closed";
constexpr std::string_view kOutcomeWithdrawn = "withdrawn";

std::string usd_plain(std::int64_t cents) {
  return Money(cents, Currency::usd()).to_plain_string();
}

ordered_json optional_text(const std::optional<std::string>& text) {
  return text ? ordered_json(*text) : ordered_json(nullptr);
}

Result<std::int64_t> usd_cents(const PayloadReader& payload, const char* name) {
  FMS_ASSIGN_OR_RETURN(Money amount, payload.money(name, Currency::usd()));
  if (amount.is_negative()) return payload.corrupt(std::string(name) + " is negative");
  return amount.minor_units();
}

Result<SdrNumber> base_number(const PayloadReader& payload) {
  FMS_ASSIGN_OR_RETURN(std::string text, payload.text("number"));
  auto number = SdrNumber::parse(text);
  if (!number.ok()) return payload.corrupt(number.error().message);
  if (number->stage != SdrStage::original) {
    return payload.corrupt("number " + text + " carries a suffix; events name the base number");
  }
  return number;
}

// The fields every event after sdr.created starts with.
template <class Payload>
Status read_reference(const PayloadReader& payload, Payload& out) {
  FMS_ASSIGN_OR_RETURN(SdrNumber number, base_number(payload));
  out.number = number.base();
  FMS_ASSIGN_OR_RETURN(out.case_id, payload.text("case_id"));
  FMS_ASSIGN_OR_RETURN(out.date, payload.date("date"));
  return Status::Ok();
}

template <class Payload>
ordered_json reference_json(const Payload& payload) {
  ordered_json j;
  j["number"] = payload.number;
  j["case_id"] = payload.case_id;
  j["date"] = payload.date.to_string();
  return j;
}

}  // namespace

DiscrepancyKey DiscrepancyKey::of(const recon::Discrepancy& discrepancy) {
  return DiscrepancyKey{discrepancy.type, discrepancy.case_id, discrepancy.line,
                        discrepancy.documents.empty() ? std::string() : discrepancy.documents[0]};
}

std::string DiscrepancyKey::describe() const {
  std::string out = std::string(recon::to_string(type)) + " " + case_id;
  if (!line.empty()) out += " line " + line;
  if (!document.empty()) out += ", " + document;
  return out;
}

std::string encode(const SdrCreated& payload) {
  ordered_json j;
  j["number"] = payload.number.base();
  j["office"] = std::string(1, payload.number.office);
  j["serial"] = payload.number.serial;
  j["case_id"] = payload.case_id;
  j["line"] = payload.line;
  j["discrepancy"] = {{"type", std::string(recon::to_string(payload.discrepancy.type))},
                      {"case_id", payload.discrepancy.case_id},
                      {"line", payload.discrepancy.line},
                      {"document", payload.discrepancy.document}};
  j["documents"] = payload.documents;
  j["codes"] = payload.codes;
  j["claimed_usd"] = usd_plain(payload.claimed_usd_cents);
  j["arose"] = payload.arose.to_string();
  j["deadline"] = payload.deadline.to_string();
  j["minimum_usd"] = usd_plain(payload.minimum_usd_cents);
  j["review"] = std::string(payload.below_minimum ? kReviewInformation : kReviewCompensation);
  j["date"] = payload.date.to_string();
  j["reason"] = payload.reason;
  return j.dump();
}

std::string encode(const SdrSubmitted& payload) {
  ordered_json j = reference_json(payload);
  j["late_reason"] = optional_text(payload.late_reason);
  return j.dump();
}

std::string encode(const SdrAnswered& payload) {
  ordered_json j = reference_json(payload);
  j["resolution"] = std::string(to_string(payload.resolution));
  j["credit_usd"] = payload.resolution == SdrResolution::credit
                        ? ordered_json(usd_plain(payload.credit_usd_cents))
                        : ordered_json(nullptr);
  j["reply_code"] = optional_text(payload.reply_code);
  j["note"] = payload.note;
  return j.dump();
}

std::string encode(const SdrReopened& payload) {
  ordered_json j = reference_json(payload);
  j["reason"] = payload.reason;
  return j.dump();
}

std::string encode(const SdrClosed& payload) {
  ordered_json j = reference_json(payload);
  j["reason"] = payload.reason;
  j["outcome"] = std::string(payload.withdrawn ? kOutcomeWithdrawn : kOutcomeClosed);
  return j.dump();
}

Result<SdrCreated> decode_sdr_created(const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(PayloadReader payload, PayloadReader::open(event, 1));
  SdrCreated decoded;
  FMS_ASSIGN_OR_RETURN(decoded.number, base_number(payload));
  FMS_ASSIGN_OR_RETURN(std::string office, payload.text("office"));
  FMS_ASSIGN_OR_RETURN(std::int64_t serial, payload.integer("serial"));
  if (office != std::string(1, decoded.number.office) || serial != decoded.number.serial) {
    return payload.corrupt("office and serial disagree with number " + decoded.number.base());
  }
  FMS_ASSIGN_OR_RETURN(decoded.case_id, payload.text("case_id"));
  FMS_ASSIGN_OR_RETURN(decoded.line, payload.text("line"));
  FMS_ASSIGN_OR_RETURN(PayloadReader discrepancy, payload.object("discrepancy"));
  FMS_ASSIGN_OR_RETURN(std::string type, discrepancy.text("type"));
  auto parsed_type = recon::discrepancy_type_from_string(type);
  if (!parsed_type.ok()) return payload.corrupt(parsed_type.error().message);
  decoded.discrepancy.type = *parsed_type;
  FMS_ASSIGN_OR_RETURN(decoded.discrepancy.case_id, discrepancy.text("case_id"));
  FMS_ASSIGN_OR_RETURN(decoded.discrepancy.line, discrepancy.text("line"));
  FMS_ASSIGN_OR_RETURN(decoded.discrepancy.document, discrepancy.text("document"));
  if (decoded.discrepancy.case_id != decoded.case_id || decoded.discrepancy.line != decoded.line) {
    return payload.corrupt("the SDR's case and line differ from its discrepancy's");
  }
  FMS_ASSIGN_OR_RETURN(decoded.documents, payload.texts("documents"));
  FMS_ASSIGN_OR_RETURN(std::vector<std::string> codes, payload.texts("codes"));
  auto valid_codes = validate_sdr_codes(codes);
  if (!valid_codes.ok() || *valid_codes != codes) {
    return payload.corrupt("codes are not 1 to " + std::to_string(kMaxSdrCodes) +
                           " distinct SF 364 codes");
  }
  decoded.codes = std::move(codes);
  FMS_ASSIGN_OR_RETURN(decoded.claimed_usd_cents, usd_cents(payload, "claimed_usd"));
  FMS_ASSIGN_OR_RETURN(decoded.arose, payload.date("arose"));
  FMS_ASSIGN_OR_RETURN(decoded.deadline, payload.date("deadline"));
  FMS_ASSIGN_OR_RETURN(decoded.minimum_usd_cents, usd_cents(payload, "minimum_usd"));
  FMS_ASSIGN_OR_RETURN(std::string review, payload.text("review"));
  decoded.below_minimum = sdr_below_minimum(decoded.claimed_usd_cents, decoded.minimum_usd_cents);
  if (review != (decoded.below_minimum ? kReviewInformation : kReviewCompensation)) {
    return payload.corrupt("review \"" + review + "\" disagrees with the amount claimed");
  }
  FMS_ASSIGN_OR_RETURN(decoded.date, payload.date("date"));
  FMS_ASSIGN_OR_RETURN(decoded.reason, payload.text("reason"));
  return decoded;
}

Result<SdrSubmitted> decode_sdr_submitted(const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(PayloadReader payload, PayloadReader::open(event, 1));
  SdrSubmitted decoded;
  FMS_TRY(read_reference(payload, decoded));
  FMS_ASSIGN_OR_RETURN(decoded.late_reason, payload.optional_text("late_reason"));
  return decoded;
}

Result<SdrAnswered> decode_sdr_answered(const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(PayloadReader payload, PayloadReader::open(event, 1));
  SdrAnswered decoded;
  FMS_TRY(read_reference(payload, decoded));
  FMS_ASSIGN_OR_RETURN(std::string resolution, payload.text("resolution"));
  auto parsed = sdr_resolution_from_string(resolution);
  if (!parsed.ok()) return payload.corrupt(parsed.error().message);
  decoded.resolution = *parsed;
  FMS_ASSIGN_OR_RETURN(std::optional<std::string> credit, payload.optional_text("credit_usd"));
  if (credit.has_value() != (decoded.resolution == SdrResolution::credit)) {
    return payload.corrupt("credit_usd must be given exactly when the resolution is a credit");
  }
  if (credit) {
    FMS_ASSIGN_OR_RETURN(decoded.credit_usd_cents, usd_cents(payload, "credit_usd"));
  }
  FMS_ASSIGN_OR_RETURN(decoded.reply_code, payload.optional_text("reply_code"));
  FMS_ASSIGN_OR_RETURN(decoded.note, payload.text("note"));
  return decoded;
}

Result<SdrReopened> decode_sdr_reopened(const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(PayloadReader payload, PayloadReader::open(event, 1));
  SdrReopened decoded;
  FMS_TRY(read_reference(payload, decoded));
  FMS_ASSIGN_OR_RETURN(decoded.reason, payload.text("reason"));
  return decoded;
}

Result<SdrClosed> decode_sdr_closed(const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(PayloadReader payload, PayloadReader::open(event, 1));
  SdrClosed decoded;
  FMS_TRY(read_reference(payload, decoded));
  FMS_ASSIGN_OR_RETURN(decoded.reason, payload.text("reason"));
  FMS_ASSIGN_OR_RETURN(std::string outcome, payload.text("outcome"));
  if (outcome != kOutcomeClosed && outcome != kOutcomeWithdrawn) {
    return payload.corrupt("outcome \"" + outcome + "\" is neither closed nor withdrawn");
  }
  decoded.withdrawn = outcome == kOutcomeWithdrawn;
  return decoded;
}

}  // namespace fms::ledger
