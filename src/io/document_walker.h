// Walking a parsed JSON document into a model, recording every problem with its JSON pointer
// instead of stopping at the first: the LOA reader (io/loa_json.cc) derives from it.
//
// A problem is "blocking" when the model holds a default instead of what the file says (a
// missing field, a wrong type, an amount that does not parse), and not blocking when the value
// was read as written but breaks a rule (an unknown code, a negative amount, over-long text).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "core/civil_date.h"
#include "core/money.h"

namespace fms::io {

struct DocumentProblem {
  std::string location;  // JSON Pointer; empty for the document as a whole
  std::string message;
  bool blocking = true;  // the model holds a default instead of the file's value
};

enum class Presence { required, optional };

using FieldList = std::span<const std::string_view>;

// A short description of a JSON value for messages: primitives as written (truncated),
// containers by type only.
std::string describe_json(const nlohmann::json& value);

// One Error::invalid, one "SOURCE: /pointer: message" line per problem, at most `max_reported`
// of them and a count of the rest.
Error problems_to_error(const std::vector<DocumentProblem>& problems, const std::string& source,
                        std::size_t max_reported);

class DocumentWalker {
 public:
  DocumentWalker(std::size_t max_text_bytes, std::size_t max_reported_problems)
      : max_text_bytes_(max_text_bytes), max_reported_problems_(max_reported_problems) {}

  std::vector<DocumentProblem>& problems() { return problems_; }
  [[nodiscard]] bool blocked() const;

 protected:
  using Json = nlohmann::json;

  void fail(std::string location, std::string message) {
    problems_.push_back({std::move(location), std::move(message), true});
  }
  void flag(std::string location, std::string message) {
    problems_.push_back({std::move(location), std::move(message), false});
  }

  // Unknown fields of an object, with a suggestion for near misses.
  void check_fields(const Json& object, const std::string& location, FieldList known);
  // "; did you mean \"quantity\"?" for a near miss (2 edits at most), else the field list.
  static std::string suggestion(std::string_view key, FieldList known);
  // The member `name` of `object`, or nullptr (a problem when required and absent).
  const Json* member(const Json& object, const std::string& location, std::string_view name,
                     Presence presence);
  // The member `name` if it is an object with only `known` fields.
  const Json* object_member(const Json& object, const std::string& location, std::string_view name,
                            Presence presence, FieldList known);
  const Json* array_member(const Json& object, const std::string& location, std::string_view name,
                           Presence presence);
  bool read_text_value(const Json& value, const std::string& location, std::string& out);
  bool read_string(const Json& object, const std::string& location, std::string_view name,
                   Presence presence, std::string& out);
  bool read_bool(const Json& object, const std::string& location, std::string_view name,
                 Presence presence, bool& out);
  std::optional<std::int64_t> read_integer(const Json& object, const std::string& location,
                                           std::string_view name, Presence presence,
                                           std::int64_t minimum, std::int64_t maximum);
  std::optional<int> read_int(const Json& object, const std::string& location,
                              std::string_view name, Presence presence);
  bool read_date(const Json& object, const std::string& location, std::string_view name,
                 Presence presence, CivilDate& out);
  bool read_optional_date(const Json& object, const std::string& location, std::string_view name,
                          std::optional<CivilDate>& out);
  // An amount in currency_, written as a decimal string.
  bool read_money(const Json& object, const std::string& location, std::string_view name,
                  Presence presence, Money& out);

  template <class Entry>
  void check_code(const std::map<std::string, Entry>& table, const std::string& code,
                  const std::string& location, std::string_view list_name) {
    if (table.count(code) != 0) return;
    std::string known;
    std::size_t listed = 0;
    for (const auto& [entry_code, entry] : table) {
      if (listed++ == 24) {
        known += ", ...";
        break;
      }
      known += (known.empty() ? "" : ", ") + entry_code;
    }
    flag(location, "unknown " + std::string(list_name) + " \"" + code +
                       "\"; known codes: " + (known.empty() ? std::string("none") : known));
  }

  Currency currency_ = Currency::usd();  // of the amounts read_money reads

 private:
  std::size_t max_text_bytes_;
  std::size_t max_reported_problems_;
  std::vector<DocumentProblem> problems_;
};

}  // namespace fms::io
