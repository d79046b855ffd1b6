// Reading one reference-data file strictly (file_tables.h): unknown fields, duplicate JSON keys,
// wrong types, JSON numbers with a fraction, codes of the wrong form, duplicate codes, unsorted or
// duplicate effective dates are errors naming the file and the JSON Pointer of the value.
#include "refdata/file_tables.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "core/json_pointer.h"
#include "refdata/embedded.h"
#include "refdata/json_fields.h"

namespace fms::refdata {
namespace {

using json_pointer::child;
using nlohmann::json;

// Limits: reference data is small; anything far larger is a mistake, not data.
constexpr std::size_t kMaxEntriesPerTable = 2000;
constexpr std::size_t kMaxCodeLength = 40;
constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxMeaningLength = 500;
constexpr std::size_t kMaxSourceLength = 2000;
constexpr std::size_t kMaxEraNameBytes = 40;  // "令和" is 6 bytes, "Reiwa" 5
constexpr std::size_t kMaxDescriptionLength = 4000;
constexpr std::size_t kMaxVersionLength = 40;
constexpr std::int64_t kMaxThresholdUsd = 1'000'000'000'000'000;  // USD 10^15: cents fit int64
constexpr std::int64_t kMaxBasisPoints = 10'000;                  // 100%
constexpr std::int64_t kMaxDays = 3'660;                          // ten years

// ---- Domain fields --------------------------------------------------------------------------

Result<std::string> confidence_field(const Source& source, const json& object,
                                     const std::string& pointer) {
  FMS_ASSIGN_OR_RETURN(std::string text,
                       string_field(source, object, pointer, "confidence", kMaxNameLength));
  if (text != "confirmed" && text != "secondary" && text != "unverified") {
    return fail(source, child(pointer, "confidence"),
                "\"" + text + "\" must be one of \"confirmed\", \"secondary\", \"unverified\"");
  }
  return text;
}

// ---- Code tables -----------------------------------------------------------------------------

// The form a code of one table must have.
struct CodeForm {
  std::size_t length_min;
  std::size_t length_max;
  const char* description;  // for the error message
  bool (*char_ok)(char);
  bool kebab;  // lower-case words joined by single '-'
};

bool upper_alpha(char c) {
  return c >= 'A' && c <= 'Z';
}
bool upper_alnum(char c) {
  return upper_alpha(c) || (c >= '0' && c <= '9');
}
bool lower_alpha_or_dash(char c) {
  return (c >= 'a' && c <= 'z') || c == '-';
}
bool snake_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}
bool version_char(char c) {
  return upper_alnum(c) || (c >= 'a' && c <= 'z') || c == '.' || c == '-' || c == '_';
}

bool matches(const CodeForm& form, const std::string& code) {
  if (code.size() < form.length_min || code.size() > form.length_max) return false;
  if (!std::all_of(code.begin(), code.end(), form.char_ok)) return false;
  if (form.kebab) {
    if (code.front() == '-' || code.back() == '-') return false;
    if (code.find("--") != std::string::npos) return false;
  }
  return true;
}

constexpr CodeForm kCustomerCode{2, 2, "2 characters A-Z or 0-9", upper_alnum, false};
constexpr CodeForm kAgencyCode{1, 1, "1 capital letter A-Z", upper_alpha, false};
constexpr CodeForm kOneCharCode{1, 1, "1 character A-Z or 0-9", upper_alnum, false};
constexpr CodeForm kUnitCode{2, 2, "2 capital letters A-Z", upper_alpha, false};
constexpr CodeForm kKebabCode{1, kMaxCodeLength,
                              "lower-case words joined by '-', e.g. cash-prior-to-delivery",
                              lower_alpha_or_dash, true};
constexpr CodeForm kGroupName{1, kMaxCodeLength, "lower-case letters, digits and '_'", snake_char,
                              false};

Result<std::string> code_field(const Source& source, const json& object, const std::string& pointer,
                               std::string_view name, const CodeForm& form) {
  FMS_ASSIGN_OR_RETURN(std::string code,
                       string_field(source, object, pointer, name, kMaxCodeLength));
  if (!matches(form, code)) {
    return fail(source, child(pointer, name),
                "\"" + code + "\" is not a valid code here; expected " + form.description);
  }
  return code;
}

// Reads the array `table_name` of `document` into a code table, calling `read_entry` for each
// element (an object at the given pointer) and rejecting duplicate codes. `key_field` is the
// member an entry's code was read from, for the duplicate's error.
template <class T>
Result<std::optional<CodeTable<T>>> read_code_table(
    const Source& source, const json& document, std::string_view table_name,
    const std::function<Result<T>(const json&, const std::string&)>& read_entry,
    std::string_view key_field = "code") {
  FMS_ASSIGN_OR_RETURN(const json* array, member(source, document, "", table_name, false));
  if (array == nullptr) return std::optional<CodeTable<T>>();
  const std::string pointer = child("", table_name);
  if (!array->is_array()) {
    return fail(source, pointer, "must be an array of entries, got " + type_name(*array));
  }
  if (array->size() > kMaxEntriesPerTable) {
    return fail(source, pointer,
                "has " + std::to_string(array->size()) + " entries; the limit is " +
                    std::to_string(kMaxEntriesPerTable));
  }
  CodeTable<T> table;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string entry_pointer = child(pointer, i);
    FMS_ASSIGN_OR_RETURN(T entry, read_entry((*array)[i], entry_pointer));
    auto [it, inserted] = table.emplace(entry.code, Located<T>{entry, source, entry_pointer});
    if (!inserted) {
      return fail(source, child(entry_pointer, key_field),
                  "duplicate " + std::string(key_field) + " \"" + entry.code +
                      "\"; already defined at " + it->second.pointer);
    }
  }
  return std::optional<CodeTable<T>>(std::move(table));
}

