// Parsing of FMS case identifiers "CC-I-DDD" (e.g. JA-P-AMA). The text must match
// ^[A-Z]{2}-[A-Z]-[A-Z0-9]{3}$ and the customer and implementing-agency codes must exist in the
// reference data. The error says which part is wrong: the overall shape, the customer code,
// the implementing agency or the designator, and for unknown codes lists the known ones.
#include "core/case_id.h"

#include <cstddef>
#include <vector>

namespace fms {
namespace {

constexpr std::size_t kMaxQuotedLength = 40;  // longer input is cut in error messages

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_of(std::string_view text, bool (*ok)(char)) {
  for (char c : text) {
    if (!ok(c)) return false;
  }
  return true;
}

bool upper_or_digit(char c) {
  return is_upper(c) || is_digit(c);
}

// Quotes user text for an error message, cut to a sane length.
std::string quoted(std::string_view text) {
  if (text.size() > kMaxQuotedLength) {
    return "\"" + std::string(text.substr(0, kMaxQuotedLength)) + "...\"";
  }
  return "\"" + std::string(text) + "\"";
}

std::vector<std::string_view> split_on_dash(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t dash = text.find('-', start);
    if (dash == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, dash - start));
    start = dash + 1;
  }
}

template <class Entry>
std::string known_codes(const std::map<std::string, Entry>& table) {
  std::string out;
  for (const auto& [code, entry] : table) {
    if (!out.empty()) out += ", ";
    out += code;
  }
  return out.empty() ? "(none)" : out;
}

}  // namespace

Result<CaseId> CaseId::parse(std::string_view text, const ReferenceData& reference) {
  const std::string prefix = "case identifier " + quoted(text) + ": ";
  std::vector<std::string_view> parts = split_on_dash(text);
  if (parts.size() != 3) {
    return Error::invalid(prefix + "expected CC-I-DDD, e.g. JA-P-AMA");
  }
  const std::string_view customer = parts[0];
  const std::string_view agency = parts[1];
  const std::string_view designator = parts[2];

  if (customer.size() != 2 || !all_of(customer, is_upper)) {
    return Error::invalid(prefix + "customer code " + quoted(customer) +
                          " must be 2 capital letters A-Z (expected CC-I-DDD, e.g. JA-P-AMA)");
  }
  if (agency.size() != 1 || !all_of(agency, is_upper)) {
    return Error::invalid(prefix + "implementing agency " + quoted(agency) +
                          " must be 1 capital letter A-Z (expected CC-I-DDD, e.g. JA-P-AMA)");
  }
  if (designator.size() != 3 || !all_of(designator, upper_or_digit)) {
    return Error::invalid(prefix + "designator " + quoted(designator) +
                          " must be 3 characters A-Z or 0-9 (expected CC-I-DDD, e.g. JA-P-AMA)");
  }

  std::string customer_code(customer);
  std::string agency_code(agency);
  if (reference.customers.find(customer_code) == reference.customers.end()) {
    return Error::invalid(prefix + "customer code " + quoted(customer) +
                          " is not a known code; known: " + known_codes(reference.customers));
  }
  if (reference.implementing_agencies.find(agency_code) == reference.implementing_agencies.end()) {
    return Error::invalid(
        prefix + "implementing agency " + quoted(agency) +
        " is not a known code; known: " + known_codes(reference.implementing_agencies));
  }
  return CaseId(std::move(customer_code), std::move(agency_code), std::string(designator));
}

std::string CaseId::to_string() const {
  if (customer_.empty()) return std::string();
  return customer_ + "-" + agency_ + "-" + designator_;
}

}  // namespace fms
