// Look-ups into the reference tables. Every miss is an error that names the list, the code
// asked for and the codes that do exist, so the user can fix the input without opening the
// data files:  unknown Delivery Term Code "6"; known codes: 2, 3, 4, 5, 7, 8, 9
// Dated tables answer "what was in force on this date": the last row whose effective_from is
// on or before the date. A date before the first row is an error, never a silent default.
#include "core/reference_data.h"

#include <set>
#include <string_view>

namespace fms {
namespace {

template <class Entry>
std::string known_codes(const std::map<std::string, Entry>& table) {
  std::string out;
  for (const auto& [code, entry] : table) {
    if (!out.empty()) out += ", ";
    out += code;
  }
  return out.empty() ? "(none)" : out;
}

template <class Entry>
Result<Entry> find_code(const std::map<std::string, Entry>& table, std::string_view list_name,
                        const std::string& code) {
  auto it = table.find(code);
  if (it != table.end()) return it->second;
  return Error::invalid("unknown " + std::string(list_name) + " \"" + code +
                        "\"; known codes: " + known_codes(table));
}

}  // namespace

Result<CustomerEntry> ReferenceData::customer(const std::string& code) const {
  return find_code(customers, "customer code", code);
}

Result<CodeEntry> ReferenceData::implementing_agency(const std::string& code) const {
  return find_code(implementing_agencies, "implementing agency code", code);
}

Result<TypeOfAssistanceEntry> ReferenceData::type_of_assistance(const std::string& code) const {
  return find_code(types_of_assistance, "Type of Assistance code", code);
}

Result<CodeEntry> ReferenceData::source_of_supply(const std::string& code) const {
  return find_code(sources_of_supply, "Source of Supply code", code);
}

Result<CodeEntry> ReferenceData::offer_release_code(const std::string& code) const {
  return find_code(offer_release_codes, "Offer/Release Code", code);
}

Result<CodeEntry> ReferenceData::delivery_term_code(const std::string& code) const {
  return find_code(delivery_term_codes, "Delivery Term Code", code);
}

Result<CodeEntry> ReferenceData::unit_of_issue(const std::string& code) const {
  return find_code(units_of_issue, "unit of issue", code);
}

Result<CodeEntry> ReferenceData::term_of_sale(const std::string& code) const {
  return find_code(terms_of_sale, "term of sale", code);
}

Result<ReconciliationRules> ReferenceData::reconciliation_rules_on(const CivilDate& date) const {
  const ReconciliationRules* in_force = nullptr;
  for (const ReconciliationRules& rules : reconciliation_rules) {
    if (rules.effective_from <= date) in_force = &rules;
  }
  if (in_force == nullptr) {
    return Error::invalid("no reconciliation rules in force on " + date.to_string() +
                          (reconciliation_rules.empty()
                               ? std::string("; the table is empty")
                               : "; the first rules take effect on " +
                                     reconciliation_rules.front().effective_from.to_string()));
  }
  return *in_force;
}

Result<SurchargeRate> ReferenceData::admin_surcharge_rate_on(const CivilDate& date) const {
  const SurchargeRate* in_force = nullptr;
  for (const SurchargeRate& rate : admin_surcharge_rates) {
    if (rate.effective_from <= date) in_force = &rate;
  }
  if (in_force == nullptr) {
    std::string first = admin_surcharge_rates.empty()
                            ? std::string("the table is empty")
                            : "the first rate takes effect on " +
                                  admin_surcharge_rates.front().effective_from.to_string();
    return Error::invalid("no administrative surcharge rate in force on " + date.to_string() +
                          "; " + first);
  }
  return *in_force;
}

Result<NotificationThresholds> ReferenceData::notification_thresholds_on(
    const std::string& group, const CivilDate& date) const {
  const NotificationThresholds* in_force = nullptr;
  const NotificationThresholds* first = nullptr;
  std::set<std::string> groups;
  for (const NotificationThresholds& row : notification_thresholds) {
    groups.insert(row.group);
    if (row.group != group) continue;
    if (first == nullptr || row.effective_from < first->effective_from) first = &row;
    if (row.effective_from <= date &&
        (in_force == nullptr || in_force->effective_from <= row.effective_from)) {
      in_force = &row;
    }
  }
  if (first == nullptr) {
    std::string known;
    for (const std::string& g : groups) known += (known.empty() ? "" : ", ") + g;
    return Error::invalid("unknown AECA 36(b) notification group \"" + group +
                          "\"; known groups: " + (known.empty() ? "(none)" : known));
  }
  if (in_force == nullptr) {
    return Error::invalid("no AECA 36(b) thresholds for group \"" + group + "\" in force on " +
                          date.to_string() + "; the first take effect on " +
                          first->effective_from.to_string());
  }
  return *in_force;
}

}  // namespace fms
