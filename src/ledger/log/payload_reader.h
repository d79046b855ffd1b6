// Typed access to a stored event's JSON payload. Anything missing or malformed in a stored
// payload is corruption of the log, reported with the event it was found in.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "core/civil_date.h"
#include "core/money.h"
#include "store/store.h"

namespace fms::ledger {

class PayloadReader {
 public:
  // Parses the payload; refuses a type version other than `expected_version`.
  static Result<PayloadReader> open(const store::EventRecord& event, int expected_version);
  // The same for a type whose versions `min_version` to `max_version` are all read.
  static Result<PayloadReader> open(const store::EventRecord& event, int min_version,
                                    int max_version);

  // Whether the payload has the field: for fields written only when they have a value.
  [[nodiscard]] bool has(const char* name) const;
  [[nodiscard]] Result<std::string> text(const char* name) const;
  [[nodiscard]] Result<std::optional<std::string>> optional_text(const char* name) const;  // null
  [[nodiscard]] Result<std::int64_t> integer(const char* name) const;
  [[nodiscard]] Result<CivilDate> date(const char* name) const;
  [[nodiscard]] Result<Money> money(const char* name, Currency currency) const;  // "1234.56"
  [[nodiscard]] Result<std::vector<std::string>> texts(const char* name) const;
  [[nodiscard]] Result<PayloadReader> object(const char* name) const;
  [[nodiscard]] Result<std::map<std::string, std::int64_t>> integer_map(const char* name) const;
  // The elements of an array of objects, each as a reader.
  [[nodiscard]] Result<std::vector<PayloadReader>> objects(const char* name) const;
  [[nodiscard]] Error corrupt(const std::string& what) const;
  // Refuses a payload with a field not named in `names`: for event types whose decoding is
  // strict, so a field written by a newer version is not silently dropped.
  [[nodiscard]] Status only_fields(std::initializer_list<std::string_view> names) const;

 private:
  // Nested readers share ownership of the parsed payload, so they may outlive the top reader.
  PayloadReader(const store::EventRecord& event, std::shared_ptr<const nlohmann::json> owned,
                const nlohmann::json* object)
      : event_(&event), owned_(std::move(owned)), object_(object) {}
  [[nodiscard]] Result<const nlohmann::json*> field(const char* name) const;

  const store::EventRecord* event_;
  std::shared_ptr<const nlohmann::json> owned_;  // the whole parsed payload
  const nlohmann::json* object_;
};

}  // namespace fms::ledger