std::function<Result<CodeEntry>(const json&, const std::string&)> code_entry_reader(
    const Source& source, const CodeForm& form) {
  return [&source, &form](const json& value, const std::string& pointer) -> Result<CodeEntry> {
    FMS_TRY(check_object(source, value, pointer, {"code", "meaning", "confidence", "source"}));
    CodeEntry entry;
    FMS_ASSIGN_OR_RETURN(entry.code, code_field(source, value, pointer, "code", form));
    FMS_ASSIGN_OR_RETURN(entry.meaning,
                         string_field(source, value, pointer, "meaning", kMaxMeaningLength));
    FMS_ASSIGN_OR_RETURN(entry.confidence, confidence_field(source, value, pointer));
    FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
    return entry;
  };
}

Result<CustomerEntry> read_customer(const Source& source, const json& value,
                                    const std::string& pointer) {
  FMS_TRY(check_object(source, value, pointer,
                       {"code", "name", "notification_group", "confidence", "source"}));
  CustomerEntry entry;
  FMS_ASSIGN_OR_RETURN(entry.code, code_field(source, value, pointer, "code", kCustomerCode));
  FMS_ASSIGN_OR_RETURN(entry.name, string_field(source, value, pointer, "name", kMaxNameLength));
  FMS_ASSIGN_OR_RETURN(entry.notification_group,
                       code_field(source, value, pointer, "notification_group", kGroupName));
  FMS_ASSIGN_OR_RETURN(entry.confidence, confidence_field(source, value, pointer));
  FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
  return entry;
}

// {"heading": "Amount Due and Payable", "field": "amount_due_usd", "confidence": ...}: the key is
// the heading normalised, so two spellings of one heading are one entry.
Result<StatementColumn> read_statement_column(const Source& source, const json& value,
                                              const std::string& pointer) {
  FMS_TRY(check_object(source, value, pointer, {"heading", "field", "confidence", "source"}));
  StatementColumn column;
  FMS_ASSIGN_OR_RETURN(column.heading,
                       string_field(source, value, pointer, "heading", kMaxStatementHeadingBytes));
  column.code = normalise_heading(column.heading);
  if (column.code.empty()) {
    return fail(source, child(pointer, "heading"), "a heading has at least one visible character");
  }
  FMS_ASSIGN_OR_RETURN(std::string field,
                       string_field(source, value, pointer, "field", kMaxCodeLength));
  const std::optional<StatementField> known = statement_field_from_name(field);
  if (!known) {
    std::string names;
    for (const StatementField f : all_statement_fields()) {
      names += (names.empty() ? "" : ", ") + std::string(statement_field_name(f));
    }
    return fail(source, child(pointer, "field"),
                "\"" + field + "\" is not a DD 645 field; the fields are " + names);
  }
  column.field = *known;
  FMS_ASSIGN_OR_RETURN(column.confidence, confidence_field(source, value, pointer));
  FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
  return column;
}

