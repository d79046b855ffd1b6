// One reference-data file read into its tables (refdata/README.md has the shape), each entry
// with the file and JSON Pointer it came from, for the merge and the cross-table checks that
// follow (refdata/loader.cc).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "core/reference_data.h"
#include "refdata/json_fields.h"

namespace fms::refdata {

// An entry together with the place it was read from, for later cross-table errors.
template <class T>
struct Located {
  T value;
  Source source;
  std::string pointer;
};

template <class T>
using CodeTable = std::map<std::string, Located<T>>;

struct FileTables {
  std::string version;
  std::optional<CodeTable<CustomerEntry>> customers;
  std::optional<CodeTable<CodeEntry>> implementing_agencies;
  std::optional<CodeTable<TypeOfAssistanceEntry>> types_of_assistance;
  std::optional<CodeTable<CodeEntry>> sources_of_supply;
  std::optional<CodeTable<CodeEntry>> offer_release_codes;
  std::optional<CodeTable<CodeEntry>> delivery_term_codes;
  std::optional<CodeTable<CodeEntry>> units_of_issue;
  std::optional<CodeTable<CodeEntry>> terms_of_sale;
  std::optional<std::vector<Located<SurchargeRate>>> admin_surcharge_rates;
  std::optional<std::vector<Located<NotificationThresholds>>> notification_thresholds;
  std::optional<Located<int>> offer_expiration_days_default;
  std::optional<std::vector<Located<ReconciliationRules>>> reconciliation_rules;
  std::optional<CodeTable<StatementColumn>> dd645_columns;
  std::optional<std::vector<Located<JapaneseEra>>> japanese_eras;
};

// The tables of reference data, each of which lives in exactly one built-in file.
const std::vector<std::string_view>& table_names();

// Reads and checks one file: its shape, codes, limits and dates; the first problem is the error.
Result<FileTables> read_file(const Source& source, std::string_view text);

// What makes two dated rows the same row (an override replaces the row with the same key).
std::string row_key(const SurchargeRate& rate);
std::string row_key(const NotificationThresholds& row);
std::string row_key(const ReconciliationRules& rules);
std::string row_key(const JapaneseEra& era);

}  // namespace fms::refdata
