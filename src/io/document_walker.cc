// The generic half of reading a JSON document: fields, types, dates and amounts, each problem
// recorded with its pointer (document_walker.h).
#include "io/document_walker.h"

#include <algorithm>
#include <climits>

#include "core/json_pointer.h"
#include "core/text.h"

namespace fms::io {
namespace {

using Json = nlohmann::json;
using json_pointer::child;

std::string describe(const Json& value) {
  return describe_json(value);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string describe_json(const Json& value) {
  if (value.is_object() || value.is_array()) return std::string(value.type_name());
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  constexpr std::size_t kMaxShown = 60;
  if (text.size() > kMaxShown) text = text.substr(0, kMaxShown) + "...";
  return std::string(value.type_name()) + " " + text;
}

Error problems_to_error(const std::vector<DocumentProblem>& problems, const std::string& source,
                        std::size_t max_reported) {
  std::string message;
  const std::size_t shown = std::min(problems.size(), max_reported);
  for (std::size_t i = 0; i < shown; ++i) {
    const DocumentProblem& problem = problems[i];
    if (i > 0) message += "\n";
    message += source + ": ";
    if (!problem.location.empty()) message += problem.location + ": ";
    message += problem.message;
  }
  if (problems.size() > shown) {
    message += "\n... and " + std::to_string(problems.size() - shown) + " more";
  }
  return Error::invalid(std::move(message));
}

bool DocumentWalker::blocked() const {
  return std::any_of(problems_.begin(), problems_.end(),
                     [](const DocumentProblem& problem) { return problem.blocking; });
}

void DocumentWalker::check_fields(const Json& object, const std::string& location,
                                  FieldList known) {
  constexpr std::size_t kMaxSuggestedKeyBytes = 64;  // bounds the edit-distance work
  for (const auto& [key, value] : object.items()) {
    bool found = false;
    for (const std::string_view name : known) found = found || name == key;
    if (found) continue;
    std::string message = "unknown field \"" + key.substr(0, max_text_bytes_) + "\"";
    // Problems past the reporting cap are only counted, so they need no suggestion.
    if (problems_.size() < max_reported_problems_ && key.size() <= kMaxSuggestedKeyBytes) {
      message += suggestion(key, known);
    }
    flag(child(location, key), std::move(message));
  }
}

std::string DocumentWalker::suggestion(std::string_view key, FieldList known) {
  std::string_view closest;
  std::size_t closest_distance = 3;
  for (const std::string_view name : known) {
    const std::size_t distance = edit_distance(key, name);
    if (distance < closest_distance) {
      closest_distance = distance;
      closest = name;
    }
  }
  if (!closest.empty()) return "; did you mean \"" + std::string(closest) + "\"?";
  std::string list;
  for (const std::string_view name : known) {
    list += (list.empty() ? "" : ", ") + std::string(name);
  }
  return "; the fields here are: " + list;
}

const Json* DocumentWalker::member(const Json& object, const std::string& location,
                                   std::string_view name, Presence presence) {
  const auto it = object.find(std::string(name));
  if (it == object.end()) {
    if (presence == Presence::required) {
      fail(child(location, name), "required field \"" + std::string(name) + "\" is missing");
    }
    return nullptr;
  }
  return &*it;
}

const Json* DocumentWalker::object_member(const Json& object, const std::string& location,
                                          std::string_view name, Presence presence,
                                          FieldList known) {
  const Json* value = member(object, location, name, presence);
  if (value == nullptr) return nullptr;
  if (!value->is_object()) {
    fail(child(location, name), "must be an object, got " + describe(*value));
    return nullptr;
  }
  check_fields(*value, child(location, name), known);
  return value;
}

const Json* DocumentWalker::array_member(const Json& object, const std::string& location,
                                         std::string_view name, Presence presence) {
  const Json* value = member(object, location, name, presence);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    fail(child(location, name), "must be an array, got " + describe(*value));
    return nullptr;
  }
  return value;
}

bool DocumentWalker::read_text_value(const Json& value, const std::string& location,
                                     std::string& out) {
  if (!value.is_string()) {
    fail(location, "must be a string, got " + describe(value));
    return false;
  }
  out = value.get<std::string>();
  if (out.size() > max_text_bytes_) {
    flag(location, "text is " + std::to_string(out.size()) +
                       " bytes; a text field may be at most " + std::to_string(max_text_bytes_) +
                       " bytes");
  }
  // Line breaks are text; U+0000 and the other control characters would cut or corrupt it
  // in every output that shows it.
  if (const std::size_t at = first_control_character(out, true); at != out.size()) {
    flag(location, "text holds a control character (byte " + std::to_string(at + 1) +
                       "); only line breaks are allowed");
  }
  return true;
}

bool DocumentWalker::read_string(const Json& object, const std::string& location,
                                 std::string_view name, Presence presence, std::string& out) {
  const Json* value = member(object, location, name, presence);
  return value != nullptr && read_text_value(*value, child(location, name), out);
}

bool DocumentWalker::read_bool(const Json& object, const std::string& location,
                               std::string_view name, Presence presence, bool& out) {
  const Json* value = member(object, location, name, presence);
  if (value == nullptr) return false;
  if (!value->is_boolean()) {
    fail(child(location, name), "must be true or false, got " + describe(*value));
    return false;
  }
  out = value->get<bool>();
  return true;
}

std::optional<std::int64_t> DocumentWalker::read_integer(const Json& object,
                                                         const std::string& location,
                                                         std::string_view name, Presence presence,
                                                         std::int64_t minimum,
                                                         std::int64_t maximum) {
  const Json* value = member(object, location, name, presence);
  if (value == nullptr) return std::nullopt;
  const std::string here = child(location, name);
  if (!value->is_number_integer()) {
    fail(here, "must be a whole number, got " + describe(*value));
    return std::nullopt;
  }
  if (value->is_number_unsigned() &&
      value->get<std::uint64_t>() > static_cast<std::uint64_t>(maximum)) {
    fail(here, "must be at most " + std::to_string(maximum) + ", got " + describe(*value));
    return std::nullopt;
  }
  const std::int64_t number = value->get<std::int64_t>();
  if (number < minimum || number > maximum) {
    fail(here, "must be between " + std::to_string(minimum) + " and " + std::to_string(maximum) +
                   ", got " + std::to_string(number));
    return std::nullopt;
  }
  return number;
}

std::optional<int> DocumentWalker::read_int(const Json& object, const std::string& location,
                                            std::string_view name, Presence presence) {
  const std::optional<std::int64_t> number =
      read_integer(object, location, name, presence, INT_MIN, INT_MAX);
  if (!number) return std::nullopt;
  return static_cast<int>(*number);
}

bool DocumentWalker::read_date(const Json& object, const std::string& location,
                               std::string_view name, Presence presence, CivilDate& out) {
  const Json* value = member(object, location, name, presence);
  if (value == nullptr) return false;
  const std::string here = child(location, name);
  if (!value->is_string()) {
    fail(here, "a date must be a string \"YYYY-MM-DD\", got " + describe(*value));
    return false;
  }
  const std::string& text = value->get_ref<const std::string&>();
  Result<CivilDate> date = CivilDate::parse(text);
  if (!date.ok()) {
    fail(here, "\"" + text + "\" is not a date \"YYYY-MM-DD\": " + date.error().message);
    return false;
  }
  out = *date;
  return true;
}

bool DocumentWalker::read_optional_date(const Json& object, const std::string& location,
                                        std::string_view name, std::optional<CivilDate>& out) {
  CivilDate date;
  if (!read_date(object, location, name, Presence::optional, date)) return false;
  out = date;
  return true;
}

bool DocumentWalker::read_money(const Json& object, const std::string& location,
                                std::string_view name, Presence presence, Money& out) {
  const Json* value = member(object, location, name, presence);
  if (value == nullptr) return false;
  const std::string here = child(location, name);
  if (value->is_number()) {
    fail(here, "money must be a decimal string such as \"1234.56\", not a JSON number (got " +
                   value->dump() + "); write it in quotes");
    return false;
  }
  if (!value->is_string()) {
    fail(here, "money must be a decimal string such as \"1234.56\", got " + describe(*value));
    return false;
  }
  const std::string& text = value->get_ref<const std::string&>();
  // Money::parse also takes a currency prefix ("USD 1.00"); the format does not.
  if (text.find_first_not_of("0123456789,.-") != std::string::npos) {
    fail(here, "\"" + text.substr(0, 60) + "\" is not an amount: write digits with optional " +
                   "thousands commas and decimals, e.g. \"4,250,000.00\"");
    return false;
  }
  Result<Money> amount = Money::parse(text, currency_);
  if (!amount.ok()) {
    fail(here, "\"" + text + "\" is not an amount in " + std::string(currency_.code()) + ": " +
                   amount.error().message);
    return false;
  }
  out = *amount;
  if (out.is_negative()) {
    flag(here, "amounts must not be negative, got " + out.format_with_code());
  }
  return true;
}

}  // namespace fms::io
