// Encoding and decoding of ledger event payloads (JSON). The encoded text is stored as is and
// hashed as stored; decoding never feeds back into the hash.
#include "ledger/cases/case_events.h"

#include <nlohmann/json.hpp>

#include "io/loa_json.h"
#include "store/event_hash.h"

namespace fms::ledger {
namespace {

using nlohmann::ordered_json;

Result<nlohmann::json> parse_payload(const store::EventRecord& event, int expected_version) {
  if (event.type_version != expected_version) {
    return Error::corruption(store::describe_event(event) + ": unsupported type version " +
                             std::to_string(event.type_version));
  }
  nlohmann::json payload = nlohmann::json::parse(event.payload, nullptr, false);
  if (payload.is_discarded() || !payload.is_object()) {
    return Error::corruption(store::describe_event(event) + ": payload is not a JSON object");
  }
  return payload;
}

Result<std::string> string_field(const nlohmann::json& object, const char* name,
                                 const store::EventRecord& event) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_string()) {
    return Error::corruption(store::describe_event(event) + ": payload field \"" + name +
                             "\" is missing or not a string");
  }
  return it->get<std::string>();
}

}  // namespace

std::string encode(const DocumentRecorded& payload) {
  ordered_json j;
  j["source"] = payload.source;
  j["document_sha256"] = payload.document_sha256;
  j["document"] = io::to_json(payload.document);
  return j.dump();
}

std::string encode(const StatusChanged& payload) {
  ordered_json j;
  j["from"] = std::string(to_string(payload.from));
  j["to"] = std::string(to_string(payload.to));
  j["date"] = payload.date.to_string();
  j["reason"] = payload.reason;
  if (payload.override_taken) {
    j["override"] = {{"reason", payload.override_taken->reason},
                     {"missing", payload.override_taken->missing}};
  }
  return j.dump();
}

std::string encode(const AmendmentSigned& payload) {
  ordered_json j;
  j["version"] = payload.version;
  j["date"] = payload.date.to_string();
  j["reason"] = payload.reason;
  return j.dump();
}

Result<DocumentRecorded> decode_document_recorded(const store::EventRecord& event,
                                                  const ReferenceData& reference) {
  FMS_ASSIGN_OR_RETURN(nlohmann::json payload, parse_payload(event, 1));
  DocumentRecorded decoded;
  FMS_ASSIGN_OR_RETURN(decoded.source, string_field(payload, "source", event));
  FMS_ASSIGN_OR_RETURN(decoded.document_sha256, string_field(payload, "document_sha256", event));
  auto document = payload.find("document");
  if (document == payload.end() || !document->is_object()) {
    return Error::corruption(store::describe_event(event) + ": payload has no document");
  }
  auto parsed = io::loa_version_from_json(*document, store::describe_event(event), reference);
  if (!parsed.ok()) {
    return Error::corruption(parsed.error().message);
  }
  decoded.document = std::move(parsed).value();
  return decoded;
}

Result<StatusChanged> decode_status_changed(const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(nlohmann::json payload, parse_payload(event, 1));
  StatusChanged decoded;
  FMS_ASSIGN_OR_RETURN(std::string from, string_field(payload, "from", event));
  FMS_ASSIGN_OR_RETURN(std::string to, string_field(payload, "to", event));
  FMS_ASSIGN_OR_RETURN(std::string date, string_field(payload, "date", event));
  FMS_ASSIGN_OR_RETURN(decoded.reason, string_field(payload, "reason", event));
  auto from_status = case_status_from_string(from);
  auto to_status = case_status_from_string(to);
  auto parsed_date = CivilDate::parse(date);
  if (!from_status.ok() || !to_status.ok() || !parsed_date.ok()) {
    return Error::corruption(store::describe_event(event) +
                             ": payload has an invalid status or date");
  }
  decoded.from = *from_status;
  decoded.to = *to_status;
  decoded.date = *parsed_date;
  if (auto taken = payload.find("override"); taken != payload.end()) {
    const auto missing = taken->is_object() ? taken->find("missing") : taken->end();
    if (!taken->is_object() || missing == taken->end() || !missing->is_array()) {
      return Error::corruption(store::describe_event(event) + ": payload has an invalid override");
    }
    GuardOverride out;
    FMS_ASSIGN_OR_RETURN(out.reason, string_field(*taken, "reason", event));
    for (const auto& item : *missing) {
      if (!item.is_string()) {
        return Error::corruption(store::describe_event(event) +
                                 ": payload has an invalid override");
      }
      out.missing.push_back(item.get<std::string>());
    }
    decoded.override_taken = std::move(out);
  }
  return decoded;
}

Result<AmendmentSigned> decode_amendment_signed(const store::EventRecord& event) {
  FMS_ASSIGN_OR_RETURN(nlohmann::json payload, parse_payload(event, 1));
  AmendmentSigned decoded;
  const auto version = payload.find("version");
  FMS_ASSIGN_OR_RETURN(std::string date, string_field(payload, "date", event));
  FMS_ASSIGN_OR_RETURN(decoded.reason, string_field(payload, "reason", event));
  auto parsed_date = CivilDate::parse(date);
  if (version == payload.end() || !version->is_number_integer() || !parsed_date.ok()) {
    return Error::corruption(store::describe_event(event) +
                             ": payload has an invalid version or date");
  }
  decoded.version = version->get<int>();
  decoded.date = *parsed_date;
  return decoded;
}

}  // namespace fms::ledger