Result<TypeOfAssistanceEntry> read_type_of_assistance(const Source& source, const json& value,
                                                      const std::string& pointer) {
  FMS_TRY(check_object(source, value, pointer,
                       {"code", "meaning", "valid_sources", "confidence", "source"}));
  TypeOfAssistanceEntry entry;
  FMS_ASSIGN_OR_RETURN(entry.code, code_field(source, value, pointer, "code", kOneCharCode));
  FMS_ASSIGN_OR_RETURN(entry.meaning,
                       string_field(source, value, pointer, "meaning", kMaxMeaningLength));
  FMS_ASSIGN_OR_RETURN(const json* sources, member(source, value, pointer, "valid_sources", true));
  const std::string sources_pointer = child(pointer, "valid_sources");
  if (!sources->is_array()) {
    return fail(source, sources_pointer,
                "must be an array of Source of Supply codes (empty when none applies), got " +
                    type_name(*sources));
  }
  for (std::size_t i = 0; i < sources->size(); ++i) {
    const std::string item_pointer = child(sources_pointer, i);
    FMS_ASSIGN_OR_RETURN(std::string code,
                         string_value(source, (*sources)[i], item_pointer, kMaxCodeLength));
    if (!matches(kOneCharCode, code)) {
      return fail(
          source, item_pointer,
          "\"" + code + "\" is not a valid code here; expected " + kOneCharCode.description);
    }
    if (std::find(entry.valid_sources.begin(), entry.valid_sources.end(), code) !=
        entry.valid_sources.end()) {
      return fail(source, item_pointer, "Source of Supply \"" + code + "\" is listed twice");
    }
    entry.valid_sources.push_back(code);
  }
  FMS_ASSIGN_OR_RETURN(entry.confidence, confidence_field(source, value, pointer));
  FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
  return entry;
}

// ---- Dated tables ----------------------------------------------------------------------------

Result<SurchargeRate> read_surcharge_rate(const Source& source, const json& value,
                                          const std::string& pointer) {
  FMS_TRY(check_object(source, value, pointer,
                       {"effective_from", "rate_basis_points", "confidence", "source"}));
  SurchargeRate rate;
  FMS_ASSIGN_OR_RETURN(rate.effective_from, date_field(source, value, pointer, "effective_from"));
  FMS_ASSIGN_OR_RETURN(
      rate.rate_basis_points,
      integer_field(source, value, pointer, "rate_basis_points", 0, kMaxBasisPoints));
  FMS_TRY(confidence_field(source, value, pointer));
  FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
  return rate;
}

// An era's first fiscal year is the one its first day falls in or the next: the calendar year
// it began, or the one after.
Result<JapaneseEra> read_japanese_era(const Source& source, const json& value,
                                      const std::string& pointer) {
  FMS_TRY(check_object(
      source, value, pointer,
      {"effective_from", "name", "romaji", "first_fiscal_year", "confidence", "source"}));
  JapaneseEra era;
  FMS_ASSIGN_OR_RETURN(era.effective_from, date_field(source, value, pointer, "effective_from"));
  FMS_ASSIGN_OR_RETURN(era.name, string_field(source, value, pointer, "name", kMaxEraNameBytes));
  FMS_ASSIGN_OR_RETURN(era.romaji,
                       string_field(source, value, pointer, "romaji", kMaxEraNameBytes));
  const int begun = era.effective_from.year();
  FMS_ASSIGN_OR_RETURN(
      const std::int64_t first,
      integer_field(source, value, pointer, "first_fiscal_year", begun, begun + 1));
  era.first_fiscal_year = static_cast<int>(first);
  FMS_TRY(confidence_field(source, value, pointer));
  FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
  return era;
}

