// Typed payload access: one place that turns malformed stored JSON into corruption errors.
#include "ledger/log/payload_reader.h"

#include <memory>

#include "store/event_hash.h"

namespace fms::ledger {

Result<PayloadReader> PayloadReader::open(const store::EventRecord& event, int expected_version) {
  return open(event, expected_version, expected_version);
}

Result<PayloadReader> PayloadReader::open(const store::EventRecord& event, int min_version,
                                          int max_version) {
  if (event.type_version < min_version || event.type_version > max_version) {
    return Error::corruption(store::describe_event(event) + ": unsupported type version " +
                             std::to_string(event.type_version));
  }
  auto payload =
      std::make_shared<nlohmann::json>(nlohmann::json::parse(event.payload, nullptr, false));
  if (payload->is_discarded() || !payload->is_object()) {
    return Error::corruption(store::describe_event(event) + ": payload is not a JSON object");
  }
  const nlohmann::json* object = payload.get();
  return PayloadReader(event, std::shared_ptr<const nlohmann::json>(std::move(payload)), object);
}

Error PayloadReader::corrupt(const std::string& what) const {
  return Error::corruption(store::describe_event(*event_) + ": " + what);
}

Status PayloadReader::only_fields(std::initializer_list<std::string_view> names) const {
  for (const auto& item : object_->items()) {
    const std::string& key = item.key();
    bool known = false;
    for (const std::string_view name : names) known = known || key == name;
    if (!known) return corrupt("payload field \"" + key + "\" is not one this event type has");
  }
  return Status::Ok();
}

Result<const nlohmann::json*> PayloadReader::field(const char* name) const {
  auto it = object_->find(name);
  if (it == object_->end())
    return corrupt("payload field \"" + std::string(name) + "\" is missing");
  return &*it;
}

bool PayloadReader::has(const char* name) const {
  return object_->contains(name);
}

Result<std::string> PayloadReader::text(const char* name) const {
  FMS_ASSIGN_OR_RETURN(const nlohmann::json* value, field(name));
  if (!value->is_string())
    return corrupt("payload field \"" + std::string(name) + "\" is not a string");
  return value->get<std::string>();
}

Result<std::optional<std::string>> PayloadReader::optional_text(const char* name) const {
  FMS_ASSIGN_OR_RETURN(const nlohmann::json* value, field(name));
  if (value->is_null()) return std::optional<std::string>();
  if (!value->is_string()) {
    return corrupt("payload field \"" + std::string(name) + "\" is neither a string nor null");
  }
  return std::optional<std::string>(value->get<std::string>());
}

Result<std::int64_t> PayloadReader::integer(const char* name) const {
  FMS_ASSIGN_OR_RETURN(const nlohmann::json* value, field(name));
  if (!value->is_number_integer()) {
    return corrupt("payload field \"" + std::string(name) + "\" is not an integer");
  }
  return value->get<std::int64_t>();
}

Result<CivilDate> PayloadReader::date(const char* name) const {
  FMS_ASSIGN_OR_RETURN(std::string value, text(name));
  auto parsed = CivilDate::parse(value);
  if (!parsed.ok()) return corrupt("payload field \"" + std::string(name) + "\" is not a date");
  return *parsed;
}

Result<Money> PayloadReader::money(const char* name, Currency currency) const {
  FMS_ASSIGN_OR_RETURN(std::string value, text(name));
  auto parsed = Money::parse(value, currency);
  if (!parsed.ok()) return corrupt("payload field \"" + std::string(name) + "\" is not an amount");
  return *parsed;
}

Result<std::vector<std::string>> PayloadReader::texts(const char* name) const {
  FMS_ASSIGN_OR_RETURN(const nlohmann::json* value, field(name));
  if (!value->is_array())
    return corrupt("payload field \"" + std::string(name) + "\" is not an array");
  std::vector<std::string> out;
  out.reserve(value->size());
  for (const auto& element : *value) {
    if (!element.is_string()) {
      return corrupt("payload field \"" + std::string(name) + "\" has a non-string element");
    }
    out.push_back(element.get<std::string>());
  }
  return out;
}

Result<PayloadReader> PayloadReader::object(const char* name) const {
  FMS_ASSIGN_OR_RETURN(const nlohmann::json* value, field(name));
  if (!value->is_object())
    return corrupt("payload field \"" + std::string(name) + "\" is not an object");
  return PayloadReader(*event_, owned_, value);
}

Result<std::map<std::string, std::int64_t>> PayloadReader::integer_map(const char* name) const {
  FMS_ASSIGN_OR_RETURN(const nlohmann::json* value, field(name));
  if (!value->is_object())
    return corrupt("payload field \"" + std::string(name) + "\" is not an object");
  std::map<std::string, std::int64_t> out;
  for (const auto& [key, element] : value->items()) {
    if (!element.is_number_integer()) {
      return corrupt("payload field \"" + std::string(name) + "\" has a non-integer value");
    }
    out.emplace(key, element.get<std::int64_t>());
  }
  return out;
}

Result<std::vector<PayloadReader>> PayloadReader::objects(const char* name) const {
  FMS_ASSIGN_OR_RETURN(const nlohmann::json* value, field(name));
  if (!value->is_array())
    return corrupt("payload field \"" + std::string(name) + "\" is not an array");
  std::vector<PayloadReader> out;
  out.reserve(value->size());
  for (const auto& element : *value) {
    if (!element.is_object()) {
      return corrupt("payload field \"" + std::string(name) + "\" has a non-object element");
    }
    out.push_back(PayloadReader(*event_, owned_, &element));
  }
  return out;
}

}  // namespace fms::ledger