Result<NotificationThresholds> read_thresholds(const Source& source, const json& value,
                                               const std::string& pointer) {
  FMS_TRY(check_object(source, value, pointer,
                       {"effective_from", "group", "mde_usd", "articles_services_usd",
                        "design_construction_usd", "review_period_days", "confidence", "source"}));
  NotificationThresholds row;
  FMS_ASSIGN_OR_RETURN(row.effective_from, date_field(source, value, pointer, "effective_from"));
  FMS_ASSIGN_OR_RETURN(row.group, code_field(source, value, pointer, "group", kGroupName));
  FMS_ASSIGN_OR_RETURN(row.mde_usd,
                       integer_field(source, value, pointer, "mde_usd", 1, kMaxThresholdUsd));
  FMS_ASSIGN_OR_RETURN(
      row.articles_services_usd,
      integer_field(source, value, pointer, "articles_services_usd", 1, kMaxThresholdUsd));
  FMS_ASSIGN_OR_RETURN(
      row.design_construction_usd,
      integer_field(source, value, pointer, "design_construction_usd", 1, kMaxThresholdUsd));
  FMS_ASSIGN_OR_RETURN(std::int64_t days,
                       integer_field(source, value, pointer, "review_period_days", 1, kMaxDays));
  row.review_period_days = static_cast<int>(days);
  FMS_TRY(confidence_field(source, value, pointer));
  FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
  return row;
}

Result<ReconciliationRules> read_reconciliation_rules(const Source& source, const json& value,
                                                      const std::string& pointer) {
  FMS_TRY(check_object(
      source, value, pointer,
      {"effective_from", "shipped_not_received_days", "receipt_window_days", "sdr_submission_days",
       "sdr_deadline_warning_days", "sdr_minimum_usd", "value_tolerance_basis_points",
       "closure_months_after_ssc", "statement_missing_days", "case_value_warning_basis_points",
       "confidence", "source"}));
  ReconciliationRules rules;
  FMS_ASSIGN_OR_RETURN(rules.effective_from, date_field(source, value, pointer, "effective_from"));
  const auto days = [&](std::string_view name) -> Result<int> {
    FMS_ASSIGN_OR_RETURN(std::int64_t n, integer_field(source, value, pointer, name, 1, kMaxDays));
    return static_cast<int>(n);
  };
  FMS_ASSIGN_OR_RETURN(rules.shipped_not_received_days, days("shipped_not_received_days"));
  FMS_ASSIGN_OR_RETURN(rules.receipt_window_days, days("receipt_window_days"));
  FMS_ASSIGN_OR_RETURN(rules.sdr_submission_days, days("sdr_submission_days"));
  FMS_ASSIGN_OR_RETURN(rules.sdr_deadline_warning_days, days("sdr_deadline_warning_days"));
  FMS_ASSIGN_OR_RETURN(
      std::int64_t minimum_usd,
      integer_field(source, value, pointer, "sdr_minimum_usd", 0, kMaxThresholdUsd));
  rules.sdr_minimum_cents = minimum_usd * 100;
  FMS_ASSIGN_OR_RETURN(
      std::int64_t tolerance,
      integer_field(source, value, pointer, "value_tolerance_basis_points", 0, kMaxBasisPoints));
  rules.value_tolerance_basis_points = static_cast<int>(tolerance);
  FMS_ASSIGN_OR_RETURN(std::int64_t months,
                       integer_field(source, value, pointer, "closure_months_after_ssc", 0, 120));
  rules.closure_months_after_ssc = static_cast<int>(months);
  // Added later than the others: a row without them keeps the defaults of core/reference_data.h.
  if (value.contains("statement_missing_days")) {
    FMS_ASSIGN_OR_RETURN(rules.statement_missing_days, days("statement_missing_days"));
  }
  if (value.contains("case_value_warning_basis_points")) {
    FMS_ASSIGN_OR_RETURN(std::int64_t warning,
                         integer_field(source, value, pointer, "case_value_warning_basis_points", 1,
                                       kMaxBasisPoints));
    rules.case_value_warning_basis_points = static_cast<int>(warning);
  }
  FMS_TRY(confidence_field(source, value, pointer));
  FMS_TRY(optional_text(source, value, pointer, "source", kMaxSourceLength));
  return rules;
}

// The key a dated row is replaced by: its date, and for thresholds its group.
std::string describe_key(const ReconciliationRules& rules) {
  return "effective_from " + rules.effective_from.to_string();
}
std::string describe_key(const SurchargeRate& rate) {
  return "effective_from " + rate.effective_from.to_string();
}
std::string describe_key(const JapaneseEra& era) {
  return "effective_from " + era.effective_from.to_string();
}
std::string describe_key(const NotificationThresholds& row) {
  return "group \"" + row.group + "\" with effective_from " + row.effective_from.to_string();
}

// Reads a dated table: rows in order of effective_from (equal dates allowed only for rows of
// different groups), no two rows with the same key.
template <class Row>
Result<std::optional<std::vector<Located<Row>>>> read_dated_table(
    const Source& source, const json& document, std::string_view table_name,
    Result<Row> (*read_row)(const Source&, const json&, const std::string&)) {
  FMS_ASSIGN_OR_RETURN(const json* array, member(source, document, "", table_name, false));
  if (array == nullptr) return std::optional<std::vector<Located<Row>>>();
  const std::string pointer = child("", table_name);
  if (!array->is_array()) {
    return fail(source, pointer, "must be an array of dated rows, got " + type_name(*array));
  }
  if (array->size() > kMaxEntriesPerTable) {
    return fail(source, pointer,
                "has " + std::to_string(array->size()) + " rows; the limit is " +
                    std::to_string(kMaxEntriesPerTable));
  }
  std::vector<Located<Row>> rows;
  std::map<std::string, std::string> seen;  // key -> pointer
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string row_pointer = child(pointer, i);
    FMS_ASSIGN_OR_RETURN(Row row, read_row(source, (*array)[i], row_pointer));
    auto [it, inserted] = seen.emplace(row_key(row), row_pointer);
    if (!inserted) {
      return fail(source, child(row_pointer, "effective_from"),
                  "duplicate row for " + describe_key(row) + "; already defined at " + it->second);
    }
    if (!rows.empty() && row.effective_from < rows.back().value.effective_from) {
      return fail(source, child(row_pointer, "effective_from"),
                  row.effective_from.to_string() + " is earlier than the row before it (" +
                      rows.back().value.effective_from.to_string() +
                      "); rows must be in order of effective_from");
    }
    rows.push_back(Located<Row>{row, source, row_pointer});
  }
  return std::optional<std::vector<Located<Row>>>(std::move(rows));
}

// ---- One file --------------------------------------------------------------------------------

const std::vector<std::string_view>& top_level_fields() {
  static const std::vector<std::string_view> fields = [] {
    std::vector<std::string_view> all = {"version", "description"};
    all.insert(all.end(), table_names().begin(), table_names().end());
    return all;
  }();
  return fields;
}

Result<std::optional<Located<int>>> read_offer_expiration(const Source& source,
                                                          const json& document) {
  FMS_ASSIGN_OR_RETURN(const json* value,
                       member(source, document, "", "offer_expiration_days_default", false));
  if (value == nullptr) return std::optional<Located<int>>();
  const std::string pointer = child("", "offer_expiration_days_default");
  FMS_TRY(check_object(source, *value, pointer, {"value", "confidence", "source"}));
  FMS_ASSIGN_OR_RETURN(std::int64_t days,
                       integer_field(source, *value, pointer, "value", 1, kMaxDays));
  FMS_TRY(confidence_field(source, *value, pointer));
  FMS_TRY(optional_text(source, *value, pointer, "source", kMaxSourceLength));
  return std::optional<Located<int>>(Located<int>{static_cast<int>(days), source, pointer});
}

}  // namespace

std::string row_key(const SurchargeRate& rate) {
  return rate.effective_from.to_string();
}
std::string row_key(const NotificationThresholds& row) {
  return row.group + " " + row.effective_from.to_string();
}
std::string row_key(const ReconciliationRules& rules) {
  return rules.effective_from.to_string();
}
std::string row_key(const JapaneseEra& era) {
  return era.effective_from.to_string();
}

const std::vector<std::string_view>& table_names() {
  static const std::vector<std::string_view> names = {"customers",
                                                      "implementing_agencies",
                                                      "types_of_assistance",
                                                      "sources_of_supply",
                                                      "offer_release_codes",
                                                      "delivery_term_codes",
                                                      "units_of_issue",
                                                      "terms_of_sale",
                                                      "admin_surcharge_rates",
                                                      "notification_thresholds",
                                                      "offer_expiration_days_default",
                                                      "reconciliation_rules",
                                                      "dd645_columns",
                                                      "japanese_eras"};
  return names;
}

Result<FileTables> read_file(const Source& source, std::string_view text) {
  FMS_ASSIGN_OR_RETURN(json document, parse_json(source, text));
  FMS_TRY(check_object(source, document, "", top_level_fields()));
  FileTables file;
  FMS_ASSIGN_OR_RETURN(file.version,
                       string_field(source, document, "", "version", kMaxVersionLength));
  if (!std::all_of(file.version.begin(), file.version.end(), version_char)) {
    return fail(source, "/version",
                "\"" + file.version + "\" may only use letters, digits, '.', '-' and '_'");
  }
  FMS_TRY(optional_text(source, document, "", "description", kMaxDescriptionLength));

  auto codes = [&](const CodeForm& form) { return code_entry_reader(source, form); };
  FMS_ASSIGN_OR_RETURN(file.customers, read_code_table<CustomerEntry>(
                                           source, document, "customers",
                                           [&source](const json& v, const std::string& p) {
                                             return read_customer(source, v, p);
                                           }));
  FMS_ASSIGN_OR_RETURN(
      file.implementing_agencies,
      read_code_table<CodeEntry>(source, document, "implementing_agencies", codes(kAgencyCode)));
  FMS_ASSIGN_OR_RETURN(
      file.types_of_assistance,
      read_code_table<TypeOfAssistanceEntry>(source, document, "types_of_assistance",
                                             [&source](const json& v, const std::string& p) {
                                               return read_type_of_assistance(source, v, p);
                                             }));
  FMS_ASSIGN_OR_RETURN(
      file.sources_of_supply,
      read_code_table<CodeEntry>(source, document, "sources_of_supply", codes(kOneCharCode)));
  FMS_ASSIGN_OR_RETURN(
      file.offer_release_codes,
      read_code_table<CodeEntry>(source, document, "offer_release_codes", codes(kOneCharCode)));
  FMS_ASSIGN_OR_RETURN(
      file.delivery_term_codes,
      read_code_table<CodeEntry>(source, document, "delivery_term_codes", codes(kOneCharCode)));
  FMS_ASSIGN_OR_RETURN(
      file.units_of_issue,
      read_code_table<CodeEntry>(source, document, "units_of_issue", codes(kUnitCode)));
  FMS_ASSIGN_OR_RETURN(
      file.terms_of_sale,
      read_code_table<CodeEntry>(source, document, "terms_of_sale", codes(kKebabCode)));
  FMS_ASSIGN_OR_RETURN(file.admin_surcharge_rates,
                       read_dated_table<SurchargeRate>(source, document, "admin_surcharge_rates",
                                                       read_surcharge_rate));
  FMS_ASSIGN_OR_RETURN(file.notification_thresholds,
                       read_dated_table<NotificationThresholds>(
                           source, document, "notification_thresholds", read_thresholds));
  FMS_ASSIGN_OR_RETURN(file.offer_expiration_days_default, read_offer_expiration(source, document));
  FMS_ASSIGN_OR_RETURN(file.reconciliation_rules,
                       read_dated_table<ReconciliationRules>(
                           source, document, "reconciliation_rules", read_reconciliation_rules));
  FMS_ASSIGN_OR_RETURN(file.dd645_columns, read_code_table<StatementColumn>(
                                               source, document, "dd645_columns",
                                               [&source](const json& v, const std::string& p) {
                                                 return read_statement_column(source, v, p);
                                               },
                                               "heading"));
  FMS_ASSIGN_OR_RETURN(
      file.japanese_eras,
      read_dated_table<JapaneseEra>(source, document, "japanese_eras", read_japanese_era));
  return file;
}

}  // namespace fms::refdata
